package dev.shipgate.scanner.change;

import dev.shipgate.core.scan.SourceFile;
import dev.shipgate.git.ChangeSet;
import dev.shipgate.git.GitException;
import dev.shipgate.scanner.deps.Inventory;
import dev.shipgate.scanner.deps.InventoryDiff;
import dev.shipgate.scanner.deps.extract.Extractor;
import dev.shipgate.scanner.deps.extract.Extractors;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The dependency side of a change: every manifest and lockfile the change touches (and the lockfiles beside a changed
 * {@code package.json}, {@code pyproject.toml}, ...) read on both sides with the deps family's extractors, and compared
 * as one {@link InventoryDiff}. Both sides are read from git and the change only, never from the rest of the work
 * tree, so they are extracted alike.
 */
final class DependencyReview {

  /** The built-in tier whose owners approve dependency changes. */
  static final String TIER = "dependencies";

  /** Files that say which packages are direct but hold no versions; a change to one can change the lockfile's reading. */
  private static final List<String> DECLARATIONS = List.of("package.json", "composer.json", "pyproject.toml", "Pipfile", "go.sum");
  /** Lockfiles that may sit beside a declaration file. */
  private static final List<String> LOCKFILES = List.of("package-lock.json", "npm-shrinkwrap.json", "yarn.lock", "pnpm-lock.yaml",
      "bun.lock", "composer.lock", "poetry.lock", "uv.lock", "pdm.lock", "pylock.toml", "Pipfile.lock", "go.mod");

  /** The diff, and the dependency files that did not parse on one side (their packages are not compared). */
  record Result(InventoryDiff diff, List<String> unreadable) {}

  private DependencyReview() {}

  /** Empty when the change touches no dependency file. */
  static Optional<Result> of(ChangeSet cs) throws GitException {
    Set<String> touched = new LinkedHashSet<>(cs.changedPaths());
    touched.addAll(cs.deletedPaths());
    Set<String> files = new LinkedHashSet<>();
    for (String path : touched) {
      String dir = Extractor.directory(path);
      if (Extractors.forPath(path) != null) {
        files.add(path);
        DECLARATIONS.forEach(d -> files.add(dir + d));
      } else if (DECLARATIONS.contains(Extractor.fileName(path)) && !path.contains("node_modules/") && !path.contains("vendor/")) {
        LOCKFILES.forEach(l -> files.add(dir + l));
        files.add(path);
      }
    }
    if (files.isEmpty()) {
      return Optional.empty();
    }
    List<SourceFile> before = new ArrayList<>();
    List<SourceFile> after = new ArrayList<>();
    for (String path : files) {
      Optional<SourceFile> b = cs.before(path);
      b.ifPresent(before::add);
      if (cs.changedPaths().contains(path)) {
        cs.after(path).ifPresent(after::add);
      } else if (!cs.deletedPaths().contains(path)) {
        b.ifPresent(after::add); // untouched by the change: the same on both sides
      }
    }
    Inventory.Result was = Inventory.of(before, null);
    Inventory.Result now = Inventory.of(after, null);
    List<String> unreadable = new ArrayList<>();
    was.problems().forEach(p -> unreadable.add(p.path() + " (base)"));
    now.problems().forEach(p -> unreadable.add(p.path()));
    return Optional.of(new Result(InventoryDiff.of(was.packages(), now.packages()), unreadable));
  }

  /**
   * A new direct dependency puts the change in the dependencies tier even when its file is not in the tier's path
   * list (a format the list does not name, a manifest under another name), so its owners must approve it.
   */
  static Map<String, List<Classifier.Hit>> withNewDirect(ChangePolicy policy,
      Map<String, List<Classifier.Hit>> tiers, Optional<DependencyReview.Result> dependencies) {
    if (dependencies.isEmpty() || dependencies.get().diff().newDirect().isEmpty() || tiers.containsKey(TIER)
        || !policy.tiers().containsKey(TIER)) {
      return tiers;
    }
    List<Classifier.Hit> hits = new ArrayList<>();
    for (InventoryDiff.Change c : dependencies.get().diff().newDirect()) {
      if (hits.stream().noneMatch(h -> h.path().equals(c.manifest()))) {
        hits.add(new Classifier.Hit(c.manifest(), c.line(), "adds the direct dependency " + c));
      }
    }
    // Keep the policy's tier order, which findings follow.
    Map<String, List<Classifier.Hit>> out = new LinkedHashMap<>();
    for (String name : policy.tiers().keySet()) {
      if (name.equals(TIER)) {
        out.put(name, List.copyOf(hits));
      } else if (tiers.containsKey(name)) {
        out.put(name, tiers.get(name));
      }
    }
    return out;
  }

  /** One line for the run note and the dependencies tier's finding. */
  static String describe(Result r) {
    String s = r.diff().summary();
    return r.unreadable().isEmpty() ? s : s + " (unreadable, so not compared: " + String.join(", ", r.unreadable()) + ")";
  }
}
