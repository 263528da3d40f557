package dev.shipgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The gate's behaviour through the real command line, on small trees built per test. */
class ScanCommandTest {

  static final String EXPOSED = "config/spring/actuator-endpoints-exposed";
  static final String DEBUG = "config/spring/debug-mode";
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  private Path write(String rel, String content) throws Exception {
    Path p = dir.resolve(rel);
    Files.createDirectories(p.getParent());
    Files.writeString(p, content);
    return p;
  }

  private JsonNode scanJson(String... extra) throws Exception {
    Path out = dir.resolve("out.json");
    List<String> args = new ArrayList<>(List.of("scan", dir.toString(), "--only", "config", "--format", "json=" + out));
    args.addAll(List.of(extra));
    Cli r = Cli.run(args.toArray(String[]::new));
    assertThat(r.exit()).as(r.toString()).isBetween(0, 1);
    return JSON.readTree(out.toFile());
  }

  private static Set<String> rules(JsonNode report, String status) {
    Set<String> out = new TreeSet<>();
    for (JsonNode f : report.get("findings")) {
      if (status == null || f.get("status").asText().equalsIgnoreCase(status)) {
        out.add(f.get("rule_id").asText() + "@" + f.at("/location/path").asText() + ":" + f.at("/location/start_line").asInt());
      }
    }
    return out;
  }

  @Test
  void blockingFindingFailsTheGateWithExitOneAndASummaryLine() throws Exception {
    write("src/main/resources/application.properties", "debug=true\nmanagement.endpoints.web.exposure.include=*\n");
    Cli r = Cli.run("scan", dir.toString(), "--only", "config");
    assertThat(r.exit()).as(r.toString()).isEqualTo(1);
    String[] lines = r.out().strip().split("\n");
    assertThat(lines[lines.length - 1]).matches("scanned \\d+ files with \\d+ rules in [0-9.]+s: 1 blocking, 1 warnings, 0 skipped, 0 errors");
    assertThat(r.out()).contains(EXPOSED).contains("application.properties:2");
  }

  @Test
  void cleanTreePassesWithExitZero() throws Exception {
    write("src/main/resources/application.properties", "server.port=8080\n");
    Cli r = Cli.run("scan", dir.toString(), "--only", "config");
    assertThat(r.exit()).as(r.toString()).isZero();
  }

  @Test
  void noFailIsAuditMode() throws Exception {
    write("application.properties", "management.endpoints.web.exposure.include=*\n");
    Cli r = Cli.run("scan", dir.toString(), "--only", "config", "--no-fail");
    assertThat(r.exit()).isZero();
    assertThat(r.err()).contains("--no-fail").contains("would have exited 1");
  }

  @Test
  void policyThresholdsDecideWhatBlocks() throws Exception {
    write("application.properties", "debug=true\n");
    write("shipgate.yml", "version: 1\nfail_on: {severity: low, confidence: high}\n");
    assertThat(Cli.run("scan", dir.toString(), "--only", "config").exit()).isEqualTo(1);
    assertThat(Cli.run("scan", dir.toString(), "--only", "config", "--no-config").exit()).isZero();
  }

