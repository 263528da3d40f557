package dev.shipgate.core.gate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipgate.core.model.Confidence;
import dev.shipgate.core.model.Finding;
import dev.shipgate.core.model.FindingStatus;
import dev.shipgate.core.model.Location;
import dev.shipgate.core.model.Rule;
import dev.shipgate.core.model.Severity;
import dev.shipgate.core.policy.Policy;
import dev.shipgate.core.policy.PolicyLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GateTest {

  static final Rule HIGH = Rule.builder("demo/x/high", "demo").title("High").severity(Severity.HIGH).confidence(Confidence.HIGH)
      .description("d").fix("f").build();
  static final Rule LOWCONF = Rule.builder("demo/x/guess", "demo").title("Guess").severity(Severity.CRITICAL).confidence(Confidence.LOW)
      .description("d").fix("f").build();
  static final Rule INFO = Rule.builder("demo/x/info", "demo").title("Info").severity(Severity.INFO).confidence(Confidence.HIGH)
      .description("d").fix("f").build();
  static final Set<String> IDS = Set.of(HIGH.id(), LOWCONF.id(), INFO.id());
  static final LocalDate TODAY = LocalDate.of(2026, 11, 21);

  private static Finding finding(Rule r, String path, int line, String code) {
    return Fingerprints.assign(List.of(Finding.builder(r).atLine(path, line).snippet(code).build())).get(0);
  }

  private static final Coverage CLEAN = new Coverage("demo", "1", 3, 1, List.of(), List.of(), 1);

  @Test
  void defaultGateBlocksOnlyHighConfidenceHighSeverity() {
    Gate.Outcome o = new Gate(Policy.defaults()).judge(
        List.of(finding(HIGH, "a", 1, "x"), finding(LOWCONF, "a", 2, "y"), finding(INFO, "a", 3, "z")),
        List.of(CLEAN), Waivers.none(), Baseline.empty(), null);
    assertThat(o.findings()).extracting(f -> f.ruleId() + ":" + f.blocking()).containsExactly("demo/x/high:true", "demo/x/guess:false");
    assertThat(o.verdict().exitCode()).isEqualTo(Verdict.FAILED);
    assertThat(o.verdict().reasons()).singleElement().asString().contains("1 blocking finding");
  }

  @Test
  void noBlockingFindingsPasses() {
    Gate.Outcome o = new Gate(Policy.defaults()).judge(List.of(finding(LOWCONF, "a", 2, "y")), List.of(CLEAN), Waivers.none(), Baseline.empty(), null);
    assertThat(o.verdict().passed()).isTrue();
    assertThat(o.verdict().exitCode()).isZero();
  }

  @Test
  void scannerErrorsFailClosedUnlessThePolicyAllowsThem() throws Exception {
    Coverage broken = new Coverage("demo", "1", 3, 1, List.of(), List.of(new Coverage.ScanError("a.java", 3, "parse error")), 1);
    Gate.Outcome o = new Gate(Policy.defaults()).judge(List.of(), List.of(broken), Waivers.none(), Baseline.empty(), null);
    assertThat(o.verdict().exitCode()).isEqualTo(Verdict.ERROR);
    Policy lenient = new PolicyLoader(Map.of(), Set.of()).parse("version: 1\nerrors: {fail: false, reason: pilot}\n", "p", "");
    assertThat(new Gate(lenient).judge(List.of(), List.of(broken), Waivers.none(), Baseline.empty(), null).verdict().exitCode()).isZero();
  }

  @Test
  void diffModeJudgesOnlyNewFindings() {
    Finding old = finding(HIGH, "changed.java", 10, "old()");
    Finding fresh = finding(HIGH, "changed.java", 11, "fresh()");
    Finding untouched = finding(HIGH, "same.java", 1, "x()");
    Gate.DiffBase base = new Gate.DiffBase(p -> p.equals("changed.java"), Set.of(old.fingerprint()), "0123456789abcdef0123");
    Gate.Outcome o = new Gate(Policy.defaults()).judge(List.of(old, fresh, untouched), List.of(CLEAN), Waivers.none(), Baseline.empty(), base);
    assertThat(o.findings()).extracting(f -> f.location().path() + ":" + f.location().startLine() + ":" + f.status() + ":" + f.blocking())
        .containsExactly("changed.java:10:PREEXISTING:false", "changed.java:11:OPEN:true", "same.java:1:PREEXISTING:false");
    assertThat(o.findings().get(0).statusReason()).contains("0123456789ab");
  }

  @Test
  void baselineAcceptsByFingerprint(@TempDir Path tmp) throws Exception {
    Finding f = finding(HIGH, "a.java", 1, "x()");
    Path file = tmp.resolve(".shipgate/baseline.json");
    Baseline.write(file, List.of(f), "test");
    assertThat(Files.readString(file)).doesNotContain("x()");
    Baseline b = Baseline.load(file, ".shipgate/baseline.json");
    Gate.Outcome o = new Gate(Policy.defaults()).judge(List.of(f), List.of(CLEAN), Waivers.none(), b, null);
    assertThat(o.findings()).singleElement().extracting(Finding::status).isEqualTo(FindingStatus.BASELINED);
    assertThat(o.verdict().passed()).isTrue();
  }

  @Test
  void malformedBaselineIsAPositionedError(@TempDir Path tmp) throws Exception {
    Path file = tmp.resolve("b.json");
    Files.writeString(file, "{\"schema_version\": 1,\n \"findings\": [ {\"fingerprint\": \"zz\"} ]\n}");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Baseline.load(file, "b.json")).hasMessageContaining("valid fingerprint");
    Files.writeString(file, "{ not json");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Baseline.load(file, "b.json")).hasMessageStartingWith("b.json:1");
  }

  @Test
  void waiverByPathAcceptsUntilItExpires() {
    Finding f = finding(HIGH, "src/demo/A.java", 1, "x()");
    String yaml = """
        version: 1
        waivers:
          - rule: demo/x/high
            path: "src/demo/**"
            reason: demo code
            approver: alice@example.com
            expires: 2026-12-31
        """;
    Gate.Outcome ok = new Gate(Policy.defaults()).judge(List.of(f), List.of(CLEAN), Waivers.parse(yaml, ".shipgate/waivers.yml", IDS, TODAY), Baseline.empty(), null);
    assertThat(ok.findings()).singleElement().satisfies(w -> {
      assertThat(w.status()).isEqualTo(FindingStatus.WAIVED);
      assertThat(w.statusReason()).contains("alice@example.com").contains("demo code");
    });
    assertThat(ok.verdict().passed()).isTrue();

    Gate.Outcome expired = new Gate(Policy.defaults()).judge(List.of(f), List.of(CLEAN),
        Waivers.parse(yaml, ".shipgate/waivers.yml", IDS, LocalDate.of(2027, 1, 1)), Baseline.empty(), null);
    assertThat(expired.findings()).extracting(x -> x.ruleId() + ":" + x.status() + ":" + x.blocking())
        .containsExactlyInAnyOrder("demo/x/high:OPEN:true", "shipgate/waiver/expired:OPEN:true");
    assertThat(expired.findings()).filteredOn(x -> x.ruleId().equals("shipgate/waiver/expired")).singleElement()
        .satisfies(x -> assertThat(x.location()).isEqualTo(Location.line(".shipgate/waivers.yml", 3)));
  }

  @Test
  void waiverByFingerprintCoversOnlyThatFinding() {
    Finding a = finding(HIGH, "a.java", 1, "a()");
    Finding b = finding(HIGH, "a.java", 2, "b()");
    String yaml = "version: 1\nwaivers:\n  - {rule: demo/x/high, fingerprint: " + a.fingerprint() + ", reason: r, approver: bob, expires: 2030-01-01}\n";
    Gate.Outcome o = new Gate(Policy.defaults()).judge(List.of(a, b), List.of(CLEAN), Waivers.parse(yaml, "w.yml", IDS, TODAY), Baseline.empty(), null);
    assertThat(o.findings()).extracting(Finding::status).containsExactly(FindingStatus.WAIVED, FindingStatus.OPEN);
  }

  @Test
  void malformedWaiversFailTheGateWithTheLine() {
    String yaml = """
        version: 1
        waivers:
          - rule: demo/x/high
            path: "src/**"
            reason: r
            expires: 2030-01-01
          - rule: demo/x/nope
            path: x
            reason: r
            approver: a
            expires: 2030-01-01
          - rule: demo/x/high
            path: x
            reason: r
            approver: a
            expires: next week
        """;
    Waivers w = Waivers.parse(yaml, ".shipgate/waivers.yml", IDS, TODAY);
    assertThat(w.active()).isEmpty();
    assertThat(w.problems()).extracting(f -> f.location().startLine() + ":" + f.message()).containsExactly(
        "3:waiver entry is missing 'approver'",
        "7:waiver names unknown rule 'demo/x/nope'",
        "16:'expires' must be a date like 2027-03-31");
    Gate.Outcome o = new Gate(Policy.defaults()).judge(List.of(), List.of(CLEAN), w, Baseline.empty(), null);
    assertThat(o.verdict().exitCode()).isEqualTo(Verdict.FAILED);
  }

  @Test
  void unparseableWaiverFileIsOneInvalidFinding() {
    Waivers w = Waivers.parse("version: 1\nwaivers: [\n", "w.yml", IDS, TODAY);
    assertThat(w.problems()).singleElement().satisfies(f -> {
      assertThat(f.ruleId()).isEqualTo("shipgate/waiver/invalid");
      assertThat(f.message()).contains("not valid YAML");
    });
  }

  @Test
  void findingsBelowTheReportThresholdAreDropped() throws Exception {
    Policy p = new PolicyLoader(Map.of(), IDS).parse("version: 1\nreport: {severity: medium}\n", "p", "");
    Gate.Outcome o = new Gate(p).judge(List.of(finding(INFO, "a", 1, "i"), finding(HIGH, "a", 2, "h")), List.of(CLEAN), Waivers.none(), Baseline.empty(), null);
    assertThat(o.findings()).extracting(Finding::ruleId).containsExactly("demo/x/high");
  }
}
