package dev.shipgate.scanner.arch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipgate.core.model.Rule;
import org.junit.jupiter.api.Test;

class ScannerContractTest {

  private final ArchScanner scanner = new ArchScanner();

  @Test
  void everyRuleCarriesFullMetadata() {
    assertThat(scanner.rules()).hasSize(9);
    for (Rule r : scanner.rules()) {
      assertThat(r.id()).startsWith("arch/");
      assertThat(r.description().length()).as(r.id()).isGreaterThan(80);
      assertThat(r.fix().length()).as(r.id()).isGreaterThan(40);
      assertThat(r.tags()).as(r.id()).anyMatch(t -> t.startsWith("ssdf:")).anyMatch(t -> t.startsWith("soc2:"));
    }
    assertThat(scanner.rules()).filteredOn(r -> !r.id().equals("arch/agents/stale")).allMatch(r -> !r.cwe().isEmpty());
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
