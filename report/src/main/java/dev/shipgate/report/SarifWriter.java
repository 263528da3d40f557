package dev.shipgate.report;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.shipgate.core.gate.Coverage;
import dev.shipgate.core.gate.ScanReport;
import dev.shipgate.core.model.Finding;
import dev.shipgate.core.model.FindingStatus;
import dev.shipgate.core.model.FlowStep;
import dev.shipgate.core.model.Location;
import dev.shipgate.core.model.Rule;
import dev.shipgate.core.model.Severity;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * SARIF 2.1.0 in the subset GitHub code scanning reads: one run, rules with {@code security-severity}
 * and {@code precision}, results with a region (GitHub needs {@code startLine}), stable
 * {@code partialFingerprints}, and limits respected (results per run, tags per rule, thread-flow locations).
 */
final class SarifWriter implements ReportWriter {

  static final String SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
  static final String INFORMATION_URI = "https://github.com/shipgate/shipgate";
  static final String SRCROOT = "%SRCROOT%";
  /** GitHub keeps 20 tags per rule and shows 10; security and CWE tags come first. */
  static final int MAX_TAGS = 20;
  /** GitHub shows the first 1000 thread-flow locations of a result and rejects more than 10000. */
  static final int MAX_FLOW_STEPS = 1000;
  static final int MAX_MESSAGE = 2000;

  /** Which results survive truncation: blocking first, then severity, then confidence, then status. */
  static final Comparator<Finding> KEEP_FIRST = Comparator.comparing(Finding::blocking).reversed()
      .thenComparing(Finding::severity, Comparator.reverseOrder())
      .thenComparing(Finding::confidence, Comparator.reverseOrder())
      .thenComparing(Finding::status)
      .thenComparing(Text.BY_LOCATION);

  private final ReportOptions options;

  SarifWriter(ReportOptions options) {
    this.options = options;
  }

  @Override
  public String kind() {
    return "sarif";
  }

  @Override
  public void write(ScanReport report, Writer out) throws IOException {
    List<Finding> candidates = new ArrayList<>();
    for (Finding f : report.findings()) {
      if (!f.status().isSuppressedKind() || options.sarifIncludeSuppressed()) {
        candidates.add(f);
      }
    }
    // Over the limit, keep the most important results; the kept ones are then emitted in location order.
    List<Finding> ranked = new ArrayList<>(candidates);
    ranked.sort(KEEP_FIRST);
    int keep = Math.min(ranked.size(), options.sarifMaxResults());
    List<Finding> kept = new ArrayList<>(ranked.subList(0, keep));
    List<Finding> dropped = ranked.subList(keep, ranked.size());
    kept.sort(Text.BY_LOCATION);
    String truncation = dropped.isEmpty() ? null : truncationMessage(candidates.size(), dropped);

    Map<String, Rule> rules = new TreeMap<>();
    for (Rule r : report.rules()) {
      rules.putIfAbsent(r.id(), r);
    }
    // A finding of a rule the report does not list still needs a descriptor for its ruleIndex.
    for (Finding f : kept) {
      rules.putIfAbsent(f.ruleId(), f.rule());
    }
    Map<String, Integer> ruleIndex = new HashMap<>();
    for (String id : rules.keySet()) {
      ruleIndex.put(id, ruleIndex.size());
    }

    JsonGenerator g = Json.generator(out);
    g.writeStartObject();
    g.writeStringField("$schema", SCHEMA_URI);
    g.writeStringField("version", "2.1.0");
    g.writeArrayFieldStart("runs");
    g.writeStartObject();
    tool(g, report, rules.values());
    g.writeObjectFieldStart("automationDetails");
    String mode = report.diff() == null || report.diff().mode() == null || report.diff().mode().isBlank()
        ? "scan" : report.diff().mode().replaceAll("[^A-Za-z0-9._-]", "-");
    g.writeStringField("id", "shipgate/" + mode + "/");
    g.writeEndObject();
    g.writeObjectFieldStart("originalUriBaseIds");
    g.writeObjectFieldStart(SRCROOT);
    g.writeObjectFieldStart("description");
    g.writeStringField("text", "The root of the scanned repository; every result URI is relative to it.");
    g.writeEndObject();
    g.writeEndObject();
    g.writeEndObject();
    invocation(g, report, truncation);
    g.writeStringField("columnKind", "utf16CodeUnits");
    g.writeArrayFieldStart("results");
    Map<String, Integer> hashOccurrences = new HashMap<>();
    for (Finding f : kept) {
      result(g, f, ruleIndex.get(f.ruleId()), report.diff() != null, hashOccurrences);
    }
    g.writeEndArray();
    runProperties(g, report, candidates.size(), kept.size(), dropped.size());
    g.writeEndObject();
    g.writeEndArray();
    g.writeEndObject();
    g.flush();
    out.write('\n');
  }

