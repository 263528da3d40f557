package dev.shipgate.scanner.deps.version;

import java.util.Comparator;

/**
 * An ecosystem's version order. {@link #compare} is a total order over all strings: versions the scheme
 * cannot parse sort below every valid one and among themselves by text, so ranges never throw.
 */
public interface VersionScheme extends Comparator<String> {

  /**
   * Longer strings are not versions in any scheme but Maven's (npm's own limit; real versions are far shorter): this
   * keeps the parsers' regular expressions from running quadratic or out of stack on a hostile lockfile.
   */
  int MAX_LENGTH = 256;

  /** Scheme name for messages ({@code maven}, {@code semver}, {@code pep440}, ...). */
  String name();

  /** Whether {@code version} is a version of this scheme. */
  boolean isValid(String version);

  /**
   * The form two versions share exactly when they compare equal (e.g. {@code 1.0} and {@code 1.0.0} in PEP
   * 440); used by tests to check that the order is consistent with equality.
   */
  String canonical(String version);
}
