package dev.shipgate.scanner.deps.osv;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shipgate.scanner.deps.Ecosystem;
import dev.shipgate.scanner.deps.Package;
import dev.shipgate.scanner.deps.extract.RequirementsExtractor;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import us.springett.cvss.Cvss;

/** Reads OSV JSON (schema 1.x) into index entries, and entries to and from the index's JSON lines. */
public final class OsvRecords {

  static final ObjectMapper JSON = new ObjectMapper();

  /** One affected package of one record. */
  public record Affected(Ecosystem ecosystem, String name, OsvEntry entry) {}

  private OsvRecords() {}

  /** The name advisories and packages are matched by: PEP 503 for PyPI, lower case for Packagist. */
  public static String key(Ecosystem ecosystem, String name) {
    return switch (ecosystem) {
      case PYPI -> RequirementsExtractor.normalise(name);
      case PACKAGIST, NUGET -> name.toLowerCase(Locale.ROOT);
      default -> name;
    };
  }

  public static String key(Package p) {
    return key(p.ecosystem(), p.name());
  }

  /**
   * The affected packages of a record in an ecosystem we match; empty for withdrawn records and for
   * ecosystems we do not read (Debian, Alpine, ...).
   */
  public static List<Affected> parse(JsonNode record) {
    List<Affected> out = new ArrayList<>();
    if (!record.isObject() || text(record, "id").isEmpty()) {
      throw new IllegalArgumentException("not an OSV record: no 'id'");
    }
    if (!text(record, "withdrawn").isEmpty()) {
      return out;
    }
    String id = text(record, "id");
    List<String> aliases = new ArrayList<>();
    for (JsonNode a : iterable(record.get("aliases"))) {
      if (!a.asText().equals(id)) {
        aliases.add(a.asText());
      }
    }
    String summary = text(record, "summary");
    if (summary.isEmpty()) {
      String details = text(record, "details");
      summary = details.length() > 200 ? details.substring(0, 197) + "..." : details;
    }
    Severity recordSeverity = severity(record.get("severity"), record.get("database_specific"));
    for (JsonNode affected : iterable(record.get("affected"))) {
      JsonNode pkg = affected.get("package");
      Ecosystem eco = pkg == null ? null : Ecosystem.fromOsv(text(pkg, "ecosystem"));
      if (eco == null || text(pkg, "name").isEmpty()) {
        continue;
      }
      Severity sev = recordSeverity;
      if (sev.label.isEmpty()) {
        sev = severity(affected.get("severity"), affected.get("ecosystem_specific"));
      }
      if (sev.label.isEmpty()) {
        sev = severity(null, affected.get("database_specific"));
      }
      List<OsvEntry.Range> ranges = new ArrayList<>();
      for (JsonNode r : iterable(affected.get("ranges"))) {
        String type = text(r, "type");
        if (!type.equals("SEMVER") && !type.equals("ECOSYSTEM")) {
          continue; // GIT ranges name commits, which lockfiles rarely pin
        }
        List<OsvEntry.Event> events = new ArrayList<>();
        for (JsonNode e : iterable(r.get("events"))) {
          for (String kind : new String[] {"introduced", "fixed", "last_affected", "limit"}) {
            if (e.has(kind)) {
              events.add(new OsvEntry.Event(kind, e.get(kind).asText()));
            }
          }
        }
        ranges.add(new OsvEntry.Range(type, events));
      }
      List<String> versions = new ArrayList<>();
      for (JsonNode v : iterable(affected.get("versions"))) {
        versions.add(v.asText());
      }
      OsvEntry entry = new OsvEntry(id, aliases, summary, sev.label, sev.score, sev.vector, ranges, versions, text(record, "modified"));
      out.add(new Affected(eco, key(eco, text(pkg, "name")), entry));
    }
    return out;
  }

  private record Severity(String label, double score, String vector) {}

  /** The highest CVSS base score among the vectors (computed, not read), else the database's label. */
  private static Severity severity(JsonNode severities, JsonNode specific) {
    Severity best = new Severity("", -1, "");
    for (JsonNode s : iterable(severities)) {
      String type = text(s, "type");
      String vector = text(s, "score");
      if (!type.startsWith("CVSS_")) {
        continue;
      }
      try {
        Cvss cvss = Cvss.fromVector(vector);
        if (cvss == null) {
          continue;
        }
        double score = cvss.calculateScore().getBaseScore();
        if (score > best.score) {
          best = new Severity(label(score), score, vector);
        }
      } catch (RuntimeException e) {
        // a malformed vector says nothing; the label below may still
      }
    }
    if (best.score >= 0) {
      return best;
    }
    String word = text(specific, "severity").toLowerCase(Locale.ROOT);
    return switch (word) {
      case "critical", "high", "medium", "low" -> new Severity(word, -1, "");
      case "moderate" -> new Severity("medium", -1, "");
      default -> best;
    };
  }

  /** CVSS qualitative rating. */
  static String label(double score) {
    if (score >= 9.0) {
      return "critical";
    }
    if (score >= 7.0) {
      return "high";
    }
    if (score >= 4.0) {
      return "medium";
    }
    return score > 0 ? "low" : "none";
  }

  /** One index line (without the newline). */
  static String toLine(String key, OsvEntry e) {
    ObjectNode o = JSON.createObjectNode();
    o.put("p", key);
    o.put("id", e.id());
    ArrayNode aliases = o.putArray("a");
    e.aliases().forEach(aliases::add);
    o.put("s", e.summary());
    o.put("sev", e.severity());
    o.put("score", e.score());
    o.put("vec", e.vector());
    ArrayNode ranges = o.putArray("r");
    for (OsvEntry.Range r : e.ranges()) {
      ObjectNode rn = ranges.addObject();
      rn.put("t", r.type());
      ArrayNode ev = rn.putArray("e");
      for (OsvEntry.Event x : r.events()) {
        ev.addArray().add(x.kind()).add(x.version());
      }
    }
    ArrayNode versions = o.putArray("v");
    e.versions().forEach(versions::add);
    o.put("m", e.modified());
    try {
      return JSON.writeValueAsString(o);
    } catch (IOException ex) {
      throw new IllegalStateException(ex);
    }
  }

  static OsvEntry fromLine(String line) throws IOException {
    JsonNode o = JSON.readTree(line);
    List<String> aliases = new ArrayList<>();
    iterable(o.get("a")).forEach(a -> aliases.add(a.asText()));
    List<OsvEntry.Range> ranges = new ArrayList<>();
    for (JsonNode r : iterable(o.get("r"))) {
      List<OsvEntry.Event> events = new ArrayList<>();
      for (JsonNode x : iterable(r.get("e"))) {
        events.add(new OsvEntry.Event(x.get(0).asText(), x.get(1).asText()));
      }
      ranges.add(new OsvEntry.Range(text(r, "t"), events));
    }
    List<String> versions = new ArrayList<>();
    iterable(o.get("v")).forEach(v -> versions.add(v.asText()));
    return new OsvEntry(text(o, "id"), aliases, text(o, "s"), text(o, "sev"), o.path("score").asDouble(-1), text(o, "vec"), ranges, versions, text(o, "m"));
  }

  static String text(JsonNode n, String field) {
    JsonNode v = n == null ? null : n.get(field);
    return v == null || v.isNull() || !v.isValueNode() ? "" : v.asText();
  }

  private static Iterable<JsonNode> iterable(JsonNode n) {
    return n instanceof ArrayNode a ? a : List.of();
  }
}
