package dev.shipgate.sbom;

/**
 * One hash of a package's artifact.
 *
 * @param algorithm {@code SHA-1}, {@code SHA-256}, {@code SHA-384} or {@code SHA-512} (CycloneDX spelling)
 * @param hex lower-case hexadecimal value
 */
public record Digest(String algorithm, String hex) implements Comparable<Digest> {

  @Override
  public int compareTo(Digest o) {
    int c = algorithm.compareTo(o.algorithm);
    return c != 0 ? c : hex.compareTo(o.hex);
  }
}
