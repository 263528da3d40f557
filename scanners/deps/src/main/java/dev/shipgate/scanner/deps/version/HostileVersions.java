package dev.shipgate.scanner.deps.version;

import java.util.Optional;

/**
 * Versions no registry publishes, refused where a scanned file states them: longer than {@link VersionScheme#MAX_LENGTH}
 * (real ones are far shorter; parsers run out of stack or time on them), or with decimal digits outside ASCII, which
 * Maven's own {@code ComparableVersion} and the resolver read as ASCII digits ({@code ١.٢.٣} equals {@code 1.2.3}) while
 * every other ecosystem rejects them, so such a version would be matched as a version it is not.
 */
public final class HostileVersions {

  /** How much of a refused version a message shows. */
  private static final int SHOWN = 40;

  private HostileVersions() {}

  /** Why {@code version} is refused, or empty when it is an ordinary string (valid or not in its scheme). */
  public static Optional<String> refusal(String version) {
    if (version.length() > VersionScheme.MAX_LENGTH) {
      return Optional.of("version of " + version.length() + " characters (\"" + shown(version) + "\"): versions over "
          + VersionScheme.MAX_LENGTH + " characters are refused");
    }
    for (int i = 0; i < version.length(); ) {
      int c = version.codePointAt(i);
      if (c > 0x7F && Character.isDigit(c)) {
        return Optional.of("version \"" + shown(version) + "\" has the non-ASCII digit U+" + String.format("%04X", c)
            + " (" + Character.getName(c) + "): Maven reads such digits as ASCII ones, other ecosystems reject them, and no registry "
            + "publishes such a version");
      }
      if (Character.isISOControl(c)) {
        return Optional.of("version \"" + shown(version) + "\" has the control character U+" + String.format("%04X", c));
      }
      i += Character.charCount(c);
    }
    return Optional.empty();
  }

  /** The start of the version with control characters escaped, so a message never carries them or a huge string. */
  private static String shown(String version) {
    StringBuilder sb = new StringBuilder();
    int i = 0;
    while (i < version.length() && sb.length() < SHOWN) {
      int c = version.codePointAt(i);
      sb.append(Character.isISOControl(c) ? String.format("\\u%04X", c) : Character.toString(c));
      i += Character.charCount(c);
    }
    return i < version.length() ? sb + "…" : sb.toString();
  }
}
