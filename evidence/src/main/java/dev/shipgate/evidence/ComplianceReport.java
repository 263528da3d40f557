package dev.shipgate.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shipgate.core.gate.ScanReport;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Per control of one framework: the checks that cover it, and whether they ran, passed, failed or were waived (and by
 * whom). Built from a run's {@link ScanReport} or from the checks recorded in a verified attestation.
 */
public final class ComplianceReport {

  /** A control's standing: the worst status of the checks that ran, or that nothing covers it. */
  public static final String NOT_COVERED = "not covered";

  /** One check under one control, with the derivation that put it there. */
  public record Covering(CheckResult check, String via) {}

  /** One control and the checks covering it. */
  public record ControlResult(ComplianceCatalog.Control control, boolean inCatalog, String status, List<Covering> checks) {
    public ControlResult {
      checks = List.copyOf(checks);
    }
  }

  private final ComplianceCatalog.Framework framework;
  private final String source;
  private final List<ControlResult> controls;

  private ComplianceReport(ComplianceCatalog.Framework framework, String source, List<ControlResult> controls) {
    this.framework = framework;
    this.source = source;
    this.controls = List.copyOf(controls);
  }

  public static ComplianceReport of(String framework, ScanReport report, String source) {
    return of(framework, CheckResult.of(report), source);
  }

  /**
   * The report of one framework over the given checks.
   *
   * @param framework one of {@link ComplianceCatalog#FRAMEWORKS}
   * @param source how the report names where the results came from (a run, an attestation and its signer)
   */
  public static ComplianceReport of(String framework, List<CheckResult> checks, String source) {
    ComplianceCatalog catalog = ComplianceCatalog.get();
    ComplianceCatalog.Framework fw = catalog.framework(framework).orElseThrow(() -> new IllegalArgumentException(
        "unknown framework '" + framework + "' (known: " + String.join(", ", ComplianceCatalog.FRAMEWORKS) + ")"));
    Map<String, List<Covering>> byControl = new LinkedHashMap<>();
    for (ComplianceCatalog.Control c : fw.controls()) {
      byControl.put(c.id(), new ArrayList<>());
    }
    for (CheckResult check : checks) {
      for (ComplianceCatalog.Reference r : catalog.references(check.id(), check.family(), check.cwe(), check.tags())) {
        if (r.scheme().equals(framework)) {
          byControl.computeIfAbsent(r.id(), k -> new ArrayList<>()).add(new Covering(check, r.via()));
        }
      }
    }
    List<ControlResult> out = new ArrayList<>();
    for (Map.Entry<String, List<Covering>> e : byControl.entrySet()) {
      List<Covering> covering = e.getValue();
      covering.sort(Comparator.comparing((Covering c) -> c.check().status()).thenComparing(c -> c.check().id()));
      boolean listed = fw.control(e.getKey()).isPresent();
      ComplianceCatalog.Control control = fw.control(e.getKey())
          .orElse(new ComplianceCatalog.Control(framework, e.getKey(), "(referenced by a rule; not in shipgate's catalog)"));
      out.add(new ControlResult(control, listed, status(covering), covering));
    }
    out.sort(Comparator.comparing((ControlResult c) -> !c.inCatalog())
        .thenComparing(c -> c.control().id(), ComplianceCatalog::compareIds));
    return new ComplianceReport(fw, source, out);
  }

