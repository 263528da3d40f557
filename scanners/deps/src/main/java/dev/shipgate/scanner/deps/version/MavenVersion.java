package dev.shipgate.scanner.deps.version;

import org.apache.maven.artifact.versioning.ComparableVersion;

/**
 * Maven's order, by Maven's own {@link ComparableVersion}: qualifiers {@code alpha < beta < milestone < rc
 * = cr < snapshot < "" = ga = final = release < sp}, unknown qualifiers after those, numbers above strings.
 * Every non-blank string up to {@link #MAX_LENGTH} is a valid Maven version; longer ones sort below them by text,
 * because {@code ComparableVersion} nests one list per {@code -} and overflows the stack on a hostile one.
 */
public final class MavenVersion implements VersionScheme {

  @Override
  public String name() {
    return "maven";
  }

  @Override
  public boolean isValid(String version) {
    return !version.isBlank() && version.length() <= MAX_LENGTH;
  }

  @Override
  public String canonical(String version) {
    return version.length() <= MAX_LENGTH ? new ComparableVersion(version).getCanonical() : "invalid:" + version;
  }

  @Override
  public int compare(String a, String b) {
    boolean shortA = a.length() <= MAX_LENGTH;
    boolean shortB = b.length() <= MAX_LENGTH;
    if (!shortA || !shortB) {
      return shortA == shortB ? Integer.signum(a.compareTo(b)) : (shortA ? 1 : -1);
    }
    return Integer.signum(new ComparableVersion(a).compareTo(new ComparableVersion(b)));
  }
}
