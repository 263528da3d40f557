package dev.shipgate.report;

import static dev.shipgate.report.Render.json;
import static dev.shipgate.report.Render.render;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SpecificationVersion;
import dev.shipgate.core.gate.ScanReport;
import dev.shipgate.core.model.Confidence;
import dev.shipgate.core.model.Severity;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class SarifWriterTest {

  private static final ReportOptions WITH_SUPPRESSED = new ReportOptions(false, false, 5000, true);

  private static JsonNode sarif(ScanReport report, ReportOptions options) {
    return json(render("sarif", report, options));
  }

  private static JsonNode run(JsonNode sarif) {
    return sarif.get("runs").get(0);
  }

  private static List<JsonNode> results(JsonNode sarif) {
    List<JsonNode> out = new ArrayList<>();
    run(sarif).get("results").forEach(out::add);
    return out;
  }

  private static JsonNode resultFor(JsonNode sarif, String path) {
    for (JsonNode r : results(sarif)) {
      if (r.at("/locations/0/physicalLocation/artifactLocation/uri").asText().equals(SarifWriter.uri(path))) {
        return r;
      }
    }
    throw new AssertionError("no result at " + path);
  }

  @Test
  void outputValidatesAgainstTheOfficialSarifSchema() throws Exception {
    Path schemaFile = Render.sarifSchema();
    Assumptions.assumeTrue(Files.isRegularFile(schemaFile),
        "SARIF schema not found at " + schemaFile + ": clone without ../shared");
    Schema schema;
    try (InputStream in = Files.newInputStream(schemaFile)) {
      schema = Render.offlineSchema(SpecificationVersion.DRAFT_4, in);
    }
    for (ScanReport report : List.of(Reports.full(), Reports.plainScan(), Reports.many(40))) {
      for (ReportOptions options : List.of(ReportOptions.defaults(), WITH_SUPPRESSED, new ReportOptions(false, false, 7, true))) {
        List<Error> errors = schema.validate(sarif(report, options));
        assertThat(errors).as("schema errors").isEmpty();
      }
    }
    // The validator is live: a region with line 0 breaks the schema's minimum.
    JsonNode broken = sarif(Reports.full(), ReportOptions.defaults());
    ((com.fasterxml.jackson.databind.node.ObjectNode) run(broken).at("/results/0/locations/0/physicalLocation/region"))
        .put("startLine", 0);
    assertThat(schema.validate(broken)).isNotEmpty();
  }

  @Test
  void meetsGitHubCodeScanningRequirements() {
    JsonNode sarif = sarif(Reports.full(), WITH_SUPPRESSED);
    assertThat(sarif.get("version").asText()).isEqualTo("2.1.0");
    assertThat(sarif.get("$schema").asText()).startsWith("https://");
    assertThat(sarif.get("runs")).hasSize(1);
    JsonNode driver = run(sarif).at("/tool/driver");
    assertThat(driver.get("name").asText()).isEqualTo("shipgate");
    assertThat(driver.get("semanticVersion").asText()).isEqualTo("0.1.0-SNAPSHOT");
    assertThat(driver.get("informationUri").asText()).isEqualTo("https://github.com/shipgate/shipgate");

    List<String> ruleIds = new ArrayList<>();
    driver.get("rules").forEach(r -> ruleIds.add(r.get("id").asText()));
    assertThat(ruleIds).doesNotHaveDuplicates().hasSize(Reports.RULES.size());
    for (JsonNode rule : driver.get("rules")) {
      assertThat(rule.at("/shortDescription/text").asText()).isNotBlank();
      assertThat(rule.at("/fullDescription/text").asText()).isNotBlank();
      assertThat(rule.at("/help/text").asText()).isNotBlank();
      assertThat(rule.at("/help/markdown").asText()).isNotBlank();
      assertThat(rule.at("/defaultConfiguration/level").asText()).isIn("error", "warning", "note");
      JsonNode props = rule.get("properties");
      assertThat(Double.parseDouble(props.get("security-severity").asText())).isBetween(0.0, 10.0);
      assertThat(props.get("precision").asText()).isIn("very-high", "high", "medium", "low");
      assertThat(props.get("tags").size()).isBetween(1, SarifWriter.MAX_TAGS);
      assertThat(props.get("tags").get(0).asText()).isEqualTo("security");
    }

    List<JsonNode> results = results(sarif);
    assertThat(results).isNotEmpty();
    Set<String> hashes = new HashSet<>();
    for (JsonNode r : results) {
      int index = r.get("ruleIndex").asInt();
      assertThat(driver.get("rules").get(index).get("id").asText()).isEqualTo(r.get("ruleId").asText());
      assertThat(r.at("/message/text").asText()).isNotBlank();
      assertThat(r.get("locations")).hasSize(1);
      JsonNode loc = r.at("/locations/0/physicalLocation");
      String uri = loc.at("/artifactLocation/uri").asText();
      assertThat(uri).doesNotStartWith("/").doesNotContain("\\").doesNotContain("://").doesNotContain(" ");
      assertThat(loc.at("/artifactLocation/uriBaseId").asText()).isEqualTo("%SRCROOT%");
      assertThat(loc.at("/region/startLine").asInt()).isGreaterThanOrEqualTo(1);
      String lineHash = r.at("/partialFingerprints/primaryLocationLineHash").asText();
      assertThat(lineHash).matches("[0-9a-f]{16}:[0-9]+");
      assertThat(hashes.add(lineHash)).as("unique line hash " + lineHash).isTrue();
      assertThat(r.at("/partialFingerprints/shipgate~1v1").asText()).isNotBlank();
    }
    assertThat(run(sarif).at("/originalUriBaseIds/%SRCROOT%/description/text").asText()).isNotBlank();
    assertThat(run(sarif).at("/automationDetails/id").asText()).isEqualTo("shipgate/base/");
  }

  @Test
  void rulesCarryGitHubMetadataFromTheRuleModel() {
    JsonNode driver = run(sarif(Reports.plainScan(), ReportOptions.defaults())).at("/tool/driver");
    JsonNode sql = null;
    for (JsonNode r : driver.get("rules")) {
      if (r.get("id").asText().equals(Reports.SQL.id())) {
        sql = r;
      }
    }
    assertThat(sql).isNotNull();
    assertThat(sql.get("name").asText()).isEqualTo("JavaInjectionSqlStringConcat");
    assertThat(sql.at("/shortDescription/text").asText()).isEqualTo(Reports.SQL.title());
    assertThat(sql.at("/fullDescription/text").asText()).isEqualTo(Reports.SQL.description());
    assertThat(sql.at("/defaultConfiguration/level").asText()).isEqualTo("error");
    assertThat(sql.at("/properties/security-severity").asText()).isEqualTo("9.5");
    assertThat(sql.at("/properties/precision").asText()).isEqualTo("high");
    assertThat(sql.at("/properties/problem.severity").asText()).isEqualTo("error");
    List<String> tags = new ArrayList<>();
    sql.at("/properties/tags").forEach(t -> tags.add(t.asText()));
    assertThat(tags).containsExactly("security", "external/cwe/cwe-89", "owasp-top10:A03:2021", "asvs:5.3.4");
    assertThat(sql.at("/help/markdown").asText())
        .contains("[CWE-89](https://cwe.mitre.org/data/definitions/89.html)")
        .contains(Reports.SQL.fix());
    assertThat(sql.at("/help/text").asText()).contains(Reports.SQL.fix()).contains("asvs:5.3.4");
  }

  @Test
  void resultLevelsFollowBlockingThenSeverity() {
    JsonNode sarif = sarif(Reports.plainScan(), ReportOptions.defaults());
    assertThat(resultFor(sarif, "src/main/java/com/acme/UserDao.java").get("level").asText()).isEqualTo("error");
    JsonNode key = results(sarif).stream()
        .filter(r -> r.get("ruleId").asText().equals(Reports.API_KEY.id())).findFirst().orElseThrow();
    assertThat(key.get("level").asText()).isEqualTo("error");
    assertThat(resultFor(sarif, "Dockerfile").get("level").asText()).isEqualTo("note");
    JsonNode warning = results(sarif).stream()
        .filter(r -> r.get("ruleId").asText().equals(Reports.DEBUG.id())).findFirst().orElseThrow();
    assertThat(warning.get("level").asText()).isEqualTo("warning");
    assertThat(warning.at("/properties/status").asText()).isEqualTo("open");
    assertThat(warning.at("/properties/confidence").asText()).isEqualTo("high");
  }

  @Test
  void fileLevelFindingPointsAtLineOneWithoutColumns() {
    JsonNode region = resultFor(sarif(Reports.plainScan(), ReportOptions.defaults()), "Dockerfile")
        .at("/locations/0/physicalLocation/region");
    assertThat(region.get("startLine").asInt()).isEqualTo(1);
    assertThat(region.has("startColumn")).isFalse();
    assertThat(region.has("endColumn")).isFalse();
  }

  @Test
  void regionCarriesKnownColumns() {
    JsonNode region = resultFor(sarif(Reports.plainScan(), ReportOptions.defaults()), "src/main/java/com/acme/UserDao.java")
        .at("/locations/0/physicalLocation/region");
    assertThat(region.get("startLine").asInt()).isEqualTo(42);
    assertThat(region.get("startColumn").asInt()).isEqualTo(9);
    assertThat(region.get("endLine").asInt()).isEqualTo(42);
    assertThat(region.get("endColumn").asInt()).isEqualTo(61);
  }

  @Test
  void flowStepsBecomeAThreadFlow() {
    JsonNode r = resultFor(sarif(Reports.plainScan(), ReportOptions.defaults()), "src/main/java/com/acme/UserDao.java");
    JsonNode steps = r.at("/codeFlows/0/threadFlows/0/locations");
    assertThat(steps).hasSize(2);
    assertThat(steps.get(0).at("/location/physicalLocation/artifactLocation/uri").asText())
        .isEqualTo("src/main/java/com/acme/UserController.java");
    assertThat(steps.get(0).at("/location/message/text").asText()).isEqualTo("request.getParameter(\"id\") read");
    assertThat(steps.get(1).at("/location/physicalLocation/region/startLine").asInt()).isEqualTo(42);
  }

  @Test
  void suppressedWaivedAndBaselinedFindingsAreLeftOutByDefault() {
    List<String> statuses = new ArrayList<>();
    results(sarif(Reports.full(), ReportOptions.defaults())).forEach(r -> statuses.add(r.at("/properties/status").asText()));
    assertThat(statuses).contains("open", "preexisting").doesNotContain("suppressed", "waived", "baselined");
    assertThat(statuses).hasSize(6);
  }

  @Test
  void includedSuppressionsSayWhetherTheyWereInSourceOrExternal() {
    Map<String, JsonNode> byStatus = new HashMap<>();
    results(sarif(Reports.full(), WITH_SUPPRESSED)).forEach(r -> byStatus.put(r.at("/properties/status").asText(), r));
    assertThat(byStatus.get("suppressed").at("/suppressions/0/kind").asText()).isEqualTo("inSource");
    assertThat(byStatus.get("suppressed").at("/suppressions/0/justification").asText()).isEqualTo("suppressed: test-only helper");
    assertThat(byStatus.get("waived").at("/suppressions/0/kind").asText()).isEqualTo("external");
    assertThat(byStatus.get("waived").at("/suppressions/0/justification").asText()).contains("alice");
    assertThat(byStatus.get("baselined").at("/suppressions/0/kind").asText()).isEqualTo("external");
    assertThat(byStatus.get("open").has("suppressions")).isFalse();
    assertThat(byStatus.get("preexisting").has("suppressions")).isFalse();
  }

  @Test
  void diffModeMarksPreexistingFindingsUnchangedAndTheRestNew() {
    for (JsonNode r : results(sarif(Reports.full(), WITH_SUPPRESSED))) {
      String expected = r.at("/properties/status").asText().equals("preexisting") ? "unchanged" : "new";
      assertThat(r.get("baselineState").asText()).isEqualTo(expected);
    }
    for (JsonNode r : results(sarif(Reports.plainScan(), WITH_SUPPRESSED))) {
      assertThat(r.has("baselineState")).isFalse();
    }
    assertThat(run(sarif(Reports.plainScan(), ReportOptions.defaults())).at("/automationDetails/id").asText())
        .isEqualTo("shipgate/scan/");
  }

  @Test
  void invocationReportsScanErrorsAsFailedExecution() {
    JsonNode inv = run(sarif(Reports.full(), ReportOptions.defaults())).at("/invocations/0");
    assertThat(inv.get("executionSuccessful").asBoolean()).isFalse();
    List<JsonNode> notes = new ArrayList<>();
    inv.get("toolExecutionNotifications").forEach(notes::add);
    assertThat(notes).hasSize(2).allSatisfy(n -> assertThat(n.get("level").asText()).isEqualTo("error"));
    assertThat(notes.get(0).at("/locations/0/physicalLocation/artifactLocation/uri").asText())
        .isEqualTo("src/main/java/Broken.java");
    assertThat(notes.get(0).at("/locations/0/physicalLocation/region/startLine").asInt()).isEqualTo(3);
    assertThat(notes.get(1).has("locations")).isFalse();
    assertThat(notes.get(1).at("/message/text").asText()).isEqualTo("java: type solver ran out of memory");

    JsonNode clean = run(sarif(Reports.withoutErrors(Reports.findings()), ReportOptions.defaults())).at("/invocations/0");
    assertThat(clean.get("executionSuccessful").asBoolean()).isTrue();
    assertThat(clean.get("toolExecutionNotifications")).isEmpty();
  }

  @Test
  void runPropertiesNameVersionRulePacksAndPolicyDigest() {
    JsonNode props = run(sarif(Reports.full(), ReportOptions.defaults())).get("properties");
    assertThat(props.get("shipgateVersion").asText()).isEqualTo(Reports.VERSION);
    assertThat(props.get("policyDigest").asText()).isEqualTo("sha256:9f86d081884c7d65");
    assertThat(props.get("rulePacks")).hasSize(3);
    assertThat(props.at("/rulePacks/1/family").asText()).isEqualTo("java");
    assertThat(props.at("/rulePacks/1/version").asText()).isEqualTo("0.9.1");
    assertThat(props.at("/diff/ref").asText()).isEqualTo("origin/main");
    assertThat(props.get("truncated").asBoolean()).isFalse();
  }

  @Test
  void resultsOverTheLimitDropLowestSeverityThenLowestConfidenceFirst() {
    ScanReport report = Reports.many(45);
    int limit = 12;
    JsonNode sarif = sarif(report, new ReportOptions(false, false, limit, false));
    List<JsonNode> results = results(sarif);
    assertThat(results).hasSize(limit);

    // 45 findings cycle through 5 severities: 9 each. 12 kept = 9 critical + the 3 most confident highs.
    Map<String, Integer> kept = new HashMap<>();
    for (JsonNode r : results) {
      kept.merge(r.at("/properties/severity").asText(), 1, Integer::sum);
    }
    assertThat(kept).containsOnly(Map.entry("critical", 9), Map.entry("high", 3));
    results.stream().filter(r -> r.at("/properties/severity").asText().equals("high"))
        .forEach(r -> assertThat(r.at("/properties/confidence").asText()).isEqualTo(Confidence.HIGH.label()));

    JsonNode props = run(sarif).get("properties");
    assertThat(props.get("truncated").asBoolean()).isTrue();
    assertThat(props.get("resultsTotal").asInt()).isEqualTo(45);
    assertThat(props.get("resultsDropped").asInt()).isEqualTo(33);
    JsonNode notification = null;
    for (JsonNode n : run(sarif).at("/invocations/0/toolExecutionNotifications")) {
      if (n.at("/descriptor/id").asText().equals("shipgate/results-truncated")) {
        notification = n;
      }
    }
    assertThat(notification).isNotNull();
    assertThat(notification.get("level").asText()).isEqualTo("warning");
    assertThat(notification.at("/message/text").asText()).contains("33 of 45").contains("9 info");
  }

  @Test
  void keptResultsStayInLocationOrderAfterTruncation() {
    List<String> uris = new ArrayList<>();
    results(sarif(Reports.many(45), new ReportOptions(false, false, 12, false)))
        .forEach(r -> uris.add(r.at("/locations/0/physicalLocation/artifactLocation/uri").asText()));
    assertThat(uris).isSorted();
  }

  @Test
  void uriIsPercentEncodedAndRelative() {
    assertThat(SarifWriter.uri("src/my file.java")).isEqualTo("src/my%20file.java");
    assertThat(SarifWriter.uri("docs/\u00fcber#1.md")).isEqualTo("docs/%C3%BCber%231.md");
    assertThat(SarifWriter.uri("a:b/c")).isEqualTo("a%3Ab/c");
  }

  @Test
  void levelsAndScoresMapFromSeverity() {
    assertThat(SarifWriter.defaultLevel(Severity.CRITICAL)).isEqualTo("error");
    assertThat(SarifWriter.defaultLevel(Severity.HIGH)).isEqualTo("error");
    assertThat(SarifWriter.defaultLevel(Severity.MEDIUM)).isEqualTo("warning");
    assertThat(SarifWriter.defaultLevel(Severity.LOW)).isEqualTo("note");
    assertThat(SarifWriter.defaultLevel(Severity.INFO)).isEqualTo("note");
    assertThat(SarifWriter.securitySeverity(Severity.HIGH)).isEqualTo("8.0");
    assertThat(SarifWriter.securitySeverity(Severity.MEDIUM)).isEqualTo("5.5");
    for (Severity s : Severity.values()) {
      assertThat(SarifWriter.securitySeverity(s)).as("%s: one decimal, as %%.1f prints it", s)
          .isEqualTo(String.format(java.util.Locale.ROOT, "%.1f", s.securityScore()));
    }
  }

  @Test
  void tagsAreCappedAtGitHubsLimit() {
    String[] many = new String[30];
    for (int i = 0; i < many.length; i++) {
      many[i] = "topic:" + i;
    }
    var rule = dev.shipgate.core.model.Rule.builder("config/test/many-tags", "config").title("t").description("d").fix("f")
        .cwe("CWE-1", "CWE-2").tags(many).build();
    List<String> tags = SarifWriter.tags(rule);
    assertThat(tags).hasSize(SarifWriter.MAX_TAGS).startsWith("security", "external/cwe/cwe-1", "external/cwe/cwe-2");
  }

  @Test
  void ruleOfAFindingMissingFromTheRuleListStillGetsADescriptor() {
    var stray = dev.shipgate.core.model.Rule.builder("config/extra/stray", "config").title("Stray").description("d").fix("f").build();
    var finding = dev.shipgate.core.model.Finding.builder(stray).atLine("x.yml", 2).build();
    JsonNode sarif = sarif(Reports.report(List.of(finding), null), ReportOptions.defaults());
    JsonNode result = results(sarif).get(0);
    assertThat(run(sarif).at("/tool/driver/rules/" + result.get("ruleIndex").asInt() + "/id").asText())
        .isEqualTo("config/extra/stray");
    assertThat(run(sarif).at("/tool/driver/rules")).hasSize(Reports.RULES.size() + 1);
  }

  @Test
  void versionThatCannotBeSemverHasNoSemanticVersion() {
    ScanReport r = Reports.plainScan();
    ScanReport dev = new ScanReport("dev", r.policySource(), r.policyDigest(), r.rulePacks(), r.rules(), r.findings(),
        r.coverage(), r.verdict(), r.startedAt(), r.millis(), r.diff(), r.notes());
    JsonNode driver = run(sarif(dev, ReportOptions.defaults())).at("/tool/driver");
    assertThat(driver.get("version").asText()).isEqualTo("dev");
    assertThat(driver.has("semanticVersion")).isFalse();
  }

  @Test
  void flowLongerThanGitHubsDisplayLimitIsCut() {
    var b = dev.shipgate.core.model.Finding.builder(Reports.SQL).atLine("a.java", 1);
    for (int i = 1; i <= SarifWriter.MAX_FLOW_STEPS + 5; i++) {
      b.step(dev.shipgate.core.model.Location.line("a.java", i), "step " + i);
    }
    JsonNode sarif = sarif(Reports.report(List.of(b.build()), null), ReportOptions.defaults());
    assertThat(results(sarif).get(0).at("/codeFlows/0/threadFlows/0/locations")).hasSize(SarifWriter.MAX_FLOW_STEPS);
  }
}
