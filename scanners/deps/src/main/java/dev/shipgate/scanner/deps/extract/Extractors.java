package dev.shipgate.scanner.deps.extract;

import java.util.List;

/** Every extractor, in one list: adding a format is one class, its test data and one line here. */
public final class Extractors {

  public static final List<Extractor> ALL = List.of(
      new NpmLockExtractor(),
      new YarnLockExtractor(),
      new PnpmLockExtractor(),
      new BunLockExtractor(),
      new PomExtractor(),
      new GradleLockExtractor(),
      new GradleCatalogExtractor(),
      new RequirementsExtractor(),
      new PoetryLockExtractor(),
      new PipfileLockExtractor(),
      new UvLockExtractor(),
      new PdmLockExtractor(),
      new PylockExtractor(),
      new GoModExtractor(),
      new CargoLockExtractor(),
      new GemfileLockExtractor(),
      new ComposerLockExtractor(),
      new NuGetLockExtractor());

  private Extractors() {}

  /** Installed third-party trees: their manifests describe someone else's build, not this repository's. */
  private static final String[] INSTALLED = {"node_modules/", "bower_components/", "site-packages/", "dist-packages/", ".git/"};

  /** The extractor for {@code path}, or null when no format matches. */
  public static Extractor forPath(String path) {
    for (String dir : INSTALLED) {
      if (path.startsWith(dir) || path.contains("/" + dir)) {
        return null;
      }
    }
    for (Extractor e : ALL) {
      if (e.accepts(path)) {
        return e;
      }
    }
    return null;
  }
}
