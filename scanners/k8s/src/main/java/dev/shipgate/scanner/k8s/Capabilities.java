package dev.shipgate.scanner.k8s;

import java.util.Locale;

/** Linux capability names as Kubernetes accepts them: case-insensitive, with or without {@code CAP_}. */
public final class Capabilities {

  private Capabilities() {}

  public static String normalise(String name) {
    String upper = name.trim().toUpperCase(Locale.ROOT);
    return upper.startsWith("CAP_") ? upper.substring(4) : upper;
  }
}
