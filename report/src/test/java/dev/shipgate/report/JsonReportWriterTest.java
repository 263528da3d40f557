package dev.shipgate.report;

import static dev.shipgate.report.Render.json;
import static dev.shipgate.report.Render.render;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SpecificationVersion;
import dev.shipgate.core.gate.ScanReport;
import dev.shipgate.core.model.FindingStatus;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class JsonReportWriterTest {

  private static Schema schema;

  @BeforeAll
  static void loadSchema() throws Exception {
    try (InputStream in = JsonReportWriter.class.getResourceAsStream("shipgate-report.schema.json")) {
      assertThat(in).as("schema resource").isNotNull();
      schema = Render.offlineSchema(SpecificationVersion.DRAFT_2020_12, in);
    }
  }

  private static JsonNode findingAt(JsonNode root, String path, String ruleId) {
    for (JsonNode f : root.get("findings")) {
      if (f.at("/location/path").asText().equals(path) && f.get("rule_id").asText().equals(ruleId)) {
        return f;
      }
    }
    throw new AssertionError("no finding " + ruleId + " at " + path);
  }

  @Test
  void outputValidatesAgainstThePublishedSchema() {
    for (ScanReport report : List.of(Reports.full(), Reports.plainScan(), Reports.many(5))) {
      List<Error> errors = schema.validate(json(render("json", report)));
      assertThat(errors).as("schema errors").isEmpty();
    }
  }

  @Test
  void schemaRejectsAReportWithAnUnknownStatus() {
    JsonNode root = json(render("json", Reports.full()));
    ((com.fasterxml.jackson.databind.node.ObjectNode) root.get("findings").get(0)).put("status", "ignored");
    assertThat(schema.validate(root)).isNotEmpty();
  }

  @Test
  void topLevelFieldsDescribeTheRun() {
    JsonNode root = json(render("json", Reports.full()));
    List<String> fields = new ArrayList<>();
    root.fieldNames().forEachRemaining(fields::add);
    assertThat(fields).containsExactly("schema_version", "tool", "policy", "rule_packs", "started_at", "duration_ms",
        "diff", "notes", "verdict", "summary", "findings", "coverage");
    assertThat(root.get("schema_version").isInt()).isTrue();
    assertThat(root.get("schema_version").asInt()).isEqualTo(1);
    assertThat(root.at("/tool/name").asText()).isEqualTo("shipgate");
    assertThat(root.at("/tool/version").asText()).isEqualTo(Reports.VERSION);
    assertThat(root.at("/policy/source").asText()).isEqualTo(".shipgate.yml");
    assertThat(root.at("/policy/digest").asText()).isEqualTo("sha256:9f86d081884c7d65");
    assertThat(root.at("/rule_packs/2/family").asText()).isEqualTo("secrets");
    assertThat(root.at("/rule_packs/2/rules").asInt()).isEqualTo(2);
    assertThat(root.get("started_at").asText()).isEqualTo("2026-11-21T23:00:00Z");
    assertThat(root.get("duration_ms").asLong()).isEqualTo(12_345);
    assertThat(root.at("/diff/mode").asText()).isEqualTo("base");
    assertThat(root.at("/diff/changed_files").asInt()).isEqualTo(5);
    assertThat(root.at("/notes/advisory-db").asText()).isEqualTo("3 days old");
    assertThat(root.at("/verdict/passed").asBoolean()).isFalse();
    assertThat(root.at("/verdict/exit_code").asInt()).isEqualTo(1);
    assertThat(root.at("/verdict/reasons")).hasSize(2);
    assertThat(json(render("json", Reports.plainScan())).get("diff").isNull()).isTrue();
  }

  @Test
  void summaryMatchesTheReportCounts() {
    ScanReport report = Reports.full();
    JsonNode s = json(render("json", report)).get("summary");
    assertThat(s.get("files").asInt()).isEqualTo(report.filesScanned()).isEqualTo(42);
    assertThat(s.get("rules").asInt()).isEqualTo(6);
    assertThat(s.get("blocking").asLong()).isEqualTo(report.blocking()).isEqualTo(2);
    assertThat(s.get("warnings").asLong()).isEqualTo(report.warnings()).isEqualTo(3);
    assertThat(s.get("preexisting").asLong()).isEqualTo(1);
    assertThat(s.get("suppressed").asLong()).isEqualTo(1);
    assertThat(s.get("waived").asLong()).isEqualTo(1);
    assertThat(s.get("baselined").asLong()).isEqualTo(1);
    assertThat(s.get("skipped").asInt()).isEqualTo(report.skippedCount()).isEqualTo(26);
    assertThat(s.get("errors").asInt()).isEqualTo(2);
  }

  @Test
  void everyFindingIsListedWithItsStatus() {
    JsonNode root = json(render("json", Reports.full()));
    List<String> statuses = new ArrayList<>();
    root.get("findings").forEach(f -> statuses.add(f.get("status").asText()));
    assertThat(statuses).hasSize(Reports.findings().size())
        .contains("open", "preexisting", "suppressed", "waived", "baselined");
    JsonNode waived = findingAt(root, "src/test/resources/fixture.env", Reports.API_KEY.id());
    assertThat(waived.get("status").asText()).isEqualTo("waived");
    assertThat(waived.get("status_reason").asText()).isEqualTo("alice until 2027-01-01: test key");
    assertThat(waived.get("blocking").asBoolean()).isFalse();
  }

  @Test
  void findingCarriesRuleMetadataLocationFlowAndProperties() {
    JsonNode root = json(render("json", Reports.full()));
    JsonNode sql = findingAt(root, "src/main/java/com/acme/UserDao.java", Reports.SQL.id());
    assertThat(sql.get("title").asText()).isEqualTo(Reports.SQL.title());
    assertThat(sql.get("severity").asText()).isEqualTo("critical");
    assertThat(sql.get("confidence").asText()).isEqualTo("high");
    assertThat(sql.get("cwe").get(0).asText()).isEqualTo("CWE-89");
    assertThat(sql.get("tags")).hasSize(2);
    assertThat(sql.at("/location/start_line").asInt()).isEqualTo(42);
    assertThat(sql.at("/location/start_column").asInt()).isEqualTo(9);
    assertThat(sql.at("/location/end_line").asInt()).isEqualTo(42);
    assertThat(sql.at("/location/end_column").asInt()).isEqualTo(61);
    assertThat(sql.get("fingerprint").asText()).isEqualTo("a1b2c3d4e5f60718");
    assertThat(sql.get("blocking").asBoolean()).isTrue();
    assertThat(sql.get("flow")).hasSize(2);
    assertThat(sql.at("/flow/0/location/path").asText()).isEqualTo("src/main/java/com/acme/UserController.java");
    assertThat(sql.at("/flow/1/message").asText()).isEqualTo("reaches executeQuery");
    assertThat(sql.get("snippet").asText()).isEqualTo("stmt.executeQuery(\"select * from t where a = '\" + id + \"' | `x`\");");

    JsonNode key = findingAt(root, "src/main/resources/application.yml", Reports.API_KEY.id());
    assertThat(key.at("/properties/redacted").asText()).isEqualTo("sk_l****");
    assertThat(key.at("/properties/entropy").asText()).isEqualTo("4.81");
  }

  @Test
  void hostileTextSurvivesAsDataWithControlCharactersReplaced() {
    JsonNode root = json(render("json", Reports.full()));
    String message = findingAt(root, "src/main/java/com/acme/UserDao.java", Reports.SQL.id()).get("message").asText();
    assertThat(message).contains("</script><b>x</b> ]]> a|b `tick`").contains("@octo-org/team")
        .doesNotContain("\u001b").doesNotContain("\u0000").doesNotContain("\u0007").doesNotContain("\u202E");
    JsonNode debug = findingAt(root, "src/main/resources/application.yml", Reports.DEBUG.id());
    assertThat(debug.get("message").asText()).endsWith(Reports.UNICODE);
  }

  @Test
  void hugeSnippetIsCutWithAnEllipsis() {
    JsonNode root = json(render("json", Reports.full()));
    String snippet = findingAt(root, "web/dist/app.min.js", Reports.MINIFIED.id()).get("snippet").asText();
    assertThat(snippet).hasSize(JsonReportWriter.MAX_SNIPPET).startsWith("var a=xxx").endsWith(Text.ELLIPSIS);
  }

  @Test
  void coverageListsEveryFamilyWithSkippedFilesAndErrors() {
    JsonNode coverage = json(render("json", Reports.full())).get("coverage");
    List<String> families = new ArrayList<>();
    coverage.forEach(c -> families.add(c.get("family").asText()));
    assertThat(families).containsExactly("files", "java", "config", "secrets");
    assertThat(coverage.at("/0/skipped")).hasSize(25);
    assertThat(coverage.at("/0/skipped/0/reason").asText()).isEqualTo("binary file");
    JsonNode java = coverage.get(1);
    assertThat(java.get("files_scanned").asInt()).isEqualTo(17);
    assertThat(java.get("errors")).hasSize(2);
    assertThat(java.at("/errors/0/path").asText()).isEqualTo("src/main/java/Broken.java");
    assertThat(java.at("/errors/0/line").asInt()).isEqualTo(3);
    assertThat(java.at("/errors/1/path").asText()).isEmpty();
  }

  @Test
  void findingsAreOrderedByLocationWhateverTheInputOrder() {
    List<dev.shipgate.core.model.Finding> reversed = new ArrayList<>(Reports.findings());
    java.util.Collections.reverse(reversed);
    String a = render("json", Reports.report(Reports.findings(), null));
    String b = render("json", Reports.report(reversed, null));
    assertThat(a).isEqualTo(b);
    List<String> paths = new ArrayList<>();
    json(a).get("findings").forEach(f -> paths.add(f.at("/location/path").asText()));
    assertThat(paths).isSorted();
  }

  @Test
  void schemaEnumsCoverEveryStatusSeverityAndConfidenceOfTheModel() throws Exception {
    JsonNode schemaJson;
    try (InputStream in = JsonReportWriter.class.getResourceAsStream("shipgate-report.schema.json")) {
      schemaJson = Render.MAPPER.readTree(in);
    }
    JsonNode finding = schemaJson.at("/$defs/finding/properties");
    List<String> statuses = new ArrayList<>();
    finding.at("/status/enum").forEach(n -> statuses.add(n.asText()));
    assertThat(statuses).containsExactlyInAnyOrderElementsOf(
        java.util.Arrays.stream(FindingStatus.values()).map(Text::statusKey).toList());
    List<String> severities = new ArrayList<>();
    finding.at("/severity/enum").forEach(n -> severities.add(n.asText()));
    assertThat(severities).containsExactlyInAnyOrderElementsOf(
        java.util.Arrays.stream(dev.shipgate.core.model.Severity.values()).map(s -> s.label()).toList());
    List<String> confidences = new ArrayList<>();
    finding.at("/confidence/enum").forEach(n -> confidences.add(n.asText()));
    assertThat(confidences).containsExactlyInAnyOrderElementsOf(
        java.util.Arrays.stream(dev.shipgate.core.model.Confidence.values()).map(c -> c.label()).toList());
  }
}
