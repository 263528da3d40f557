package dev.shipgate.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipgate.core.model.Rule;
import dev.shipgate.core.scan.Scanner;
import java.io.IOException;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The contract every family's rule catalogue keeps, as assertions that a family's test calls with its own id
 * shape, tag schemes and README.
 */
public final class RuleCatalogChecks {

  /** The compliance schemes a rule tag may cite ({@code scheme:value}); a family names those it uses. */
  public enum TagScheme {
    OWASP_TOP10("owasp-top10", "A\\d\\d:2021"),
    OWASP_API_TOP10("owasp-api-top10", "API(?:[1-9]|10):2023"),
    OWASP_LLM("owasp-llm", "LLM(?:0[1-9]|10):2025"),
    CWE_TOP25("cwe-top25", "20\\d\\d"),
    ASVS("asvs", "4\\.0\\.3-\\d+\\.\\d+\\.\\d+"),
    SSDF("ssdf", "(?:P[OSW]|RV)\\.\\d+\\.\\d+"), // practice groups PO, PS, PW and RV
    ISO27001("iso27001", "2022-A\\.\\d+\\.\\d+"),
    SOC2("soc2", "CC\\d\\.\\d"),
    OWASP_CICD("owasp-cicd", "CICD-SEC-(?:[1-9]|10)"),
    CIS_SUPPLY_CHAIN("cis-supply-chain", "\\d+\\.\\d+"),
    CIS_DOCKER("cis-docker", "\\d+\\.\\d+"),
    NIST_800_190("nist-800-190", "\\d+\\.\\d+\\.\\d+"),
    OWASP_K8S("owasp-k8s", "K\\d\\d:2022"),
    CIS_K8S("cis-k8s", "5\\.\\d+\\.\\d+"),
    NSA_K8S("nsa-k8s", "[a-z-]+"),
    PSS("pss", "baseline|restricted"),
    MITRE_ATTACK("mitre-attack", "T\\d{4}(?:\\.\\d{3})?"),
    CIS_AWS("cis-aws", "\\d+(?:\\.\\d+)*"),
    CIS_AZURE("cis-azure", "\\d+(?:\\.\\d+)*"),
    CIS_GCP("cis-gcp", "\\d+(?:\\.\\d+)*");

    private final String prefix;
    private final Pattern tag;

    TagScheme(String name, String value) {
      this.prefix = name + ":";
      this.tag = Pattern.compile(Pattern.quote(prefix) + "(?:" + value + ")");
    }

    /** Whether {@code tag} cites this scheme with a well-formed value. */
    public boolean matches(String tag) {
      return this.tag.matcher(tag).matches();
    }
  }

  private RuleCatalogChecks() {}

  /**
   * Every id is unique and matches {@code idPattern}, every rule is of the scanner's family, and
   * {@code rules()} lists exactly {@code ruleClasses} rules (none dropped, none twice).
   */
  public static void idsAreUniqueAndShaped(Scanner scanner, String idPattern, int ruleClasses) {
    Set<String> seen = new HashSet<>();
    for (Rule r : scanner.rules()) {
      assertThat(seen.add(r.id())).as("duplicate id %s", r.id()).isTrue();
      assertThat(r.id()).matches(idPattern);
      assertThat(r.family()).isEqualTo(scanner.family());
    }
    assertThat(seen).hasSize(ruleClasses);
  }

  /**
   * Every rule names a CWE, says enough in its description and fix, and carries tags only of {@code allowed}
   * schemes, with at least one tag of each {@code required} scheme.
   */
  public static void everyRuleCarriesCompleteMetadata(Scanner scanner, Set<TagScheme> allowed, TagScheme... required) {
    everyRuleCarriesCompleteMetadata(scanner, Set.of(), allowed, required);
  }

  /**
   * As {@link #everyRuleCarriesCompleteMetadata(Scanner, Set, TagScheme...)}, except that the rules named in
   * {@code withoutCwe} (ones that judge no software weakness) must carry no CWE; each named id must be a rule.
   */
  public static void everyRuleCarriesCompleteMetadata(Scanner scanner, Set<String> withoutCwe, Set<TagScheme> allowed,
      TagScheme... required) {
    assertThat(scanner.rules()).extracting(Rule::id).as("rules without a CWE").containsAll(withoutCwe);
    for (Rule r : scanner.rules()) {
      if (withoutCwe.contains(r.id())) {
        assertThat(r.cwe()).as("%s cwe", r.id()).isEmpty();
      } else {
        assertThat(r.cwe()).as("%s cwe", r.id()).isNotEmpty();
      }
      assertThat(r.description()).as("%s description", r.id()).hasSizeGreaterThan(80);
      assertThat(r.fix()).as("%s fix", r.id()).hasSizeGreaterThan(40);
      assertThat(r.tags()).as("%s tags", r.id()).isNotEmpty()
          .allMatch(t -> allowed.stream().anyMatch(s -> s.matches(t)), "scheme:value in a known scheme " + allowed);
      for (TagScheme scheme : required) {
        assertThat(r.tags()).as("%s tags", r.id()).anyMatch(t -> t.startsWith(scheme.prefix));
      }
    }
  }

  /** The module README has a table row for every rule. */
  public static void everyRuleIsDocumented(Scanner scanner, Path readme) throws IOException {
    String text = Files.readString(readme);
    for (Rule r : scanner.rules()) {
      assertThat(text).as("%s row for %s", readme, r.id()).contains("| `" + r.id() + "` |");
    }
  }

  /** The module README names every policy key of the family as {@code `key`}. */
  public static void everySettingIsDocumented(Scanner scanner, Path readme) throws IOException {
    String text = Files.readString(readme);
    for (String key : scanner.settingKeys()) {
      assertThat(text).as("%s documents scanners.%s.%s", readme, scanner.family(), key).contains("`" + key + "`");
    }
  }

  /** Every rule class is final and publishes the rule it reports as its {@code RULE} constant. */
  public static <T> void everyRuleClassPublishesItsRule(Collection<? extends T> rules, Function<T, Rule> rule) throws ReflectiveOperationException {
    for (T r : rules) {
      Class<?> type = r.getClass();
      assertThat(Modifier.isFinal(type.getModifiers())).as("%s is final", type).isTrue();
      assertThat(type.getField("RULE").get(null)).as("%s.RULE", type.getSimpleName()).isSameAs(rule.apply(r));
    }
  }
}
