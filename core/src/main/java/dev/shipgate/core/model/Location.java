package dev.shipgate.core.model;

import java.util.Objects;

/**
 * A region of a file. Lines and columns are 1-based; a column of 0 means "whole line".
 *
 * @param path repository-relative, forward slashes, never starting with {@code /}
 */
public record Location(String path, int startLine, int startColumn, int endLine, int endColumn) {

  public Location {
    Objects.requireNonNull(path, "path");
    if (path.startsWith("/") || path.contains("\\")) {
      throw new IllegalArgumentException("location path must be repository-relative with '/': " + path);
    }
    if (startLine < 0 || (endLine < startLine && endLine != 0) || startColumn < 0 || endColumn < 0) {
      throw new IllegalArgumentException("bad region " + startLine + ":" + startColumn + "-" + endLine + ":" + endColumn);
    }
  }

  /** A whole line. */
  public static Location line(String path, int line) {
    return new Location(path, line, 0, line, 0);
  }

  /** A file as a whole (no line), e.g. for a file that failed to parse before its first line. */
  public static Location file(String path) {
    return new Location(path, 0, 0, 0, 0);
  }

  public boolean hasLine() {
    return startLine > 0;
  }

  @Override
  public String toString() {
    return hasLine() ? path + ":" + startLine + (startColumn > 0 ? ":" + startColumn : "") : path;
  }
}
