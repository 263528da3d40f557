package dev.shipgate.cli;

import dev.shipgate.core.gate.CoreRules;
import dev.shipgate.core.model.Rule;
import dev.shipgate.core.scan.Scanner;
import dev.shipgate.scanner.config.ConfigScanner;
import dev.shipgate.scanner.deps.DepsScanner;
import dev.shipgate.scanner.java.JavaScanner;
import dev.shipgate.scanner.secrets.SecretsScanner;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The one list of scanner families. A new family is one line here. */
final class Scanners {

  private Scanners() {}

  static List<Scanner> all() {
    return List.of(
        new ConfigScanner(),
        new SecretsScanner(),
        new JavaScanner(),
        new DepsScanner());
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
