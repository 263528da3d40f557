package dev.shipgate.scanner.java;

import dev.shipgate.core.scan.SourceFile;
import dev.shipgate.testing.RecordingContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class DebugTest {
  @Test
  void dump() throws Exception {
    String f = System.getProperty("debugFixture");
    if (f == null) return;
    RecordingContext ctx = new RecordingContext();
    new JavaScanner().scan(List.of(SourceFile.of(f, Files.readString(Path.of("src/test/resources/fixtures", f)))), ctx);
    ctx.findings().forEach(x -> { System.out.println(x.location() + " " + x.ruleId() + " " + x.message()); x.flow().forEach(s -> System.out.println("    " + s.location() + " " + s.message())); });
    ctx.errors().forEach(System.out::println);
  }
}
