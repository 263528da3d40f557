package dev.shipgate.scanner.deps;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * One dependency as a manifest or lockfile states it.
 *
 * @param version the exact version for {@link Pin#LOCKED} and {@link Pin#PINNED}, the requirement text as
 *     written for {@link Pin#RANGE}, empty for {@link Pin#NONE}
 * @param purl package URL, or empty when the name cannot form one
 * @param manifest repository-relative path of the file that declared it
 * @param line 1-based line of the declaration in {@code manifest}, 0 when the format has none
 * @param resolved where the lockfile says the artifact comes from (tarball URL, git URL, path), or empty
 * @param integrity the lockfile's hash(es) of the artifact, or empty
 * @param license the package's licence as an SPDX expression, as the lockfile or local metadata states it (not
 *     validated here: {@code license.SpdxExpression} parses it), or empty when nothing says
 * @param installScripts whether the lockfile says installing the package runs its own code (npm
 *     {@code hasInstallScript}, pnpm {@code requiresBuild}); false where the format does not say
 * @param dependsOn the PURLs of the packages of the same manifest this one depends on, as the lockfile's dependency
 *     graph (or Maven's resolution) records them, sorted and distinct; empty when the format has no graph or the
 *     package needs nothing
 * @param possibleSources every location the artifact may have come from when the lockfile cannot say which one served
 *     it (a Bundler 1.x {@code GEM} section with several {@code remote:} lines), in file order, with {@code resolved}
 *     empty; otherwise empty and {@code resolved} is the one location
 */
public record Package(
    Ecosystem ecosystem,
    String name,
    String version,
    Pin pin,
    String purl,
    boolean direct,
    Scope scope,
    Source source,
    String manifest,
    int line,
    String resolved,
    String integrity,
    String license,
    boolean installScripts,
    List<String> dependsOn,
    List<String> possibleSources) {

  /** How exactly the version is known. */
  public enum Pin {
    /** Resolved by a lockfile: the version that is installed. */
    LOCKED,
    /** One exact version in a manifest; resolution may still pick another (Maven mediation). */
    PINNED,
    /** A range or other requirement: the installed version is not known. */
    RANGE,
    /** No version at all. */
    NONE
  }

  /** Why the package is needed. */
  public enum Scope {
    RUNTIME,
    DEV,
    TEST,
    OPTIONAL,
    /**
     * Needed to compile, supplied at runtime by the environment (Maven's {@code provided}: a servlet container, an
     * application server), so not shipped in the artifact; osv-scanner and Trivy do not count it as runtime either.
     */
    PROVIDED
  }

  /** Where the artifact is fetched from. */
  public enum Source {
    REGISTRY,
    GIT,
    URL,
    FILE
  }

  public Package {
    Objects.requireNonNull(ecosystem, "ecosystem");
    Objects.requireNonNull(name, "name");
    version = version == null ? "" : version;
    Objects.requireNonNull(pin, "pin");
    purl = purl == null ? "" : purl;
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(manifest, "manifest");
    resolved = resolved == null ? "" : resolved;
    integrity = integrity == null ? "" : integrity;
    license = license == null ? "" : license.strip();
    dependsOn = dependsOn == null ? List.of() : List.copyOf(new TreeSet<>(dependsOn));
    possibleSources = possibleSources == null ? List.of() : List.copyOf(possibleSources);
  }

  /** The same package declared elsewhere as transitive (pip-compile's {@code # via} annotations). */
  public Package asTransitive() {
    return new Package(ecosystem, name, version, pin, purl, false, scope, source, manifest, line, resolved, integrity, license, installScripts,
        dependsOn, possibleSources);
  }

  /** The same package with a licence found in metadata outside the lockfile (a local repository POM, a virtualenv). */
  public Package withLicense(String value) {
    return new Package(ecosystem, name, version, pin, purl, direct, scope, source, manifest, line, resolved, integrity, value, installScripts,
        dependsOn, possibleSources);
  }

  /** The same package in another scope (a transitive package that only development dependencies pull in). */
  public Package withScope(Scope value) {
    return new Package(ecosystem, name, version, pin, purl, direct, value, source, manifest, line, resolved, integrity, license, installScripts,
        dependsOn, possibleSources);
  }

  /** The same package with the PURLs of the packages it depends on (replacing any it had). */
  public Package withDependencies(Collection<String> purls) {
    return new Package(ecosystem, name, version, pin, purl, direct, scope, source, manifest, line, resolved, integrity, license, installScripts,
        List.copyOf(purls), possibleSources);
  }

  /** The PURL a package of this ecosystem, name and exact version has ("" when the name cannot form one). */
  public static String purlOf(Ecosystem ecosystem, String name, String version) {
    return Purls.of(ecosystem, name, version);
  }

  public static Builder builder(Ecosystem ecosystem, String name, String manifest) {
    return new Builder(ecosystem, name, manifest);
  }

  /** Assembles a package; the PURL is derived from ecosystem, name and an exact version. */
  public static final class Builder {
    private final Ecosystem ecosystem;
    private final String name;
    private final String manifest;
    private String version = "";
    private Pin pin = Pin.NONE;
    private boolean direct;
    private Scope scope = Scope.RUNTIME;
    private Source source = Source.REGISTRY;
    private int line;
    private String resolved = "";
    private String integrity = "";
    private String license = "";
    private boolean installScripts;
    private List<String> possibleSources = List.of();

    private Builder(Ecosystem ecosystem, String name, String manifest) {
      this.ecosystem = ecosystem;
      this.name = name;
      this.manifest = manifest;
    }

    public Builder locked(String value) {
      return version(value, Pin.LOCKED);
    }

    public Builder version(String value, Pin kind) {
      this.version = value == null ? "" : value;
      this.pin = this.version.isEmpty() ? Pin.NONE : kind;
      // NONE may keep text that says why the version is unknown (an unresolved ${property}).
      return this;
    }

    public Builder direct(boolean value) {
      this.direct = value;
      return this;
    }

    public Builder scope(Scope value) {
      this.scope = value;
      return this;
    }

    public Builder source(Source value) {
      this.source = value;
      return this;
    }

    public Builder line(int value) {
      this.line = value;
      return this;
    }

    public Builder resolved(String value) {
      this.resolved = value;
      return this;
    }

    public Builder integrity(String value) {
      this.integrity = value;
      return this;
    }

    public Builder license(String value) {
      this.license = value;
      return this;
    }

    public Builder installScripts(boolean value) {
      this.installScripts = value;
      return this;
    }

    /** Several locations, none known to be the one (see {@link Package#possibleSources}); clears {@code resolved}. */
    public Builder possibleSources(List<String> value) {
      this.possibleSources = value;
      this.resolved = "";
      return this;
    }

    public Package build() {
      boolean exact = pin == Pin.LOCKED || pin == Pin.PINNED;
      String purl = Purls.of(ecosystem, name, exact ? version : "");
      return new Package(ecosystem, name, version, pin, purl, direct, scope, source, manifest, line, resolved, integrity, license,
          installScripts, List.of(), possibleSources);
    }
  }
}
