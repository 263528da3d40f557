package dev.shipgate.report;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/** The one place that maps format names to writers. */
public final class ReportWriters {

  // Insertion-ordered so help texts that list the kinds are stable (Set.of iterates in random order).
  private static final Set<String> FILE_KINDS =
      Collections.unmodifiableSet(new LinkedHashSet<>(List.of("json", "sarif", "markdown", "junit")));
  private static final String KNOWN = "terminal, json, sarif, markdown, junit";

  private ReportWriters() {}

  /** Formats meant to be written to a file (everything except {@code terminal}). */
  public static Set<String> fileKinds() {
    return FILE_KINDS;
  }

  /**
   * The writer for {@code kind} (case-insensitive).
   *
   * @throws IllegalArgumentException naming the known kinds when {@code kind} is not one of them
   */
  public static ReportWriter forKind(String kind, ReportOptions options) {
    Objects.requireNonNull(options, "options");
    String k = kind == null ? "" : kind.trim().toLowerCase(Locale.ROOT);
    switch (k) {
      case "terminal":
        return new TerminalWriter(options);
      case "json":
        return new JsonReportWriter();
      case "sarif":
        return new SarifWriter(options);
      case "markdown":
        return new MarkdownWriter();
      case "junit":
        return new JUnitWriter();
      default:
        throw new IllegalArgumentException("unknown report format '" + kind + "'; known formats: " + KNOWN);
    }
  }
}
