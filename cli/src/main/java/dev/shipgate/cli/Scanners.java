package dev.shipgate.cli;

import dev.shipgate.core.gate.CoreRules;
import dev.shipgate.core.model.Rule;
import dev.shipgate.core.policy.PolicyException;
import dev.shipgate.core.policy.PolicyLoader;
import dev.shipgate.core.policy.Settings;
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
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/** The one list of scanner families. A new family is one line here. */
final class Scanners {

  private Scanners() {}

  /**
   * The registered families, by name. Families load their rule catalogues and models when constructed, so each is
   * built on first use, and families asked for together are built in parallel: a run of {@code --only secrets} never
   * pays for the Java models.
   */
  static final Registry REGISTRY = new Registry(List.of(
      family("config", ConfigScanner::new), family("secrets", SecretsScanner::new), family("java", JavaScanner::new),
      family("arch", ArchScanner::new), family("api", ApiScanner::new), family("deps", DepsScanner::new),
      family("change", ChangeScanner::new), family("ci", CiScanner::new), family("docker", DockerScanner::new),
      family("k8s", K8sScanner::new), family("terraform", TerraformScanner::new)));

  private static Registry.Family family(String name, Supplier<Scanner> create) {
    return new Registry.Family(name, create);
  }

  /** Every registered family, built (once per process). */
  static List<Scanner> all() {
    return REGISTRY.all();
  }

  /**
   * Families by name, each built on first request. Also the policy loader's catalogue: a policy section or a rule
   * override builds only what it names (rule overrides need every family's rule ids).
   */
  static final class Registry implements PolicyLoader.Catalog {

    /** One family: its name (what its scanner's {@code family()} returns) and how to build it, once. */
    record Family(String name, Supplier<Scanner> create) {}

    private final Map<String, Family> families = new LinkedHashMap<>();
    private final Map<String, CompletableFuture<Scanner>> built = new java.util.concurrent.ConcurrentHashMap<>();
    private final Set<String> ruleIds = new LazyRuleIds();

    Registry(List<Family> families) {
      families.forEach(f -> this.families.put(f.name(), f));
    }

    /** A registry of scanners that are already built (tests, the Maven plugin). */
    static Registry of(List<Scanner> scanners) {
      List<Family> out = new ArrayList<>();
      for (Scanner s : scanners) {
        out.add(new Family(s.family(), () -> s));
      }
      return new Registry(out);
    }

    @Override
    public Set<String> families() {
      return families.keySet();
    }

    /** The named families in registration order, built in parallel where not built yet. */
    List<Scanner> get(Collection<String> names) {
      List<CompletableFuture<Scanner>> pending = new ArrayList<>();
      for (Family f : families.values()) {
        if (names.contains(f.name())) {
          pending.add(built.computeIfAbsent(f.name(), n -> CompletableFuture.supplyAsync(f.create())));
        }
      }
      List<Scanner> out = new ArrayList<>();
      for (CompletableFuture<Scanner> p : pending) {
        out.add(p.join());
      }
      return out;
    }

    List<Scanner> all() {
      return get(families.keySet());
    }

    @Override
    public Set<String> settingKeys(String family) {
      return get(List.of(family)).get(0).settingKeys();
    }

    @Override
    public void validate(String family, Settings section) throws PolicyException {
      get(List.of(family)).get(0).validate(section);
    }

    /** Every rule id of every family plus the gate's own; building every family happens on the first lookup. */
    @Override
    public Set<String> ruleIds() {
      return ruleIds;
    }

    /** The id set, computed when first read: many scans never need it. */
    private final class LazyRuleIds extends AbstractSet<String> {
      private volatile Set<String> ids;

      private Set<String> ids() {
        Set<String> s = ids;
        if (s == null) {
          Set<String> out = new HashSet<>();
          allRules(all()).forEach(r -> out.add(r.id()));
          ids = s = Set.copyOf(out);
        }
        return s;
      }

      @Override
      public boolean contains(Object o) {
        return ids().contains(o);
      }

      @Override
      public Iterator<String> iterator() {
        return ids().iterator();
      }

      @Override
      public int size() {
        return ids().size();
      }
    }
  }

  static Set<String> families(List<Scanner> scanners) {
    Set<String> out = new TreeSet<>();
    scanners.forEach(s -> out.add(s.family()));
    return out;
  }

  /** Every rule of the given families plus the gate's own rules, ordered by id. */
  static List<Rule> allRules(List<Scanner> scanners) {
    List<Rule> out = new ArrayList<>(CoreRules.ALL);
    for (Scanner s : scanners) {
      out.addAll(s.rules());
    }
    out.sort(Comparator.comparing(Rule::id));
    return out;
  }
}
