package dev.shipgate.cli;

import dev.shipgate.core.gate.CoreRules;
import dev.shipgate.core.model.Rule;
import dev.shipgate.core.scan.Scanner;
import dev.shipgate.scanner.api.ApiScanner;
import dev.shipgate.scanner.arch.ArchScanner;
import dev.shipgate.scanner.change.ChangeScanner;
import dev.shipgate.scanner.ci.CiScanner;
import dev.shipgate.scanner.config.ConfigScanner;
import dev.shipgate.scanner.deps.DepsScanner;
import dev.shipgate.scanner.docker.DockerScanner;
import dev.shipgate.scanner.java.JavaScanner;
import dev.shipgate.scanner.k8s.K8sScanner;
import dev.shipgate.scanner.secrets.SecretsScanner;
import dev.shipgate.scanner.terraform.TerraformScanner;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The one list of scanner families. A new family is one line here. */
final class Scanners {

  private Scanners() {}

  private static volatile List<Scanner> all;

  /**
   * Every registered family, built once per process. Families load their rule catalogues and models when
   * constructed, so they are built in parallel: start-up waits for the slowest, not the sum.
   */
  static List<Scanner> all() {
    List<Scanner> s = all;
    if (s == null) {
      synchronized (Scanners.class) {
        if (all == null) {
          all = build(List.of(ConfigScanner::new, SecretsScanner::new, JavaScanner::new, ArchScanner::new, ApiScanner::new,
              DepsScanner::new, ChangeScanner::new, CiScanner::new, DockerScanner::new, K8sScanner::new, TerraformScanner::new));
        }
        s = all;
      }
    }
    return s;
  }

  private static List<Scanner> build(List<java.util.function.Supplier<Scanner>> constructors) {
    List<java.util.concurrent.CompletableFuture<Scanner>> futures = new ArrayList<>();
    for (java.util.function.Supplier<Scanner> c : constructors) {
      futures.add(java.util.concurrent.CompletableFuture.supplyAsync(c));
    }
    List<Scanner> out = new ArrayList<>();
    for (java.util.concurrent.CompletableFuture<Scanner> f : futures) {
      out.add(f.join());
    }
    return List.copyOf(out);
  }

  static Set<String> families(List<Scanner> scanners) {
    Set<String> out = new java.util.TreeSet<>();
    scanners.forEach(s -> out.add(s.family()));
    return out;
  }

  /** Every rule of every family plus the gate's own rules, ordered by id. */
  static List<Rule> allRules(List<Scanner> scanners) {
    List<Rule> out = new ArrayList<>(CoreRules.ALL);
    for (Scanner s : scanners) {
      out.addAll(s.rules());
    }
    out.sort(java.util.Comparator.comparing(Rule::id));
    return out;
  }

  static Set<String> ruleIds(List<Scanner> scanners) {
    Set<String> ids = new HashSet<>();
    allRules(scanners).forEach(r -> ids.add(r.id()));
    return ids;
  }

  static Map<String, Set<String>> settingKeys(List<Scanner> scanners) {
    Map<String, Set<String>> out = new HashMap<>();
    scanners.forEach(s -> out.put(s.family(), s.settingKeys()));
    return out;
  }
}
