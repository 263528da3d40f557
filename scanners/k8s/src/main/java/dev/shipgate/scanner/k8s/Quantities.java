package dev.shipgate.scanner.k8s;

import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Kubernetes resource quantities ({@code 500m}, {@code 1.5}, {@code 128Mi}, {@code 1e3}) as numbers, to compare them. */
final class Quantities {

  private static final Pattern QUANTITY = Pattern.compile("([+]?[0-9]+(?:\\.[0-9]*)?|[+]?\\.[0-9]+)(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E|[eE][+-]?[0-9]+)?");

  private Quantities() {}

  static OptionalDouble parse(String text) {
    Matcher m = QUANTITY.matcher(text.trim());
    if (!m.matches()) {
      return OptionalDouble.empty();
    }
    double value = Double.parseDouble(m.group(1));
    String suffix = m.group(2);
    if (suffix == null) {
      return OptionalDouble.of(value);
    }
    double factor = switch (suffix) {
      case "n" -> 1e-9;
      case "u" -> 1e-6;
      case "m" -> 1e-3;
      case "k" -> 1e3;
      case "M" -> 1e6;
      case "G" -> 1e9;
      case "T" -> 1e12;
      case "P" -> 1e15;
      case "E" -> 1e18;
      case "Ki" -> 1024.0;
      case "Mi" -> Math.pow(1024, 2);
      case "Gi" -> Math.pow(1024, 3);
      case "Ti" -> Math.pow(1024, 4);
      case "Pi" -> Math.pow(1024, 5);
      case "Ei" -> Math.pow(1024, 6);
      default -> Math.pow(10, Integer.parseInt(suffix.substring(1)));
    };
    return OptionalDouble.of(value * factor);
  }

  static boolean valid(String text) {
    return parse(text).isPresent();
  }
}
