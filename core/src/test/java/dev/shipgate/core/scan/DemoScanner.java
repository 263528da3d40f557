package dev.shipgate.core.scan;

import dev.shipgate.core.model.Confidence;
import dev.shipgate.core.model.Finding;
import dev.shipgate.core.model.Rule;
import dev.shipgate.core.model.Severity;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** A file scanner for engine tests: reports every line containing {@code BAD}, throws on {@code CRASH}. */
final class DemoScanner implements FileScanner {

  static final Rule BAD = Rule.builder("demo/text/bad", "demo").title("Bad word").severity(Severity.HIGH).confidence(Confidence.HIGH)
      .cwe("CWE-20").description("A line says BAD.").fix("Say something else.").tags("test:x").build();
  static final Rule WEAK = Rule.builder("demo/text/weak", "demo").title("Weak word").severity(Severity.LOW).confidence(Confidence.HIGH)
      .description("A line says WEAK.").fix("Say something else.").build();

  final AtomicInteger calls = new AtomicInteger();

  @Override
  public String family() {
    return "demo";
  }

  @Override
  public String version() {
    return "1";
  }

  @Override
  public List<Rule> rules() {
    return List.of(BAD, WEAK);
  }

  @Override
  public boolean accepts(String path) {
    return path.endsWith(".txt");
  }

  @Override
  public void scan(SourceFile file, ScanContext context) throws IOException {
    calls.incrementAndGet();
    if (file.text().contains("CRASH")) {
      throw new IllegalStateException("demo scanner crashed on purpose");
    }
    for (int n = 1; n <= file.lineCount(); n++) {
      String line = file.line(n);
      if (line.contains("BAD")) {
        context.report(Finding.builder(BAD).atLine(file.path(), n).build());
      }
      if (line.contains("WEAK")) {
        context.report(Finding.builder(WEAK).atLine(file.path(), n).build());
      }
    }
  }
}
