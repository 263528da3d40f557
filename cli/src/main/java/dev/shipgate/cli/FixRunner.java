package dev.shipgate.cli;

import dev.shipgate.core.fix.FixApplier;
import dev.shipgate.core.gate.Coverage;
import dev.shipgate.core.model.Finding;
import dev.shipgate.core.model.Fix;
import dev.shipgate.core.model.FindingStatus;
import dev.shipgate.core.scan.ScanEngine;
import dev.shipgate.core.scan.Scanner;
import dev.shipgate.core.scan.SourceFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@code shipgate fix}: scans, applies the mechanical fixes of open findings in memory, and proves them by
 * scanning the patched tree again. A fix is accepted only if its finding is gone and no file it touched
 * gains a finding, a parse error, or a rule it did not have; everything else is refused with the reason.
 */
final class FixRunner {

  /** What a run decided: the fixes that passed, the refused ones with why, and the files before and after. */
  record Outcome(List<Finding> accepted, Map<Finding, String> refused, Map<String, String> originals, Map<String, String> patched,
      Path top) {

    Path onDisk(String repoPath) {
      return top.resolve(repoPath);
    }
  }

  /** At most this many single-fix re-scans when fixes of one file fail together. */
  private static final int MAX_SINGLE_CHECKS = 25;

  private final ScanRunner runner;
  private final Scanners.Registry registry;
  private Verifier lastVerifier;
  private Function<String, String> lastTexts;

  FixRunner(ScanRunner runner, Scanners.Registry registry) {
    this.runner = runner;
    this.registry = registry;
  }

  /** The open findings of the tree that have fixes, limited to {@code rules} when not empty, all verified. */
  Outcome run(ScanOptions o, Set<String> rules) throws UsageException {
    ScanRunner.Workspace ws = runner.workspace(o);
    List<Scanner> scanners = runner.selected(o, ws.policy());
    Set<String> ruleIds = registry.ruleIds();
    for (String r : rules) {
      if (!ruleIds.contains(r)) {
        throw new UsageException("unknown rule '" + r + "' in --only (list them with 'shipgate rules')");
      }
    }
    ScanEngine engine = new ScanEngine(scanners, ruleIds, ws.policy(), ws.root(), o.threads, Map.of(), null);
    List<Coverage.Skipped> walkSkips = new ArrayList<>();
    ScanEngine.Result scanned;
    try {
      scanned = ScanRunner.scanTree(ws, engine, walkSkips);
    } catch (IOException e) {
      throw new UsageException("cannot walk " + ws.root() + ": " + e.getMessage());
    }
    List<Finding> judged = runner.judge(ws, ruleIds, scanned.findings(), ScanRunner.mergeWalkSkips(scanned.coverage(), walkSkips),
        null, new HashMap<>(), runner.signedWaivers(ws, null)).findings();
    Path top = (ws.gitTop() != null ? ws.gitTop() : ws.root()).toAbsolutePath().normalize();
    ws.repository().close();

    Map<String, SourceFile> files = new LinkedHashMap<>();
    scanned.files().forEach(f -> files.put(f.path(), f));
    Function<String, String> texts = path -> {
      SourceFile f = files.get(path);
      // Writing back text that was not valid UTF-8 would change bytes the fix never meant to touch.
      return f == null || !f.isValidUtf8() ? null : f.text();
    };
    List<Finding> candidates = judged.stream()
        .filter(f -> f.fix() != null && f.status() == FindingStatus.OPEN && (rules.isEmpty() || rules.contains(f.ruleId())))
        .collect(Collectors.toList());

    Map<Finding, String> refused = new LinkedHashMap<>();
    FixApplier.Plan plan = FixApplier.apply(candidates, texts);
    refused.putAll(plan.conflicts());
    Verifier verifier = new Verifier(scanners, ruleIds, ws, o.threads, scanned, files);
    lastVerifier = verifier;
    lastTexts = texts;
    Map<String, String> failures = verifier.check(plan);
    List<Finding> accepted = new ArrayList<>();
    List<Finding> retry = new ArrayList<>();
    for (Finding f : plan.applied()) {
      (touches(f, failures.keySet()) ? retry : accepted).add(f);
    }
    int singles = 0;
    for (Finding f : retry) {
      String reason;
      if (retry.size() == 1 || singles++ >= MAX_SINGLE_CHECKS) {
        reason = firstFailure(f, failures);
      } else {
        Map<String, String> alone = verifier.check(FixApplier.apply(List.of(f), texts));
        reason = alone.isEmpty() ? null : firstFailure(f, alone);
      }
      if (reason == null) {
        accepted.add(f);
      } else {
        refused.put(f, reason);
      }
    }
    if (accepted.size() < plan.applied().size() && !accepted.isEmpty()) {
      // Fixes that passed alone must also pass together before anything is written.
      FixApplier.Plan together = FixApplier.apply(accepted, texts);
      Map<String, String> joint = verifier.check(together);
      if (!joint.isEmpty()) {
        for (Finding f : List.copyOf(accepted)) {
          if (touches(f, joint.keySet())) {
            accepted.remove(f);
            refused.put(f, firstFailure(f, joint));
          }
        }
      }
    }
    FixApplier.Plan finalPlan = FixApplier.apply(accepted, texts);
    Map<String, String> originals = new TreeMap<>();
    finalPlan.patched().keySet().forEach(p -> originals.put(p, texts.apply(p)));
    return new Outcome(List.copyOf(accepted), refused, originals, new TreeMap<>(finalPlan.patched()), top);
  }

