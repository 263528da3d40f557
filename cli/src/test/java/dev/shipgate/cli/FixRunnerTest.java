package dev.shipgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipgate.core.model.Confidence;
import dev.shipgate.core.model.Fix;
import dev.shipgate.core.model.Finding;
import dev.shipgate.core.model.Rule;
import dev.shipgate.core.model.Severity;
import dev.shipgate.core.scan.FileScanner;
import dev.shipgate.core.scan.ScanContext;
import dev.shipgate.core.scan.Scanner;
import dev.shipgate.core.scan.SourceFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fix loop with a small family whose fixes are right, useless, harmful or overlapping on purpose. */
class FixRunnerTest {

  @TempDir Path dir;

  private static final Rule WORD = rule("demo/words/bad-word");
  private static final Rule EVIL = rule("demo/words/evil-word");

  private static Rule rule(String id) {
    return Rule.builder(id, "demo").title(id).severity(Severity.HIGH).confidence(Confidence.HIGH).description("d").fix("f").build();
  }

  /** Reports "bad" (fixed to "good"), "worse" (fix leaves "bad"), "ugly" (fix writes "evil"), and "evil". */
  static final class Demo implements FileScanner {
    @Override public String family() { return "demo"; }
    @Override public String version() { return "1"; }
    @Override public List<Rule> rules() { return List.of(WORD, EVIL); }
    @Override public boolean accepts(String path) { return path.endsWith(".txt"); }

    @Override
    public void scan(SourceFile file, ScanContext context) {
      String text = file.text();
      report(file, context, text, "bad", "good", WORD);
      report(file, context, text, "worse", "bad", WORD);
      report(file, context, text, "ugly", "evil", WORD);
      report(file, context, text, "evil", null, EVIL);
    }

    private static void report(SourceFile file, ScanContext context, String text, String word, String replacement, Rule rule) {
      for (int at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
        int line = (int) text.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
        Finding.Builder b = Finding.builder(rule).atLine(file.path(), line).contextKey(word + at);
        if (replacement != null) {
          b.fix(Fix.of("replace " + word, new Fix.Edit(file.path(), at, at + word.length(), replacement)));
        }
        context.report(b.build());
      }
    }
  }

  private FixRunner.Outcome run(Set<String> only) throws Exception {
    Scanners.Registry registry = Scanners.Registry.of(List.of(new Demo()));
    ScanOptions o = new ScanOptions();
    o.path = dir;
    o.noConfig = true;
    o.threads = 2;
    return new FixRunner(new ScanRunner(registry, Clock.systemUTC()), registry).run(o, only);
  }

  @Test
  void acceptsFixesThatHoldAndRefusesThoseThatDoNot() throws Exception {
    Files.writeString(dir.resolve("a.txt"), "one bad line\nkeep\n");
    Files.writeString(dir.resolve("b.txt"), "worse\n");
    Files.writeString(dir.resolve("c.txt"), "ugly\nbad\n");
    FixRunner.Outcome outcome = run(Set.of());
    assertThat(outcome.patched()).containsEntry("a.txt", "one good line\nkeep\n").containsEntry("c.txt", "ugly\ngood\n")
        .doesNotContainKey("b.txt");
    assertThat(outcome.refused().values()).anyMatch(r -> r.contains("still reported") && r.contains("b.txt"))
        .anyMatch(r -> r.contains("introduces demo/words/evil-word") && r.contains("c.txt"));
    assertThat(outcome.accepted()).hasSize(2);
    // Nothing was written: the outcome is only a proposal until --apply.
    assertThat(Files.readString(dir.resolve("a.txt"))).isEqualTo("one bad line\nkeep\n");
  }

  @Test
  void onlyFixesTheNamedRulesAndRejectsUnknownOnes() throws Exception {
    Files.writeString(dir.resolve("a.txt"), "bad\n");
    assertThat(run(Set.of("demo/words/evil-word")).accepted()).isEmpty();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> run(Set.of("demo/words/nope")))
        .isInstanceOf(UsageException.class).hasMessageContaining("demo/words/nope");
  }

  @Test
  void neverRewritesFilesThatAreNotValidUtf8() throws Exception {
    Files.write(dir.resolve("a.txt"), new byte[] {'b', 'a', 'd', ' ', (byte) 0xff, '\n'});
    FixRunner.Outcome outcome = run(Set.of());
    assertThat(outcome.accepted()).isEmpty();
    assertThat(outcome.refused().values()).singleElement().asString().contains("cannot read a.txt");
  }

  @Test
  void theDiffIsAGitStyleUnifiedDiff() {
    String diff = FixCommand.unifiedDiff("a.txt", "x\nbad\ny\n", "x\ngood\ny\n");
    assertThat(diff.lines().collect(Collectors.toList())).containsExactly("--- a/a.txt", "+++ b/a.txt", "@@ -1,3 +1,3 @@", " x", "-bad", "+good", " y");
  }

  @Test
  void keepsBytesOutsideTheEdit() throws Exception {
    Files.write(dir.resolve("w.txt"), "héllo bad\r\nnext\r\n".getBytes(StandardCharsets.UTF_8));
    assertThat(run(Set.of()).patched()).containsEntry("w.txt", "héllo good\r\nnext\r\n");
  }
}
