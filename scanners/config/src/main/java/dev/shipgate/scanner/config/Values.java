package dev.shipgate.scanner.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** How Spring converts the text of a property into booleans, enums and lists. */
public final class Values {

  private Values() {}

  /** Spring's string-to-boolean converter: {@code true}, {@code on}, {@code yes}, {@code 1}, any case. */
  public static boolean isTrue(String value) {
    return switch (value.trim().toLowerCase(Locale.ROOT)) {
      case "true", "on", "yes", "1" -> true;
      default -> false;
    };
  }

  /** Spring's string-to-boolean converter: {@code false}, {@code off}, {@code no}, {@code 0}, any case. */
  public static boolean isFalse(String value) {
    return switch (value.trim().toLowerCase(Locale.ROOT)) {
      case "false", "off", "no", "0" -> true;
      default -> false;
    };
  }

  /**
   * Spring binds enums leniently (case and punctuation ignored), so {@code ON_PARAM}, {@code on-param}
   * and {@code onParam} are one constant.
   */
  public static boolean isEnum(String value, String constant) {
    return RelaxedNames.uniformWord(value).equals(RelaxedNames.uniformWord(constant));
  }

  /** A comma-separated value as Spring binds it to a collection: trimmed, empty items dropped. */
  public static List<String> items(String value) {
    List<String> out = new ArrayList<>();
    for (String part : value.split(",", -1)) {
      String t = part.trim();
      if (!t.isEmpty()) {
        out.add(t);
      }
    }
    return out;
  }

  /**
   * True when a list item is exactly {@code *}. YAML has already removed its quotes; quotes in a
   * {@code .properties} value are literal characters, and Spring does not treat {@code "*"} as a wildcard.
   */
  public static boolean isWildcard(String item) {
    return item.trim().equals("*");
  }
}