  /** Checks a chosen subset of the last run's accepted fixes again; failures by path, empty when it holds. */
  Map<String, String> recheck(List<Finding> chosen) {
    if (lastVerifier == null) {
      throw new IllegalStateException("recheck before run");
    }
    return lastVerifier.check(FixApplier.apply(chosen, lastTexts));
  }

  private static boolean touches(Finding f, Set<String> paths) {
    if (paths.contains(f.location().path())) {
      return true;
    }
    return f.fix().edits().stream().anyMatch(e -> paths.contains(e.path()));
  }

  private static String firstFailure(Finding f, Map<String, String> failures) {
    String own = failures.get(f.location().path());
    if (own != null) {
      return own;
    }
    for (Fix.Edit e : f.fix().edits()) {
      if (failures.containsKey(e.path())) {
        return failures.get(e.path());
      }
    }
    return "the re-scan did not confirm the fix";
  }

  /** Re-scans the tree with patched files substituted and judges each touched file. */
  private static final class Verifier {
    private final List<Scanner> scanners;
    private final Set<String> ruleIds;
    private final ScanRunner.Workspace ws;
    private final int threads;
    private final ScanEngine.Result before;
    private final Map<String, SourceFile> files;

    Verifier(List<Scanner> scanners, Set<String> ruleIds, ScanRunner.Workspace ws, int threads, ScanEngine.Result before,
        Map<String, SourceFile> files) {
      this.scanners = scanners;
      this.ruleIds = ruleIds;
      this.ws = ws;
      this.threads = threads;
      this.before = before;
      this.files = files;
    }

    /** Failure reason by touched path; empty when every applied fix removed its finding and added nothing. */
    Map<String, String> check(FixApplier.Plan plan) {
      Map<String, String> failures = new LinkedHashMap<>();
      if (plan.applied().isEmpty()) {
        return failures;
      }
      Set<String> touched = new LinkedHashSet<>(plan.patched().keySet());
      plan.applied().forEach(f -> touched.add(f.location().path()));
      List<SourceFile> patchedTree = new ArrayList<>();
      for (SourceFile f : files.values()) {
        String text = plan.patched().get(f.path());
        patchedTree.add(text == null ? f : SourceFile.of(f.path(), text.getBytes(StandardCharsets.UTF_8)));
      }
      ScanEngine engine = new ScanEngine(scanners, ruleIds, ws.policy(), ws.root(), threads, Map.of(), null);
      ScanEngine.Result after = engine.run(patchedTree, touched::contains);
      for (Coverage c : after.coverage()) {
        for (Coverage.ScanError e : c.errors()) {
          if (touched.contains(e.path())) {
            failures.putIfAbsent(e.path(), "the patched file no longer scans cleanly (" + c.family() + ": " + e.message() + ")");
          }
        }
      }
      Map<String, Map<String, Long>> was = counts(before.findings(), touched);
      Map<String, Map<String, Long>> now = counts(after.findings(), touched);
      Map<String, Map<String, Long>> fixed = counts(plan.applied(), touched);
      for (String path : touched) {
        Map<String, Long> w = was.getOrDefault(path, Map.of());
        Map<String, Long> n = now.getOrDefault(path, Map.of());
        Map<String, Long> x = fixed.getOrDefault(path, Map.of());
        for (Map.Entry<String, Long> e : n.entrySet()) {
          long allowed = w.getOrDefault(e.getKey(), 0L) - x.getOrDefault(e.getKey(), 0L);
          if (e.getValue() > allowed) {
            String why = x.containsKey(e.getKey())
                ? e.getKey() + " is still reported after the fix"
                : "the fix introduces " + e.getKey();
            failures.putIfAbsent(path, why + " in " + path);
          }
        }
      }
      return failures;
    }

    private static Map<String, Map<String, Long>> counts(List<Finding> findings, Set<String> paths) {
      Map<String, Map<String, Long>> out = new HashMap<>();
      for (Finding f : findings) {
        String p = f.location().path();
        if (paths.contains(p)) {
          out.computeIfAbsent(p, k -> new HashMap<>()).merge(f.ruleId(), 1L, Long::sum);
        }
      }
      return out;
    }
  }
}
