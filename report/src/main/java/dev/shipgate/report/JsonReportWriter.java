package dev.shipgate.report;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.shipgate.core.gate.Coverage;
import dev.shipgate.core.gate.ScanReport;
import dev.shipgate.core.model.Finding;
import dev.shipgate.core.model.FindingStatus;
import dev.shipgate.core.model.FlowStep;
import dev.shipgate.core.model.Location;
import java.io.IOException;
import java.io.Writer;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The machine-readable report, schema version {@value #SCHEMA_VERSION}; see {@code report/README.md} and
 * {@code shipgate-report.schema.json}. Field names never change within a schema version; new optional
 * fields may be added.
 */
final class JsonReportWriter implements ReportWriter {

  static final int SCHEMA_VERSION = 1;
  /** Snippets longer than this are cut (a minified line is useless to a reader and bloats the file). */
  static final int MAX_SNIPPET = 4096;

  @Override
  public String kind() {
    return "json";
  }

  @Override
  public void write(ScanReport report, Writer out) throws IOException {
    JsonGenerator g = Json.generator(out);
    g.writeStartObject();
    g.writeNumberField("schema_version", SCHEMA_VERSION);
    g.writeObjectFieldStart("tool");
    g.writeStringField("name", "shipgate");
    Json.text(g, "version", Text.nullToEmpty(report.toolVersion()));
    g.writeEndObject();
    g.writeObjectFieldStart("policy");
    Json.text(g, "source", Text.nullToEmpty(report.policySource()));
    Json.text(g, "digest", Text.nullToEmpty(report.policyDigest()));
    g.writeEndObject();
    g.writeArrayFieldStart("rule_packs");
    for (ScanReport.RulePack p : report.rulePacks()) {
      g.writeStartObject();
      Json.text(g, "family", p.family());
      Json.text(g, "version", p.version());
      g.writeNumberField("rules", p.rules());
      g.writeEndObject();
    }
    g.writeEndArray();
    Json.textOrNull(g, "started_at", report.startedAt() == null ? null : DateTimeFormatter.ISO_INSTANT.format(report.startedAt()));
    g.writeNumberField("duration_ms", report.millis());
    diff(g, report.diff());
    Json.sortedMap(g, "notes", report.notes());
    verdict(g, report);
    summary(g, report);
    g.writeArrayFieldStart("findings");
    List<Finding> sorted = new ArrayList<>(report.findings());
    sorted.sort(Text.BY_LOCATION);
    for (Finding f : sorted) {
      finding(g, f);
    }
    g.writeEndArray();
    g.writeArrayFieldStart("coverage");
    for (Coverage c : report.coverage()) {
      coverage(g, c);
    }
    g.writeEndArray();
    g.writeEndObject();
    g.flush();
    out.write('\n');
  }

  private static void diff(JsonGenerator g, ScanReport.DiffInfo d) throws IOException {
    if (d == null) {
      g.writeNullField("diff");
      return;
    }
    g.writeObjectFieldStart("diff");
    Json.text(g, "mode", Text.nullToEmpty(d.mode()));
    Json.text(g, "ref", Text.nullToEmpty(d.ref()));
    Json.text(g, "commit", Text.nullToEmpty(d.commit()));
    g.writeNumberField("changed_files", d.changedFiles());
    g.writeEndObject();
  }

  private static void verdict(JsonGenerator g, ScanReport report) throws IOException {
    g.writeObjectFieldStart("verdict");
    if (report.verdict() == null) {
      g.writeNullField("passed");
      g.writeNullField("exit_code");
      g.writeArrayFieldStart("reasons");
      g.writeEndArray();
    } else {
      g.writeBooleanField("passed", report.verdict().passed());
      g.writeNumberField("exit_code", report.verdict().exitCode());
      Json.strings(g, "reasons", report.verdict().reasons());
    }
    g.writeEndObject();
  }

  private static void summary(JsonGenerator g, ScanReport r) throws IOException {
    g.writeObjectFieldStart("summary");
    g.writeNumberField("files", r.filesScanned());
    g.writeNumberField("rules", r.rules().size());
    g.writeNumberField("findings", r.findings().size());
    g.writeNumberField("blocking", r.blocking());
    g.writeNumberField("warnings", r.warnings());
    g.writeNumberField("preexisting", r.count(FindingStatus.PREEXISTING));
    g.writeNumberField("suppressed", r.count(FindingStatus.SUPPRESSED));
    g.writeNumberField("waived", r.count(FindingStatus.WAIVED));
    g.writeNumberField("baselined", r.count(FindingStatus.BASELINED));
    g.writeNumberField("skipped", r.skippedCount());
    g.writeNumberField("errors", r.errorCount());
    g.writeEndObject();
  }

  private static void finding(JsonGenerator g, Finding f) throws IOException {
    g.writeStartObject();
    g.writeStringField("rule_id", f.ruleId());
    Json.text(g, "family", f.rule().family());
    Json.text(g, "title", f.rule().title());
    g.writeStringField("severity", f.severity().label());
    g.writeStringField("confidence", f.confidence().label());
    Json.strings(g, "cwe", f.rule().cwe());
    Json.strings(g, "tags", f.rule().tags());
    Json.text(g, "message", f.message());
    location(g, "location", f.location());
    Json.text(g, "snippet", Text.truncate(f.snippet(), MAX_SNIPPET));
    Json.text(g, "fingerprint", f.fingerprint());
    g.writeStringField("status", Text.statusKey(f.status()));
    Json.text(g, "status_reason", f.statusReason());
    g.writeBooleanField("blocking", f.blocking());
    g.writeArrayFieldStart("flow");
    for (FlowStep s : f.flow()) {
      g.writeStartObject();
      location(g, "location", s.location());
      Json.text(g, "message", Text.nullToEmpty(s.message()));
      g.writeEndObject();
    }
    g.writeEndArray();
    Json.sortedMap(g, "properties", f.properties());
    g.writeEndObject();
  }

  private static void location(JsonGenerator g, String field, Location l) throws IOException {
    g.writeObjectFieldStart(field);
    Json.text(g, "path", l.path());
    g.writeNumberField("start_line", l.startLine());
    g.writeNumberField("start_column", l.startColumn());
    g.writeNumberField("end_line", l.endLine());
    g.writeNumberField("end_column", l.endColumn());
    g.writeEndObject();
  }

  private static void coverage(JsonGenerator g, Coverage c) throws IOException {
    g.writeStartObject();
    Json.text(g, "family", c.family());
    Json.text(g, "version", Text.nullToEmpty(c.version()));
    g.writeNumberField("rules", c.rules());
    g.writeNumberField("files_scanned", c.filesScanned());
    g.writeNumberField("duration_ms", c.millis());
    g.writeArrayFieldStart("skipped");
    for (Coverage.Skipped s : c.skipped()) {
      g.writeStartObject();
      Json.text(g, "path", s.path());
      Json.text(g, "reason", s.reason());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeArrayFieldStart("errors");
    for (Coverage.ScanError e : c.errors()) {
      g.writeStartObject();
      Json.text(g, "path", e.path());
      g.writeNumberField("line", e.line());
      Json.text(g, "message", e.message());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
  }
}