  private String truncationMessage(int total, List<Finding> dropped) {
    Map<Severity, Integer> bySeverity = new EnumMap<>(Severity.class);
    for (Finding f : dropped) {
      bySeverity.merge(f.severity(), 1, Integer::sum);
    }
    List<String> parts = new ArrayList<>();
    for (Severity s : Severity.values()) {
      if (bySeverity.containsKey(s)) {
        parts.add(bySeverity.get(s) + " " + s.label());
      }
    }
    return "SARIF output truncated: " + dropped.size() + " of " + total + " results left out to stay within "
        + options.sarifMaxResults() + " results per run (lowest severity, then lowest confidence first; left out: "
        + String.join(", ", parts) + "). The JSON report lists every finding.";
  }

  private static void tool(JsonGenerator g, ScanReport report, Iterable<Rule> rules) throws IOException {
    g.writeObjectFieldStart("tool");
    g.writeObjectFieldStart("driver");
    g.writeStringField("name", "shipgate");
    String version = Text.clean(Text.nullToEmpty(report.toolVersion()));
    if (!version.isEmpty()) {
      g.writeStringField("version", version);
    }
    String semver = Text.semver(version);
    if (semver != null) {
      g.writeStringField("semanticVersion", semver);
    }
    g.writeStringField("informationUri", INFORMATION_URI);
    g.writeArrayFieldStart("rules");
    for (Rule r : rules) {
      rule(g, r);
    }
    g.writeEndArray();
    g.writeEndObject();
    g.writeEndObject();
  }

  private static void rule(JsonGenerator g, Rule r) throws IOException {
    g.writeStartObject();
    g.writeStringField("id", r.id());
    g.writeStringField("name", Text.pascalCase(r.id()));
    message(g, "shortDescription", r.title());
    message(g, "fullDescription", r.description());
    g.writeObjectFieldStart("help");
    Json.text(g, "text", helpText(r));
    Json.text(g, "markdown", helpMarkdown(r));
    g.writeEndObject();
    g.writeObjectFieldStart("defaultConfiguration");
    g.writeStringField("level", defaultLevel(r.severity()));
    g.writeEndObject();
    g.writeObjectFieldStart("properties");
    g.writeArrayFieldStart("tags");
    for (String t : tags(r)) {
      g.writeString(t);
    }
    g.writeEndArray();
    g.writeStringField("precision", r.confidence().sarifPrecision());
    g.writeStringField("security-severity", securitySeverity(r.severity()));
    g.writeStringField("problem.severity", problemSeverity(r.severity()));
    g.writeEndObject();
    g.writeEndObject();
  }

  static List<String> tags(Rule r) {
    Set<String> tags = new LinkedHashSet<>();
    tags.add("security");
    for (String cwe : r.cwe()) {
      tags.add("external/cwe/" + cwe.toLowerCase(Locale.ROOT));
    }
    for (String t : r.tags()) {
      String clean = Text.oneLine(t).trim();
      if (!clean.isEmpty()) {
        tags.add(clean);
      }
    }
    return new ArrayList<>(tags).subList(0, Math.min(MAX_TAGS, tags.size()));
  }