  @Test
  void badPolicyIsAUsageErrorNamingFileLineAndColumn() throws Exception {
    write("shipgate.yml", "version: 1\nfail_on:\n  severity: extreme\n");
    Cli r = Cli.run("scan", dir.toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("shipgate.yml:3:13:").contains("'extreme' is not a severity").doesNotContain("Exception");
  }

  @Test
  void badValueInAFamilySectionIsAConfigurationErrorBeforeAnyScan() throws Exception {
    write("application.properties", "server.port=8080\n");
    write("shipgate.yml", "version: 1\nscanners:\n  arch:\n    forbidden:\n      - {id: x, java: [\"java.net.Http-Conn\"], message: m}\n");
    Cli arch = Cli.run("scan", dir.toString(), "--only", "config");
    assertThat(arch.exit()).as(arch.toString()).isEqualTo(2);
    assertThat(arch.err()).contains("shipgate.yml:5:").contains("Http-Conn").doesNotContain("Exception");
    write("shipgate.yml", "version: 1\nscanners:\n  k8s:\n    limits: sometimes\n");
    Cli k8s = Cli.run("scan", dir.toString());
    assertThat(k8s.exit()).as(k8s.toString()).isEqualTo(2);
    assertThat(k8s.err()).contains("shipgate.yml:4:");
  }

  @Test
  void unknownFamilyAndUnknownFormatAreUsageErrors() {
    assertThat(Cli.run("scan", dir.toString(), "--only", "cobol").err()).contains("unknown scanner family 'cobol'");
    assertThat(Cli.run("scan", dir.toString(), "--only", "cobol").exit()).isEqualTo(2);
    Cli r = Cli.run("scan", dir.toString(), "--format", "pdf=x.pdf");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("unknown report format 'pdf'");
    assertThat(Cli.run("scan", dir.toString(), "--format", "json,sarif").err()).contains("only one report can go to stdout");
    assertThat(Cli.run("scan", dir.resolve("missing").toString()).exit()).isEqualTo(2);
    assertThat(Cli.run("scan", "--bogus").exit()).isEqualTo(2);
  }

  @Test
  void jsonReportGoesToStdoutAloneWhenAsked() throws Exception {
    write("application.properties", "debug=true\n");
    Cli r = Cli.run("scan", dir.toString(), "--only", "config", "--format", "json");
    JsonNode report = JSON.readTree(r.out());
    assertThat(report.get("schema_version").asInt()).isEqualTo(1);
    assertThat(r.err()).contains("scanned 1 files");
  }

  @Test
  void fingerprintsSurviveInsertingLinesAbove() throws Exception {
    write("application.properties", "debug=true\nmanagement.endpoints.web.exposure.include=*\n");
    Set<String> before = fingerprints(scanJson());
    write("application.properties", "# a comment\nserver.port=8080\n\ndebug=true\nmanagement.endpoints.web.exposure.include=*\n");
    Set<String> after = fingerprints(scanJson());
    assertThat(before).hasSize(2).isEqualTo(after);
  }

  private static Set<String> fingerprints(JsonNode report) {
    Set<String> out = new TreeSet<>();
    report.get("findings").forEach(f -> out.add(f.get("fingerprint").asText()));
    return out;
  }

  @Test
  void inlineSuppressionNeedsAReason() throws Exception {
    write("application.properties", "# shipgate:ignore " + EXPOSED + " -- internal admin network only\nmanagement.endpoints.web.exposure.include=*\n");
    JsonNode ok = scanJson();
    assertThat(rules(ok, "suppressed")).containsExactly(EXPOSED + "@application.properties:2");
    assertThat(ok.at("/verdict/passed").asBoolean()).isTrue();
    write("application.properties", "# shipgate:ignore " + EXPOSED + "\nmanagement.endpoints.web.exposure.include=*\n");
    JsonNode bad = scanJson();
    assertThat(rules(bad, "open")).containsExactly(EXPOSED + "@application.properties:2", "shipgate/suppression/missing-reason@application.properties:1");
    assertThat(bad.at("/verdict/passed").asBoolean()).isFalse();
  }

  @Test
  void waiverAcceptsUntilExpiryAndExpiredWaiverFailsTheGate() throws Exception {
    write("application.properties", "management.endpoints.web.exposure.include=*\n");
    write(".shipgate/waivers.yml", "version: 1\nwaivers:\n  - rule: " + EXPOSED + "\n    path: application.properties\n"
        + "    reason: behind the VPN\n    approver: sec@example.com\n    expires: 2999-01-01\n");
    assertThat(Cli.run("scan", dir.toString(), "--only", "config").exit()).isZero();
    write(".shipgate/waivers.yml", "version: 1\nwaivers:\n  - rule: " + EXPOSED + "\n    path: application.properties\n"
        + "    reason: behind the VPN\n    approver: sec@example.com\n    expires: 2001-01-01\n");
    Cli r = Cli.run("scan", dir.toString(), "--only", "config");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out()).contains("shipgate/waiver/expired").contains(".shipgate/waivers.yml:3");
  }

