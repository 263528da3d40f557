package dev.shipgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipgate.core.model.Rule;
import java.nio.file.Files;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The README stays true: its rule tables (docs/rules-tables.sh) list every rule, and every family. */
class ReadmeTest {

  @Test
  void listsEveryRuleAndFamily() throws Exception {
    String readme = Files.readString(Cli.repoRoot().resolve("README.md"));
    List<String> missing = Scanners.allRules(Scanners.all()).stream().map(Rule::id)
        .filter(id -> !readme.contains("`" + id + "`")).collect(Collectors.toList());
    assertThat(missing).as("rules missing from README.md: run docs/rules-tables.sh").isEmpty();
    for (String family : Scanners.families(Scanners.all())) {
      assertThat(readme).as("family %s in the README's --only list", family).contains("`" + family + "`");
    }
  }
}
