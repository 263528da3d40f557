package dev.shipgate.scanner.deps.version;

import dev.shipgate.scanner.deps.Ecosystem;

/** The version order of each ecosystem. */
public final class VersionSchemes {

  public static final VersionScheme MAVEN = new MavenVersion();
  public static final VersionScheme NPM = new Semver("npm-semver", Semver.Dialect.NPM);
  public static final VersionScheme GO = new Semver("go-semver", Semver.Dialect.GO);
  public static final VersionScheme CARGO = new Semver("cargo-semver", Semver.Dialect.CARGO);
  public static final VersionScheme SEMVER = new Semver("semver", Semver.Dialect.LENIENT);
  public static final VersionScheme PYPI = new Pep440();
  public static final VersionScheme RUBYGEMS = new RubyGemsVersion();
  public static final VersionScheme COMPOSER = new ComposerVersion();
  public static final VersionScheme NUGET = new NuGetVersion();

  private VersionSchemes() {}

  public static VersionScheme of(Ecosystem ecosystem) {
    return switch (ecosystem) {
      case MAVEN -> MAVEN;
      case NPM -> NPM;
      case GO -> GO;
      case CRATES_IO -> CARGO;
      case PYPI -> PYPI;
      case RUBYGEMS -> RUBYGEMS;
      case PACKAGIST -> COMPOSER;
      case NUGET -> NUGET;
    };
  }
}
