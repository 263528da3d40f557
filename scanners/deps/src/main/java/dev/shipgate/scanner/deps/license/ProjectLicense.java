package dev.shipgate.scanner.deps.license;

import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The licence the project itself declares, from the first of: the policy's {@code licenses.project}, the root
 * {@code package.json}, {@code Cargo.toml}, {@code pyproject.toml}, {@code pom.xml}, and the root LICENSE/COPYING
 * file's own SPDX tag or recognisable opening text.
 */
public final class ProjectLicense {

  /** The licence and where it was found. */
  public record Declared(SpdxExpression expression, String source) {}

  static final java.util.List<String> LICENSE_FILES = java.util.List.of("LICENSE", "LICENSE.txt", "LICENSE.md", "LICENCE",
      "LICENCE.txt", "LICENCE.md", "COPYING", "COPYING.txt", "LICENSE-APACHE", "LICENSE-MIT");

  private static final Pattern PACKAGE_JSON = Pattern.compile("\"license\"\\s*:\\s*\"([^\"]+)\"");
  private static final Pattern TOML = Pattern.compile("(?m)^\\s*license\\s*=\\s*(?:\"([^\"]+)\"|\\{\\s*text\\s*=\\s*\"([^\"]+)\")");
  private static final Pattern POM = Pattern.compile("(?s)<licenses>\\s*<license>\\s*(?:<!--.*?-->\\s*)?<name>([^<]+)</name>(?:\\s*<url>([^<]+)</url>)?");

  private ProjectLicense() {}

  /** True for the root files this class reads, so the scanner asks the engine for them. */
  public static boolean reads(String path) {
    return LICENSE_FILES.contains(path) || path.equals("Cargo.toml");
  }

  /** @param root a root file's text by repository path, or null when absent */
  public static Optional<Declared> detect(SpdxExpression configured, Function<String, String> root) {
    if (configured != null) {
      return Optional.of(new Declared(configured, "scanners.deps.licenses.project"));
    }
    Optional<Declared> d = first(root.apply("package.json"), PACKAGE_JSON, "package.json");
    if (d.isEmpty()) {
      d = first(root.apply("Cargo.toml"), TOML, "Cargo.toml");
    }
    if (d.isEmpty()) {
      d = first(root.apply("pyproject.toml"), TOML, "pyproject.toml");
    }
    if (d.isEmpty() && root.apply("pom.xml") != null) {
      Matcher m = POM.matcher(root.apply("pom.xml"));
      if (m.find()) {
        d = LicenseNames.spdx(m.group(1), m.group(2)).flatMap(s -> parsed(s, "pom.xml"));
      }
    }
    for (String f : LICENSE_FILES) {
      if (d.isEmpty() && root.apply(f) != null) {
        d = fromText(root.apply(f)).flatMap(s -> parsed(s, f));
      }
    }
    return d;
  }

  private static Optional<Declared> first(String text, Pattern p, String source) {
    if (text == null) {
      return Optional.empty();
    }
    Matcher m = p.matcher(text);
    if (!m.find()) {
      return Optional.empty();
    }
    String value = m.group(1) != null ? m.group(1) : m.group(2);
    return parsed(value, source).or(() -> LicenseNames.spdx(value, null).flatMap(s -> parsed(s, source)));
  }

  private static Optional<Declared> parsed(String expression, String source) {
    if (expression.equals("UNLICENSED")) {
      // npm's word for "not licensed to anyone": proprietary.
      return parsed("LicenseRef-UNLICENSED", source);
    }
    try {
      return Optional.of(new Declared(SpdxExpression.parse(expression), source));
    } catch (SpdxExpression.ParseException e) {
      return Optional.empty();
    }
  }

  /** The licence a LICENSE file's opening text names, for the licences whose texts are unmistakable. */
  static Optional<String> fromText(String text) {
    Optional<SourceHeaders.Header> tag = SourceHeaders.find(text);
    if (tag.isPresent()) {
      return Optional.of(tag.get().expression());
    }
    String head = text.substring(0, Math.min(text.length(), 3000)).toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    if (head.contains("apache license") && head.contains("version 2.0")) {
      return Optional.of("Apache-2.0");
    }
    if (head.contains("gnu affero general public license") && head.contains("version 3")) {
      return Optional.of("AGPL-3.0-only");
    }
    if (head.contains("gnu lesser general public license")) {
      return head.contains("version 3") ? Optional.of("LGPL-3.0-only")
          : head.contains("version 2.1") ? Optional.of("LGPL-2.1-only") : Optional.empty();
    }
    if (head.contains("gnu general public license")) {
      return head.contains("version 3") ? Optional.of("GPL-3.0-only")
          : head.contains("version 2") ? Optional.of("GPL-2.0-only") : Optional.empty();
    }
    if (head.contains("mozilla public license version 2.0")) {
      return Optional.of("MPL-2.0");
    }
    if (head.contains("permission is hereby granted, free of charge")) {
      return Optional.of("MIT");
    }
    if (head.contains("redistribution and use in source and binary forms")) {
      return Optional.of(head.contains("neither the name") || head.contains("names of its contributors") ? "BSD-3-Clause" : "BSD-2-Clause");
    }
    if (head.contains("this is free and unencumbered software released into the public domain")) {
      return Optional.of("Unlicense");
    }
    if (head.contains("permission to use, copy, modify, and/or distribute this software for any purpose")) {
      return Optional.of("ISC");
    }
    return Optional.empty();
  }
}
