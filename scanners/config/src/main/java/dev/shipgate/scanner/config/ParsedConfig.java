package dev.shipgate.scanner.config;

import java.util.List;

/**
 * A configuration file after parsing: its documents, and problems that make Spring reject the file.
 *
 * @param problems each with the 1-based line it concerns
 */
public record ParsedConfig(List<ConfigDocument> documents, List<Problem> problems) {

  public ParsedConfig {
    documents = List.copyOf(documents);
    problems = List.copyOf(problems);
  }

  public record Problem(int line, String message) {}

  /** Every entry of every document, in file order. */
  public List<ConfigEntry> entries() {
    return documents.stream().flatMap(d -> d.entries().stream()).toList();
  }
}