  static String helpText(Rule r) {
    StringBuilder b = new StringBuilder(r.description().strip()).append("\n\nHow to fix: ").append(r.fix().strip());
    if (!r.cwe().isEmpty()) {
      b.append("\n\nWeaknesses:");
      for (String cwe : r.cwe()) {
        b.append("\n- ").append(cwe).append(": ").append(cweUri(cwe));
      }
    }
    if (!r.tags().isEmpty()) {
      b.append("\n\nCompliance: ").append(String.join(", ", r.tags()));
    }
    return b.toString();
  }

  static String helpMarkdown(Rule r) {
    StringBuilder b = new StringBuilder(r.description().strip()).append("\n\n## How to fix\n\n").append(r.fix().strip());
    if (!r.cwe().isEmpty()) {
      b.append("\n\n## Weaknesses\n");
      for (String cwe : r.cwe()) {
        b.append("\n- [").append(cwe).append("](").append(cweUri(cwe)).append(')');
      }
    }
    if (!r.tags().isEmpty()) {
      b.append("\n\n## Compliance\n");
      for (String t : r.tags()) {
        b.append("\n- `").append(t.replace("`", "'")).append('`');
      }
    }
    return b.toString();
  }

  static String cweUri(String cwe) {
    return "https://cwe.mitre.org/data/definitions/" + cwe.substring("CWE-".length()) + ".html";
  }

  /** The rule's default: high and critical are errors, medium a warning, low and info notes. */
  static String defaultLevel(Severity s) {
    return s.atLeast(Severity.HIGH) ? "error" : s == Severity.MEDIUM ? "warning" : "note";
  }

  /** A result's level: blocking findings are errors; other medium-or-worse findings warnings; the rest notes. */
  static String level(Finding f) {
    return f.blocking() ? "error" : f.severity().atLeast(Severity.MEDIUM) ? "warning" : "note";
  }

  /** The score with one decimal ("9.5", "5.0"): every score has one, so no {@code java.util.Formatter} (slow first use). */
  static String securitySeverity(Severity s) {
    return Double.toString(s.securityScore());
  }

  static String problemSeverity(Severity s) {
    return s.atLeast(Severity.HIGH) ? "error" : s == Severity.MEDIUM ? "warning" : "recommendation";
  }

