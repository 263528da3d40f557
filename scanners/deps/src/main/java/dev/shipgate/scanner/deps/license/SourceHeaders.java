package dev.shipgate.scanner.deps.license;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The {@code SPDX-License-Identifier:} line of a source file's header. */
public final class SourceHeaders {

  /** Headers sit at the top: lines further down are not read (a string that mentions the tag is not a header). */
  static final int HEADER_LINES = 30;

  /** The tag as the first thing in a comment line, so code and strings that mention it are not headers. */
  private static final Pattern TAG = Pattern.compile("^\\s*(?://+|#+|/\\*+|\\*|<!--|--|;+|%+|\"\"\"|\\(\\*)?\\s*SPDX-License-Identifier:\\s*(.+)");

  /** A header licence and its 1-based line. */
  public record Header(int line, String expression) {}

  private static final java.util.Set<String> SOURCE = java.util.Set.of("java", "kt", "kts", "scala", "groovy", "js", "mjs",
      "cjs", "jsx", "ts", "tsx", "vue", "svelte", "py", "go", "rs", "c", "h", "cc", "cpp", "cxx", "hpp", "cs", "rb", "php",
      "swift", "m", "sh", "bash");

  private SourceHeaders() {}

  /** Source files whose header is read; installed third-party trees are someone else's code. */
  public static boolean applies(String path) {
    int dot = path.lastIndexOf('.');
    return dot > path.lastIndexOf('/') && SOURCE.contains(path.substring(dot + 1).toLowerCase(java.util.Locale.ROOT))
        && !path.contains("node_modules/") && !path.startsWith("vendor/") && !path.contains("/vendor/")
        && !path.contains("site-packages/");
  }

  public static Optional<Header> find(String text) {
    int line = 1;
    int start = 0;
    while (line <= HEADER_LINES && start < text.length()) {
      int end = text.indexOf('\n', start);
      String l = text.substring(start, end < 0 ? text.length() : end);
      Matcher m = TAG.matcher(l);
      if (m.find()) {
        // Comment closers after the expression: "*/", "-->", "#}" and the like.
        String expr = m.group(1).replaceAll("\\s*(\\*/|-->|--%>|#}|%>)\\s*$", "").strip();
        return Optional.of(new Header(line, expr));
      }
      if (end < 0) {
        break;
      }
      start = end + 1;
      line++;
    }
    return Optional.empty();
  }
}