  @Test
  void baselineAcceptsTodaysFindingsAndNewOnesStillBlock() throws Exception {
    write("application.properties", "management.endpoints.web.exposure.include=*\n");
    Cli b = Cli.run("baseline", dir.toString(), "--only", "config");
    assertThat(b.exit()).as(b.toString()).isZero();
    assertThat(Files.readString(dir.resolve(".shipgate/baseline.json"))).doesNotContain("exposure");
    assertThat(Cli.run("scan", dir.toString(), "--only", "config").exit()).isZero();
    write("other/application.properties", "management.endpoints.web.exposure.include=*\n");
    assertThat(Cli.run("scan", dir.toString(), "--only", "config").exit()).isEqualTo(1);
  }

  @Test
  void diffModeJudgesOnlyFindingsIntroducedSinceTheMergeBase() throws Exception {
    write("application.properties", "management.endpoints.web.exposure.include=*\n");
    try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
      git.add().addFilepattern(".").call();
      git.commit().setMessage("old").setAuthor("a", "a@example.com").setCommitter("a", "a@example.com").setSign(false).call();
      git.checkout().setCreateBranch(true).setName("feature").call();
      write("application.properties", "debug=true\nmanagement.endpoints.web.exposure.include=*\nserver.servlet.session.cookie.secure=false\n");
      write("svc/application.yml", "management:\n  endpoints:\n    web:\n      exposure:\n        include: \"*\"\n");
    }
    JsonNode report = scanJson("--base", "main");
    assertThat(rules(report, "preexisting")).containsExactly(EXPOSED + "@application.properties:2");
    assertThat(rules(report, "open")).contains(EXPOSED + "@svc/application.yml:5", DEBUG + "@application.properties:1");
    assertThat(report.at("/diff/mode").asText()).isEqualTo("base");
    assertThat(report.at("/verdict/passed").asBoolean()).isFalse();
  }

  @Test
  void diffModeWithAMissingRefSaysWhatToDo() throws Exception {
    write("a.txt", "x");
    try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
      git.add().addFilepattern(".").call();
      git.commit().setMessage("c").setAuthor("a", "a@example.com").setCommitter("a", "a@example.com").setSign(false).call();
    }
    Cli r = Cli.run("scan", dir.toString(), "--base", "origin/main");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("origin/main");
  }

  @Test
  void stagedModeScansTheIndexNotTheWorkingTree() throws Exception {
    write("README.md", "x");
    try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
      git.add().addFilepattern(".").call();
      git.commit().setMessage("c").setAuthor("a", "a@example.com").setCommitter("a", "a@example.com").setSign(false).call();
      write("application.properties", "management.endpoints.web.exposure.include=*\n");
      git.add().addFilepattern("application.properties").call();
      write("application.properties", "server.port=8080\n");
    }
    Cli r = Cli.run("scan", dir.toString(), "--staged", "--only", "config");
    assertThat(r.exit()).as(r.toString()).isEqualTo(1);
    assertThat(r.out()).contains(EXPOSED);
  }

  @Test
  void everyFileFormatIsWrittenAtOnce() throws Exception {
    write("application.properties", "debug=true\n");
    Path o = dir.resolve("reports");
    Cli r = Cli.run("scan", dir.toString(), "--only", "config", "--format",
        "sarif=" + o.resolve("a.sarif") + ",json=" + o.resolve("a.json") + ",markdown=" + o.resolve("a.md") + ",junit=" + o.resolve("a.xml"));
    assertThat(r.exit()).isZero();
    assertThat(JSON.readTree(o.resolve("a.sarif").toFile()).get("version").asText()).isEqualTo("2.1.0");
    assertThat(Files.readString(o.resolve("a.md"))).contains(DEBUG);
    assertThat(Files.readString(o.resolve("a.xml"))).startsWith("<?xml");
    assertThat(JSON.readTree(o.resolve("a.json").toFile()).at("/policy/digest").asText()).startsWith("sha256:");
  }
}