  /** The checks recorded in an attestation's predicate ({@code predicate.checks}). */
  public static List<CheckResult> checks(JsonNode predicate) throws EvidenceException {
    JsonNode checks = predicate.path("checks");
    if (!checks.isArray()) {
      throw new EvidenceException("the attestation records no checks (predicate.checks is missing)");
    }
    List<CheckResult> out = new ArrayList<>();
    for (JsonNode c : checks) {
      CheckResult.Status status;
      try {
        status = CheckResult.Status.parse(c.path("status").asText());
      } catch (IllegalArgumentException e) {
        throw new EvidenceException("the attestation's check " + c.path("id").asText() + " has " + e.getMessage(), e);
      }
      out.add(new CheckResult(c.path("id").asText(), c.path("family").asText(), c.path("severity").asText(),
          texts(c.path("cwe")), texts(c.path("tags")), status, c.path("open").asInt(), c.path("blocking").asInt(),
          c.path("waived").asInt(), c.path("preexisting").asInt(), texts(c.path("waivedBy"))));
    }
    return out;
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  private static String status(List<Covering> covering) {
    if (covering.isEmpty()) {
      return NOT_COVERED;
    }
    CheckResult.Status worst = CheckResult.Status.NOT_RUN;
    for (Covering c : covering) {
      CheckResult.Status s = c.check().status();
      if (s != CheckResult.Status.NOT_RUN && (worst == CheckResult.Status.NOT_RUN || s.compareTo(worst) < 0)) {
        worst = s;
      }
    }
    return worst.label();
  }

  public List<ControlResult> controls() {
    return controls;
  }

  public String markdown() {
    StringBuilder md = new StringBuilder();
    md.append("# Compliance: ").append(framework.title()).append("\n\n");
    md.append("Source: ").append(cell(source)).append("\n\n");
    md.append(summary()).append("\n\n");
    md.append("| Control | Title | Status | Checks |\n|---|---|---|---|\n");
    for (ControlResult c : controls) {
      md.append("| ").append(cell(c.control().id())).append(" | ").append(cell(c.control().title())).append(" | ")
          .append(c.status()).append(" | ").append(cell(counts(c.checks()))).append(" |\n");
    }
    boolean header = false;
    for (ControlResult c : controls) {
      List<Covering> notable = c.checks().stream().filter(k -> k.check().status() != CheckResult.Status.PASSED).toList();
      if (notable.isEmpty()) {
        continue;
      }
      if (!header) {
        md.append("\n## Checks that did not simply pass\n");
        header = true;
      }
      md.append("\n### ").append(c.control().id()).append(": ").append(c.control().title()).append("\n\n");
      for (Covering k : notable) {
        CheckResult r = k.check();
        md.append("- `").append(r.id()).append("`: ").append(r.status().label());
        if (r.blocking() > 0) {
          md.append(" (").append(r.blocking()).append(" blocking)");
        } else if (r.open() > 0) {
          md.append(" (").append(r.open()).append(" open)");
        }
        if (!r.waivedBy().isEmpty()) {
          md.append(", waived by ").append(String.join(", ", r.waivedBy()));
        }
        md.append("; via ").append(k.via()).append('\n');
      }
    }
    return md.toString();
  }

  public String json() {
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = mapper.createObjectNode();
    root.put("framework", framework.name());
    root.put("title", framework.title());
    root.put("source", source);
    ObjectNode totals = root.putObject("summary");
    statusCounts().forEach(totals::put);
    ArrayNode list = root.putArray("controls");
    for (ControlResult c : controls) {
      ObjectNode n = list.addObject();
      n.put("id", c.control().id()).put("title", c.control().title()).put("inCatalog", c.inCatalog())
          .put("status", c.status());
      ArrayNode checks = n.putArray("checks");
      for (Covering k : c.checks()) {
        CheckResult r = k.check();
        ObjectNode cn = checks.addObject();
        cn.put("id", r.id()).put("status", r.status().label()).put("via", k.via()).put("open", r.open())
            .put("blocking", r.blocking()).put("waived", r.waived());
        ArrayNode by = cn.putArray("waivedBy");
        r.waivedBy().forEach(by::add);
      }
    }
    try {
      return mapper.writeValueAsString(root) + "\n";
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree always serializes", e);
    }
  }

  private Map<String, Integer> statusCounts() {
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (CheckResult.Status s : CheckResult.Status.values()) {
      counts.put(s.label(), 0);
    }
    counts.put(NOT_COVERED, 0);
    controls.forEach(c -> counts.merge(c.status(), 1, Integer::sum));
    return counts;
  }

  private String summary() {
    List<String> parts = new ArrayList<>();
    statusCounts().forEach((k, v) -> {
      if (v > 0) {
        parts.add(v + " " + k);
      }
    });
    return controls.size() + " controls: " + String.join(", ", parts) + ".";
  }

  private static String counts(List<Covering> checks) {
    if (checks.isEmpty()) {
      return "no check";
    }
    Map<CheckResult.Status, Integer> n = new EnumMap<>(CheckResult.Status.class);
    checks.forEach(c -> n.merge(c.check().status(), 1, Integer::sum));
    List<String> parts = new ArrayList<>();
    n.forEach((s, count) -> parts.add(count + " " + s.label()));
    return checks.size() + (checks.size() == 1 ? " check: " : " checks: ") + String.join(", ", parts);
  }

  private static String cell(String text) {
    return text.replace("|", "\\|").replace("\n", " ");
  }
}
