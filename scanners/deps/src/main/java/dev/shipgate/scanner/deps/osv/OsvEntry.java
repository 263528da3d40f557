package dev.shipgate.scanner.deps.osv;

import java.util.List;

/**
 * What the index keeps of one OSV record for one affected package: enough to match a version and write a
 * finding, nothing more. Severity is computed at import time so a scan never parses CVSS vectors.
 *
 * @param severity {@code critical|high|medium|low|none}, or empty when the record states none
 * @param score CVSS base score, or -1 when the severity came from a label or is unknown
 * @param vector the CVSS vector the score was computed from, or empty
 * @param ranges {@code SEMVER} and {@code ECOSYSTEM} ranges ({@code GIT} ranges are dropped at import)
 * @param versions the record's explicit list of affected versions
 */
public record OsvEntry(
    String id,
    List<String> aliases,
    String summary,
    String severity,
    double score,
    String vector,
    List<Range> ranges,
    List<String> versions,
    String modified) {

  public OsvEntry {
    aliases = List.copyOf(aliases);
    ranges = List.copyOf(ranges);
    versions = List.copyOf(versions);
    summary = summary == null ? "" : summary;
    severity = severity == null ? "" : severity;
    vector = vector == null ? "" : vector;
    modified = modified == null ? "" : modified;
  }

  /** One range: its type and its events in file order. */
  public record Range(String type, List<Event> events) {
    public Range {
      events = List.copyOf(events);
    }
  }

  /** {@code introduced}, {@code fixed}, {@code last_affected} or {@code limit}, with its version. */
  public record Event(String kind, String version) {}
}
