package dev.shipgate.core.gate;

import java.util.List;

/**
 * What one scanner family (or the file walk, family {@code files}) looked at: files judged, files passed
 * over with the reason, and files it failed on.
 */
public record Coverage(String family, String version, int rules, int filesScanned, List<Skipped> skipped, List<ScanError> errors, long millis) {

  public Coverage {
    skipped = List.copyOf(skipped);
    errors = List.copyOf(errors);
  }

  /** A file not judged, and why. */
  public record Skipped(String path, String reason) {}

  /** A failure: {@code path} is empty for a failure of the scanner as a whole; {@code line} 0 when unknown. */
  public record ScanError(String path, int line, String message) {
    @Override
    public String toString() {
      return (path.isEmpty() ? "" : path + (line > 0 ? ":" + line : "") + ": ") + message;
    }
  }
}