  private static void invocation(JsonGenerator g, ScanReport report, String truncation) throws IOException {
    g.writeArrayFieldStart("invocations");
    g.writeStartObject();
    g.writeBooleanField("executionSuccessful", report.errorCount() == 0);
    if (report.verdict() != null) {
      g.writeNumberField("exitCode", report.verdict().exitCode());
    }
    if (report.startedAt() != null) {
      g.writeStringField("startTimeUtc", DateTimeFormatter.ISO_INSTANT.format(report.startedAt()));
      g.writeStringField("endTimeUtc", DateTimeFormatter.ISO_INSTANT.format(report.startedAt().plusMillis(Math.max(0, report.millis()))));
    }
    g.writeArrayFieldStart("toolExecutionNotifications");
    for (Coverage c : report.coverage()) {
      for (Coverage.ScanError e : c.errors()) {
        g.writeStartObject();
        g.writeStringField("level", "error");
        message(g, "message", Text.truncate(Text.oneLine(c.family() + ": " + e), MAX_MESSAGE));
        if (!e.path().isEmpty() && isRelative(e.path())) {
          g.writeArrayFieldStart("locations");
          g.writeStartObject();
          physicalLocation(g, e.path(), e.line(), 0, 0, 0);
          g.writeEndObject();
          g.writeEndArray();
        }
        g.writeObjectFieldStart("descriptor");
        g.writeStringField("id", "shipgate/scan-error");
        g.writeEndObject();
        g.writeObjectFieldStart("properties");
        Json.text(g, "family", c.family());
        g.writeEndObject();
        g.writeEndObject();
      }
    }
    if (truncation != null) {
      g.writeStartObject();
      g.writeStringField("level", "warning");
      message(g, "message", truncation);
      g.writeObjectFieldStart("descriptor");
      g.writeStringField("id", "shipgate/results-truncated");
      g.writeEndObject();
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
    g.writeEndArray();
  }

  private static boolean isRelative(String path) {
    return !path.startsWith("/") && !path.contains("\\") && !path.contains(":");
  }

  private void result(JsonGenerator g, Finding f, int ruleIndex, boolean diffMode, Map<String, Integer> hashOccurrences)
      throws IOException {
    g.writeStartObject();
    g.writeStringField("ruleId", f.ruleId());
    g.writeNumberField("ruleIndex", ruleIndex);
    g.writeStringField("level", level(f));
    message(g, "message", Text.truncate(Text.clean(f.message()), MAX_MESSAGE));
    g.writeArrayFieldStart("locations");
    g.writeStartObject();
    Location l = f.location();
    physicalLocation(g, l.path(), l.startLine(), l.startColumn(), l.endLine(), l.endColumn());
    g.writeEndObject();
    g.writeEndArray();
    String stable = f.fingerprint().isEmpty()
        ? Text.sha256Hex(f.ruleId() + "\n" + l.path() + "\n" + f.message())
        : f.fingerprint();
    String lineHash = Text.sha256Hex(stable).substring(0, 16);
    int occurrence = hashOccurrences.merge(lineHash, 1, Integer::sum);
    g.writeObjectFieldStart("partialFingerprints");
    g.writeStringField("primaryLocationLineHash", lineHash + ":" + occurrence);
    Json.text(g, "shipgate/v1", stable);
    g.writeEndObject();
    if (!f.flow().isEmpty()) {
      codeFlow(g, f.flow());
    }
    if (diffMode) {
      g.writeStringField("baselineState", f.status() == FindingStatus.PREEXISTING ? "unchanged" : "new");
    }
    if (f.status().isSuppressedKind()) {
      g.writeArrayFieldStart("suppressions");
      g.writeStartObject();
      g.writeStringField("kind", f.status() == FindingStatus.SUPPRESSED ? "inSource" : "external");
      g.writeStringField("status", "accepted");
      String reason = Text.oneLine(f.statusReason()).trim();
      Json.text(g, "justification", Text.truncate(
          Text.statusWord(f.status()) + (reason.isEmpty() ? "" : ": " + reason), MAX_MESSAGE));
      g.writeEndObject();
      g.writeEndArray();
    }
    g.writeObjectFieldStart("properties");
    g.writeStringField("confidence", f.confidence().label());
    g.writeStringField("severity", f.severity().label());
    g.writeStringField("status", Text.statusKey(f.status()));
    g.writeBooleanField("blocking", f.blocking());
    if (!f.statusReason().isEmpty()) {
      Json.text(g, "statusReason", f.statusReason());
    }
    if (!f.properties().isEmpty()) {
      Json.sortedMap(g, "details", f.properties());
    }
    g.writeEndObject();
    g.writeEndObject();
  }

  private static void codeFlow(JsonGenerator g, List<FlowStep> flow) throws IOException {
    g.writeArrayFieldStart("codeFlows");
    g.writeStartObject();
    g.writeArrayFieldStart("threadFlows");
    g.writeStartObject();
    g.writeArrayFieldStart("locations");
    for (FlowStep s : flow.subList(0, Math.min(flow.size(), MAX_FLOW_STEPS))) {
      g.writeStartObject();
      g.writeObjectFieldStart("location");
      Location l = s.location();
      physicalLocation(g, l.path(), l.startLine(), l.startColumn(), l.endLine(), l.endColumn());
      String text = Text.truncate(Text.oneLine(s.message()), MAX_MESSAGE);
      if (!text.isEmpty()) {
        message(g, "message", text);
      }
      g.writeEndObject();
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
    g.writeEndArray();
    g.writeEndObject();
    g.writeEndArray();
  }

  /**
   * A location GitHub accepts: repository-relative URI under {@code %SRCROOT%} and always a region with a
   * {@code startLine} (a finding about a whole file points at line 1). Columns and end positions only when
   * known and consistent.
   */
  private static void physicalLocation(JsonGenerator g, String path, int startLine, int startColumn, int endLine, int endColumn)
      throws IOException {
    g.writeObjectFieldStart("physicalLocation");
    g.writeObjectFieldStart("artifactLocation");
    g.writeStringField("uri", uri(path));
    g.writeStringField("uriBaseId", SRCROOT);
    g.writeEndObject();
    g.writeObjectFieldStart("region");
    int line = Math.max(1, startLine);
    g.writeNumberField("startLine", line);
    if (startLine >= 1) {
      if (startColumn >= 1) {
        g.writeNumberField("startColumn", startColumn);
      }
      if (endLine >= line) {
        g.writeNumberField("endLine", endLine);
        boolean sameLine = endLine == line;
        if (endColumn >= 1 && startColumn >= 1 && (!sameLine || endColumn >= startColumn)) {
          g.writeNumberField("endColumn", endColumn);
        }
      }
    }
    g.writeEndObject();
    g.writeEndObject();
  }

  /** Percent-encodes a repository-relative path into a URI reference, keeping {@code /} separators. */
  static String uri(String path) {
    StringBuilder b = new StringBuilder();
    for (byte raw : path.getBytes(StandardCharsets.UTF_8)) {
      int c = raw & 0xFF;
      boolean keep = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
          || "-._~/!$&'()*+,;=@".indexOf(c) >= 0;
      if (keep) {
        b.append((char) c);
      } else {
        b.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
      }
    }
    return b.toString();
  }

  private static void message(JsonGenerator g, String field, String text) throws IOException {
    g.writeObjectFieldStart(field);
    Json.text(g, "text", text.isEmpty() ? "(no message)" : text);
    g.writeEndObject();
  }

  private static void runProperties(JsonGenerator g, ScanReport report, int total, int emitted, int dropped) throws IOException {
    g.writeObjectFieldStart("properties");
    Json.text(g, "shipgateVersion", Text.nullToEmpty(report.toolVersion()));
    Json.text(g, "policySource", Text.nullToEmpty(report.policySource()));
    Json.text(g, "policyDigest", Text.nullToEmpty(report.policyDigest()));
    g.writeArrayFieldStart("rulePacks");
    for (ScanReport.RulePack p : report.rulePacks()) {
      g.writeStartObject();
      Json.text(g, "family", p.family());
      Json.text(g, "version", p.version());
      g.writeNumberField("rules", p.rules());
      g.writeEndObject();
    }
    g.writeEndArray();
    if (report.verdict() != null) {
      g.writeObjectFieldStart("verdict");
      g.writeBooleanField("passed", report.verdict().passed());
      g.writeNumberField("exitCode", report.verdict().exitCode());
      Json.strings(g, "reasons", report.verdict().reasons());
      g.writeEndObject();
    }
    if (report.diff() != null) {
      ScanReport.DiffInfo d = report.diff();
      g.writeObjectFieldStart("diff");
      Json.text(g, "mode", Text.nullToEmpty(d.mode()));
      Json.text(g, "ref", Text.nullToEmpty(d.ref()));
      Json.text(g, "commit", Text.nullToEmpty(d.commit()));
      g.writeNumberField("changedFiles", d.changedFiles());
      g.writeEndObject();
    }
    if (!report.notes().isEmpty()) {
      Json.sortedMap(g, "notes", report.notes());
    }
    g.writeNumberField("resultsTotal", total);
    g.writeNumberField("resultsEmitted", emitted);
    g.writeNumberField("resultsDropped", dropped);
    g.writeBooleanField("truncated", dropped > 0);
    g.writeEndObject();
  }
}
