package dev.shipgate.scanner.deps.extract;

import dev.shipgate.scanner.deps.license.LicenseNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The licence in an installed distribution's {@code METADATA} (core metadata, RFC 822 style): PEP 639's
 * {@code License-Expression}, else a {@code License} field that is an SPDX expression or a known name, else
 * {@code License ::} classifiers that name a versioned licence (several are alternatives).
 */
final class PythonMetadata {

  record Entry(String name, String version, String license) {}

  private PythonMetadata() {}

  static Optional<Entry> read(String text) {
    String name = "";
    String version = "";
    String expression = "";
    String license = "";
    List<String> classifiers = new ArrayList<>();
    for (String line : text.split("\r?\n")) {
      if (line.isEmpty()) {
        break; // the headers end at the first blank line; the description follows
      }
      int colon = line.indexOf(':');
      if (colon <= 0 || Character.isWhitespace(line.charAt(0))) {
        continue; // continuation lines of a folded field
      }
      String field = line.substring(0, colon);
      String value = line.substring(colon + 1).strip();
      switch (field) {
        case "Name" -> name = value;
        case "Version" -> version = value;
        case "License-Expression" -> expression = value;
        case "License" -> license = value;
        case "Classifier" -> {
          if (value.startsWith("License ::")) {
            classifiers.add(value.substring(value.lastIndexOf("::") + 2).strip());
          }
        }
        default -> { }
      }
    }
    if (name.isEmpty() || version.isEmpty()) {
      return Optional.empty();
    }
    Optional<String> spdx = !expression.isEmpty() ? Optional.of(expression) : LicenseNames.spdx(license, null);
    if (spdx.isEmpty()) {
      List<String> mapped = new ArrayList<>();
      for (String c : classifiers) {
        LicenseNames.spdx(c, null).ifPresent(mapped::add);
      }
      if (!mapped.isEmpty() && mapped.size() == classifiers.size()) {
        spdx = Optional.of(String.join(" OR ", mapped));
      }
    }
    String n = name;
    String v = version;
    return spdx.map(s -> new Entry(n, v, s));
  }
}
