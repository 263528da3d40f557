package dev.shipgate.scanner.deps;

/** Package ecosystems, named as OSV names them. */
public enum Ecosystem {
  NPM("npm", "npm"),
  MAVEN("Maven", "maven"),
  PYPI("PyPI", "pypi"),
  GO("Go", "golang"),
  CRATES_IO("crates.io", "cargo"),
  RUBYGEMS("RubyGems", "gem"),
  PACKAGIST("Packagist", "composer"),
  NUGET("NuGet", "nuget");

  private final String osvName;
  private final String purlType;

  Ecosystem(String osvName, String purlType) {
    this.osvName = osvName;
    this.purlType = purlType;
  }

  public String osvName() {
    return osvName;
  }

  public String purlType() {
    return purlType;
  }

  /** The ecosystem OSV calls {@code name}, or null for one we do not match (Debian, Alpine, ...). */
  public static Ecosystem fromOsv(String name) {
    for (Ecosystem e : values()) {
      if (e.osvName.equals(name)) {
        return e;
      }
    }
    return null;
  }
}
