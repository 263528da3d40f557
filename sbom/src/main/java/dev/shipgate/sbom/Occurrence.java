package dev.shipgate.sbom;

/**
 * Where a package was declared.
 *
 * @param path repository-relative path of the manifest or lockfile
 * @param line 1-based line, 0 when the format gives none
 */
public record Occurrence(String path, int line) implements Comparable<Occurrence> {

  @Override
  public int compareTo(Occurrence o) {
    int c = path.compareTo(o.path);
    return c != 0 ? c : Integer.compare(line, o.line);
  }

  @Override
  public String toString() {
    return line > 0 ? path + ":" + line : path;
  }
}
