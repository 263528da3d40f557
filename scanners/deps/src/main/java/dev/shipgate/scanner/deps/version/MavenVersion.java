package dev.shipgate.scanner.deps.version;

import org.apache.maven.artifact.versioning.ComparableVersion;

/**
 * Maven's order, by Maven's own {@link ComparableVersion}: qualifiers {@code alpha < beta < milestone < rc
 * = cr < snapshot < "" = ga = final = release < sp}, unknown qualifiers after those, numbers above strings.
 * Every string is a valid Maven version.
 */
public final class MavenVersion implements VersionScheme {

  @Override
  public String name() {
    return "maven";
  }

  @Override
  public boolean isValid(String version) {
    return !version.isBlank();
  }

  @Override
  public String canonical(String version) {
    return new ComparableVersion(version).getCanonical();
  }

  @Override
  public int compare(String a, String b) {
    return Integer.signum(new ComparableVersion(a).compareTo(new ComparableVersion(b)));
  }
}
