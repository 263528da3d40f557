package dev.shipgate.scanner.change;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipgate.testing.RuleCatalogChecks;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class RuleMetadataTest {

  private final ChangeScanner scanner = new ChangeScanner();

  @Test
  void everyRuleIsFullyDescribedAndDocumented() throws IOException {
    RuleCatalogChecks.idsAreUniqueAndShaped(scanner, "change/(review|ai|approval|hygiene)/[a-z-]+", 13);
    RuleCatalogChecks.everyRuleIsDocumented(scanner, Path.of("README.md"));
    // Not RuleCatalogChecks.everyRuleCarriesCompleteMetadata: the AI rules cite owasp-llm-top10, which the java
    // family spells owasp-llm.
    assertThat(scanner.rules()).allSatisfy(r -> {
      assertThat(r.description().length()).as(r.id()).isGreaterThan(80);
      assertThat(r.fix().length()).as(r.id()).isGreaterThan(40);
      assertThat(r.tags()).as(r.id()).isNotEmpty().allSatisfy(t -> assertThat(t).matches("(ssdf|soc2|iso27001|owasp-llm-top10):.+"));
    });
  }

  @Test
  void acceptsOnlyTheFilesItReadsFromTheTree() {
    assertThat(scanner.accepts(".github/CODEOWNERS")).isTrue();
    assertThat(scanner.accepts("CODEOWNERS")).isTrue();
    assertThat(scanner.accepts(".shipgate/notes/feature.md")).isTrue();
    assertThat(scanner.accepts(".shipgate/approvals/approval-0123456789abcdef.json")).isTrue();
    assertThat(scanner.accepts("src/CODEOWNERS")).isFalse();
    assertThat(scanner.accepts("src/auth/Login.java")).isFalse();
    assertThat(scanner.settingKeys()).contains("trusted_keys", "tiers", "security_owners", "ai", "ai_ignore");
  }
}
