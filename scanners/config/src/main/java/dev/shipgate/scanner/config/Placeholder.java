package dev.shipgate.scanner.config;

/**
 * A value that is one {@code ${...}} placeholder comes from the environment at run time, so the file does not
 * decide it; with a default ({@code ${APP_DEBUG:true}}) the default applies whenever the variable is unset.
 *
 * @param fromEnvironment the whole value was a placeholder
 * @param value the literal value the file decides: the value itself, the placeholder's default, or null when
 *     a placeholder has no default
 */
public record Placeholder(boolean fromEnvironment, String value) {

  private static final int MAX_NESTING = 8;

  public static Placeholder resolve(String raw) {
    String v = raw.trim();
    boolean placeholder = false;
    for (int depth = 0; depth < MAX_NESTING && isWholePlaceholder(v); depth++) {
      placeholder = true;
      String inner = v.substring(2, v.length() - 1);
      int colon = topLevelColon(inner);
      if (colon < 0) {
        return new Placeholder(true, null);
      }
      v = inner.substring(colon + 1).trim();
    }
    if (isWholePlaceholder(v)) {
      return new Placeholder(true, null);
    }
    return new Placeholder(placeholder, v);
  }

  /** True when the value is literal or the placeholder has a default. */
  public boolean decided() {
    return value != null;
  }

  /** True when the value is a placeholder's default rather than a literal. */
  public boolean isDefault() {
    return fromEnvironment && value != null;
  }

  private static boolean isWholePlaceholder(String v) {
    if (!v.startsWith("${") || !v.endsWith("}")) {
      return false;
    }
    // The opening brace must close at the very end, so "${A}x${B}" is a literal with two placeholders.
    int depth = 0;
    for (int i = 1; i < v.length(); i++) {
      char c = v.charAt(i);
      if (c == '{') {
        depth++;
      } else if (c == '}') {
        depth--;
        if (depth == 0 && i != v.length() - 1) {
          return false;
        }
      }
    }
    return depth == 0;
  }

  private static int topLevelColon(String inner) {
    int depth = 0;
    for (int i = 0; i < inner.length(); i++) {
      char c = inner.charAt(i);
      if (c == '{') {
        depth++;
      } else if (c == '}') {
        depth--;
      } else if (c == ':' && depth == 0) {
        return i;
      }
    }
    return -1;
  }
}
