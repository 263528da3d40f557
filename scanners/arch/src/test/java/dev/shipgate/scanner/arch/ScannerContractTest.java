package dev.shipgate.scanner.arch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipgate.testing.RuleCatalogChecks;
import dev.shipgate.testing.RuleCatalogChecks.TagScheme;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ScannerContractTest {

  private final ArchScanner scanner = new ArchScanner();

  @Test
  void everyRuleCarriesFullMetadataAndIsDocumented() throws Exception {
    RuleCatalogChecks.idsAreUniqueAndShaped(scanner, "arch/[a-z]+/[a-z-]+", 9);
    // A stale agent file weakens no code, so it names no CWE.
    RuleCatalogChecks.everyRuleCarriesCompleteMetadata(scanner, Set.of("arch/agents/stale"),
        EnumSet.of(TagScheme.SSDF, TagScheme.SOC2, TagScheme.ISO27001, TagScheme.ASVS), TagScheme.SSDF, TagScheme.SOC2);
    RuleCatalogChecks.everyRuleIsDocumented(scanner, Path.of("README.md"));
    RuleCatalogChecks.everySettingIsDocumented(scanner, Path.of("README.md"));
  }

  @Test
  void acceptsWhatTheRailsRead() {
    for (String p : new String[] {"src/A.java", "app/x.py", "web/a.tsx", "lib/b.mjs", "pom.xml", "m/build.gradle.kts",
        "package.json", "AGENTS.md", "CLAUDE.md", ".github/copilot-instructions.md", ".cursor/rules/shipgate.mdc"}) {
      assertThat(scanner.accepts(p)).as(p).isTrue();
    }
    for (String p : new String[] {"module-info.java", "types.d.ts", "node_modules/a/package.json", "docs/AGENTS.md", "README.md"}) {
      assertThat(scanner.accepts(p)).as(p).isFalse();
    }
    assertThat(scanner.settingKeys()).containsExactlyInAnyOrder("forbidden", "layers", "layer_rules", "require", "dependencies");
  }
}
