package dev.shipgate.scanner.change;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipgate.testing.RuleCatalogChecks;
import dev.shipgate.testing.RuleCatalogChecks.TagScheme;
import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RuleMetadataTest {

  private final ChangeScanner scanner = new ChangeScanner();

  @Test
  void everyRuleIsFullyDescribedAndDocumented() throws IOException {
    RuleCatalogChecks.idsAreUniqueAndShaped(scanner, "change/(review|ai|approval|hygiene)/[a-z-]+", 13);
    RuleCatalogChecks.everyRuleIsDocumented(scanner, Path.of("README.md"));
    RuleCatalogChecks.everySettingIsDocumented(scanner, Path.of("README.md"));
    // Process findings name no CWE: a malformed ownership line, an expired or a stale approval (each rule says why).
    RuleCatalogChecks.everyRuleCarriesCompleteMetadata(scanner,
        Set.of(CodeOwnersMalformedRule.RULE.id(), ExpiredRecordRule.RULE.id(), StaleApprovalRule.RULE.id()),
        EnumSet.of(TagScheme.SSDF, TagScheme.SOC2, TagScheme.ISO27001, TagScheme.OWASP_LLM), TagScheme.SSDF);
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
