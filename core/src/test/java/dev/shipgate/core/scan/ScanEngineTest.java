package dev.shipgate.core.scan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipgate.core.gate.Coverage;
import dev.shipgate.core.gate.CoreRules;
import dev.shipgate.core.model.Finding;
import dev.shipgate.core.model.FindingStatus;
import dev.shipgate.core.model.Rule;
import dev.shipgate.core.model.Severity;
import dev.shipgate.core.policy.Policy;
import dev.shipgate.core.policy.PolicyLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ScanEngineTest {

  private final DemoScanner demo = new DemoScanner();

  private Set<String> ruleIds() {
    Set<String> ids = new HashSet<>();
    demo.rules().forEach(r -> ids.add(r.id()));
    CoreRules.ALL.forEach(r -> ids.add(r.id()));
    return ids;
  }

  private ScanEngine.Result run(Policy policy, List<Scanner> scanners, SourceFile... files) {
    return new ScanEngine(scanners, ruleIds(), policy, Path.of("."), 2, Map.of(), null).run(List.of(files));
  }

  private ScanEngine.Result run(SourceFile... files) {
    return run(Policy.defaults(), List.of(demo), files);
  }

  private static Coverage coverage(ScanEngine.Result r, String family) {
    return r.coverage().stream().filter(c -> c.family().equals(family)).findFirst().orElseThrow();
  }

  @Test
  void findingsGetSnippetsAndFingerprintsInDeterministicOrder() {
    ScanEngine.Result r = run(SourceFile.of("b.txt", "ok\n  BAD  here\n"), SourceFile.of("a.txt", "BAD\nWEAK\n"), SourceFile.of("c.md", "BAD"));
    assertThat(r.findings()).extracting(f -> f.location().toString() + " " + f.ruleId())
        .containsExactly("a.txt:1 demo/text/bad", "a.txt:2 demo/text/weak", "b.txt:2 demo/text/bad");
    assertThat(r.findings().get(2).snippet()).isEqualTo("BAD  here");
    assertThat(r.findings()).allSatisfy(f -> assertThat(f.fingerprint()).matches("[0-9a-f]{32}"));
    assertThat(r.filesRead()).as("c.md is accepted by no scanner").isEqualTo(2);
  }

  @Test
  void fingerprintsSurviveInsertingLinesAbove() {
    String before = "x\nBAD thing\ny\n";
    String after = "new line\nanother\nx\nBAD thing\ny\n";
    Finding f1 = run(SourceFile.of("a.txt", before)).findings().get(0);
    Finding f2 = run(SourceFile.of("a.txt", after)).findings().get(0);
    assertThat(f2.location().startLine()).isEqualTo(4);
    assertThat(f2.fingerprint()).isEqualTo(f1.fingerprint());
  }

  @Test
  void identicalLinesGetDistinctFingerprints() {
    List<Finding> fs = run(SourceFile.of("a.txt", "BAD\nBAD\n")).findings();
    assertThat(fs).extracting(Finding::fingerprint).doesNotHaveDuplicates();
  }

  @Test
  void scannerCrashBecomesACoverageErrorAndOtherFilesStillScan() {
    ScanEngine.Result r = run(SourceFile.of("a.txt", "CRASH"), SourceFile.of("b.txt", "BAD"));
    assertThat(r.findings()).extracting(f -> f.location().path()).containsExactly("b.txt");
    Coverage c = coverage(r, "demo");
    assertThat(c.errors()).singleElement().satisfies(e -> {
      assertThat(e.path()).isEqualTo("a.txt");
      assertThat(e.message()).contains("internal error in the demo scanner").contains("crashed on purpose");
    });
  }

  @Test
  void binaryFilesAreSkippedWithAReason() {
    ScanEngine.Result r = run(SourceFile.of("bin.txt", new byte[] {'B', 'A', 'D', 0, 1}));
    assertThat(r.findings()).isEmpty();
    assertThat(coverage(r, "files").skipped()).singleElement().extracting(Coverage.Skipped::reason).isEqualTo("binary content");
  }

  @Test
  void unreadableFileIsSkippedWithAReason() {
    ScanEngine.Result r = run(SourceFile.lazy("gone.txt", 3, () -> {
      throw new java.nio.file.NoSuchFileException("gone.txt");
    }));
    assertThat(coverage(r, "files").skipped()).singleElement().satisfies(s -> assertThat(s.reason()).startsWith("unreadable"));
  }

  @Test
  void inlineSuppressionWithReasonSilencesTheNextLine() {
    List<Finding> fs = run(SourceFile.of("a.txt", "# shipgate:ignore demo/text/bad -- test data, not shipped\nBAD\nBAD\n")).findings();
    assertThat(fs).extracting(f -> f.location().startLine() + ":" + f.status())
        .containsExactly("2:SUPPRESSED", "3:OPEN");
    assertThat(fs.get(0).statusReason()).isEqualTo("test data, not shipped");
  }

  @Test
  void suppressionOnTheSameLineWorks() {
    List<Finding> fs = run(SourceFile.of("a.txt", "BAD // shipgate:ignore demo/text/bad -- fine here\n")).findings();
    assertThat(fs).singleElement().extracting(Finding::status).isEqualTo(FindingStatus.SUPPRESSED);
  }

  @Test
  void suppressionWithoutReasonOrForUnknownRuleIsItselfAFinding() {
    List<Finding> fs = run(SourceFile.of("a.txt", "// shipgate:ignore demo/text/bad\nBAD\n// shipgate:ignore demo/text/typo -- why\nBAD\n")).findings();
    assertThat(fs).extracting(f -> f.location().startLine() + ":" + f.ruleId() + ":" + f.status()).containsExactly(
        "1:shipgate/suppression/missing-reason:OPEN",
        "2:demo/text/bad:OPEN",
        "3:shipgate/suppression/unknown-rule:OPEN",
        "4:demo/text/bad:OPEN");
  }

  @Test
  void markerInProseOrStringLiteralIsNotASuppression() {
    List<Finding> fs = run(SourceFile.of("a.txt", "String m = \"shipgate:ignore\"; BAD\n"
        + "String n = \"# shipgate:ignore demo/text/bad -- in a literal\"; BAD\n")).findings();
    assertThat(fs).extracting(Finding::status).containsExactly(FindingStatus.OPEN, FindingStatus.OPEN);
  }

  @Test
  void policyOverridesDisableAndReclassifyRules() throws Exception {
    Policy p = new PolicyLoader(Map.of("demo", Set.of()), ruleIds()).parse("""
        version: 1
        rules:
          demo/text/weak: {enabled: false, reason: noise}
          demo/text/bad: {severity: critical, reason: really bad}
        """, "shipgate.yml", "");
    List<Finding> fs = run(p, List.of(demo), SourceFile.of("a.txt", "BAD WEAK\n")).findings();
    assertThat(fs).singleElement().satisfies(f -> {
      assertThat(f.ruleId()).isEqualTo("demo/text/bad");
      assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
    });
  }

  @Test
  void manyFilesInParallelGiveTheSameResultAsOne() {
    List<SourceFile> files = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      files.add(SourceFile.of(String.format("d/f%03d.txt", i), i % 3 == 0 ? "x\nBAD\n" : "fine\n"));
    }
    List<String> parallel = new ScanEngine(List.of(demo), ruleIds(), Policy.defaults(), Path.of("."), 4, Map.of(), null).run(files)
        .findings().stream().map(Finding::fingerprint).collect(Collectors.toList());
    List<String> serial = new ScanEngine(List.of(demo), ruleIds(), Policy.defaults(), Path.of("."), 1, Map.of(), null).run(files)
        .findings().stream().map(Finding::fingerprint).collect(Collectors.toList());
    assertThat(parallel).hasSize(167).isEqualTo(serial);
  }

  @Test
  void projectScannerSeesAllItsFilesAndTimeoutIsAnError() throws Exception {
    Policy p = new PolicyLoader(Map.of(), Set.of()).parse("version: 1\nlimits: {scanner_timeout: 200ms}\n", "shipgate.yml", "");
    ProjectScanner slow = new ProjectScanner() {
      @Override public String family() { return "slow"; }
      @Override public String version() { return "1"; }
      @Override public List<Rule> rules() { return List.of(); }
      @Override public boolean accepts(String path) { return true; }
      @Override public void scan(List<SourceFile> files, ScanContext context) {
        while (!context.cancelled()) {
          Thread.onSpinWait();
        }
      }
    };
    ScanEngine.Result r = run(p, List.of(slow), SourceFile.of("a.txt", "x"));
    assertThat(coverage(r, "slow").errors()).singleElement().satisfies(e -> assertThat(e.message()).contains("timed out"));
  }

  @Test
  void reportingAnUndeclaredRuleIsAnInternalError() {
    FileScanner rogue = new FileScanner() {
      @Override public String family() { return "rogue"; }
      @Override public String version() { return "1"; }
      @Override public List<Rule> rules() { return List.of(); }
      @Override public boolean accepts(String path) { return true; }
      @Override public void scan(SourceFile file, ScanContext context) {
        context.report(Finding.builder(DemoScanner.BAD).atLine(file.path(), 1).build());
      }
    };
    ScanEngine.Result r = run(Policy.defaults(), List.of(rogue), SourceFile.of("a.txt", "x"));
    assertThat(r.findings()).isEmpty();
    assertThat(coverage(r, "rogue").errors()).singleElement().satisfies(e -> assertThat(e.message()).contains("does not declare"));
  }

  @Test
  void sensitiveFamiliesNeverGetTheRawLineAsSnippet() {
    FileScanner secrets = new FileScanner() {
      @Override public String family() { return "demo"; }
      @Override public String version() { return "1"; }
      @Override public List<Rule> rules() { return demo.rules(); }
      @Override public boolean accepts(String path) { return true; }
      @Override public boolean reportsSensitiveValues() { return true; }
      @Override public void scan(SourceFile file, ScanContext context) {
        context.report(Finding.builder(DemoScanner.BAD).atLine(file.path(), 1).build());
      }
    };
    Finding f = run(Policy.defaults(), List.of(secrets), SourceFile.of("a.txt", "token=hunter2-very-secret")).findings().get(0);
    assertThat(f.snippet()).isEmpty();
  }
}
