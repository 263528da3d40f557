package dev.shipgate.sbom;

import dev.shipgate.scanner.deps.Ecosystem;
import dev.shipgate.scanner.deps.Package;

/** Inventory entries for tests, built the way the extractors build them. */
final class Packages {

  private Packages() {}

  static Package.Builder locked(Ecosystem ecosystem, String name, String version, String manifest, int line) {
    return Package.builder(ecosystem, name, manifest).locked(version).line(line);
  }

  static Package npm(String name, String version, String manifest, int line) {
    return locked(Ecosystem.NPM, name, version, manifest, line).direct(true).build();
  }
}
