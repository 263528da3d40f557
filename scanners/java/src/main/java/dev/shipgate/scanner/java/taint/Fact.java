package dev.shipgate.scanner.java.taint;

import java.util.Objects;

/**
 * One reason a value is tainted: data from a source (with its path so far), or, while computing a method
 * summary, data from one of the method's parameters or from its receiver's fields.
 *
 * @param origin {@link #SOURCE}, {@link #RECEIVER} or a parameter index
 * @param sourceKind what kind of source: {@code remote} (request data) or {@code random} (weak randomness)
 * @param sanitized bit set of taint rules this value was sanitized for (see {@link Models#ruleBit})
 * @param path steps from the origin to here; for parameter facts, from the method entry
 */
public record Fact(int origin, String sourceKind, long sanitized, Step path) {

  public static final int SOURCE = -1;
  public static final int RECEIVER = 1000;

  public boolean isSource() {
    return origin == SOURCE;
  }

  Fact withPath(Step p) {
    return new Fact(origin, sourceKind, sanitized, p);
  }

  Fact sanitize(long bits) {
    return new Fact(origin, sourceKind, sanitized | bits, path);
  }

  /** Identity for de-duplication: origin, kind, sanitization and where the source was. */
  String key() {
    return origin + "|" + sourceKind + "|" + sanitized + "|" + (origin == SOURCE ? Objects.toString(path.first().location()) : "");
  }
}
