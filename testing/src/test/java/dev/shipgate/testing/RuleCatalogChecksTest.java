package dev.shipgate.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shipgate.core.model.Rule;
import dev.shipgate.core.model.Severity;
import dev.shipgate.core.scan.Scanner;
import dev.shipgate.testing.RuleCatalogChecks.TagScheme;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shared checks reject what each family's own copy rejected. */
class RuleCatalogChecksTest {

  private static final String DESCRIPTION = "A description long enough to say what is wrong, why it matters and where it is found.";
  private static final String FIX = "A fix that says what to change, and to what.";
  private static final Set<TagScheme> SCHEMES = EnumSet.of(TagScheme.OWASP_TOP10, TagScheme.SSDF);

  private static Rule rule(String id, String description, String... tags) {
    return Rule.builder(id, "demo").title("t").severity(Severity.HIGH).cwe("CWE-1").description(description).fix(FIX).tags(tags).build();
  }

  private static Scanner scanner(Rule... rules) {
    return new Scanner() {
      @Override
      public String family() {
        return "demo";
      }

      @Override
      public String version() {
        return "1";
      }

      @Override
      public List<Rule> rules() {
        return List.of(rules);
      }

      @Override
      public boolean accepts(String path) {
        return false;
      }

      @Override
      public Set<String> settingKeys() {
        return Set.of("limit");
      }
    };
  }

  @Test
  void aCompleteCatalogPasses() {
    Scanner s = scanner(rule("demo/a/one", DESCRIPTION, "owasp-top10:A05:2021", "ssdf:PW.1.1"));
    assertThatCode(() -> {
      RuleCatalogChecks.idsAreUniqueAndShaped(s, "demo/a/[a-z]+", 1);
      RuleCatalogChecks.everyRuleCarriesCompleteMetadata(s, SCHEMES, TagScheme.OWASP_TOP10, TagScheme.SSDF);
    }).doesNotThrowAnyException();
  }

  @Test
  void idsMustBeUniqueShapedAndAllListed() {
    Rule one = rule("demo/a/one", DESCRIPTION, "owasp-top10:A05:2021");
    assertThatThrownBy(() -> RuleCatalogChecks.idsAreUniqueAndShaped(scanner(one, one), "demo/a/[a-z]+", 2)).hasMessageContaining("duplicate");
    assertThatThrownBy(() -> RuleCatalogChecks.idsAreUniqueAndShaped(scanner(one), "demo/b/[a-z]+", 1)).isInstanceOf(AssertionError.class);
    assertThatThrownBy(() -> RuleCatalogChecks.idsAreUniqueAndShaped(scanner(one), "demo/a/[a-z]+", 2)).isInstanceOf(AssertionError.class);
  }

  @Test
  void tagsOutsideTheFamilysSchemesOrMalformedOrMissingARequiredSchemeFail() {
    for (String[] tags : new String[][] {
        {"owasp-top10:A05:2021", "cis-docker:4.1"}, // a known scheme the family does not use
        {"owasp-top10:A5:2021"}, // malformed value
        {"owasp-top10:A05:2021x"}, // the value must match to the end
        {"ssdf:PW.1.1"}, // the required owasp-top10 tag is missing
        {}}) {
      Scanner s = scanner(rule("demo/a/one", DESCRIPTION, tags));
      assertThatThrownBy(() -> RuleCatalogChecks.everyRuleCarriesCompleteMetadata(s, SCHEMES, TagScheme.OWASP_TOP10))
          .as(String.join(",", tags)).isInstanceOf(AssertionError.class);
    }
  }

  @Test
  void shortDescriptionsFail() {
    Scanner s = scanner(rule("demo/a/one", "Too short.", "owasp-top10:A05:2021"));
    assertThatThrownBy(() -> RuleCatalogChecks.everyRuleCarriesCompleteMetadata(s, SCHEMES)).hasMessageContaining("description");
  }

  @Test
  void schemesMatchOnlyTheirOwnWellFormedValues() {
    assertThat(TagScheme.PSS.matches("pss:restricted")).isTrue();
    assertThat(TagScheme.PSS.matches("pss:baselinex")).isFalse();
    assertThat(TagScheme.OWASP_CICD.matches("owasp-cicd:CICD-SEC-10")).isTrue();
    assertThat(TagScheme.OWASP_CICD.matches("owasp-cicd:CICD-SEC-11")).isFalse();
    assertThat(TagScheme.CIS_AWS.matches("cis-aws:2.1.5")).isTrue();
    assertThat(TagScheme.CIS_AWS.matches("cis-azure:2.1")).isFalse();
    assertThat(TagScheme.MITRE_ATTACK.matches("mitre-attack:T1611")).isTrue();
    assertThat(TagScheme.MITRE_ATTACK.matches("mitre-attack:T1611.1")).isFalse();
  }

  @Test
  void theReadmeMustHaveARowPerRuleAndNameEveryKey(@TempDir Path dir) throws Exception {
    Scanner s = scanner(rule("demo/a/one", DESCRIPTION, "owasp-top10:A05:2021"));
    Path readme = dir.resolve("README.md");
    Files.writeString(readme, "| `demo/a/one` | high |\n");
    RuleCatalogChecks.everyRuleIsDocumented(s, readme);
    assertThatThrownBy(() -> RuleCatalogChecks.everySettingIsDocumented(s, readme)).hasMessageContaining("scanners.demo.limit");
    Files.writeString(readme, "`demo/a/one` and `limit`\n");
    RuleCatalogChecks.everySettingIsDocumented(s, readme);
    assertThatThrownBy(() -> RuleCatalogChecks.everyRuleIsDocumented(s, readme)).hasMessageContaining("row for demo/a/one");
  }
}
