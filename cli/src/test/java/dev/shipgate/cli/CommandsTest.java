package dev.shipgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipgate.core.ShipgateVersion;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandsTest {

  @Test
  void versionNamesToolAndRulePacks() {
    Cli r = Cli.run("version");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).startsWith("shipgate " + ShipgateVersion.get()).contains("config rules").contains("secrets rules");
    assertThat(Cli.run("--version").out()).contains("shipgate " + ShipgateVersion.get());
  }

  @Test
  void rulesListsEveryRuleWithMetadata() {
    Cli r = Cli.run("rules");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("config/spring/actuator-endpoints-exposed").contains("shipgate/waiver/expired").containsPattern("\\d+ rules");
    Cli md = Cli.run("rules", "--markdown", "--family", "config");
    assertThat(md.out()).startsWith("| Rule |").doesNotContain("secrets/");
    assertThat(Cli.run("rules", "--family", "nope").exit()).isEqualTo(2);
  }

  @Test
  void explainShowsDescriptionFixAndSuppressionSyntax() {
    Cli r = Cli.run("explain", "config/spring/actuator-endpoints-exposed");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("How to fix:").contains("severity:").contains("shipgate:ignore config/spring/actuator-endpoints-exposed -- ");
    Cli unknown = Cli.run("explain", "config/spring/actuator-endpoint-exposed");
    assertThat(unknown.exit()).isEqualTo(2);
    assertThat(unknown.err()).contains("no rule");
  }

  @Test
  void helpListsCommandsAndExitCodes() {
    Cli r = Cli.run("--help");
    assertThat(r.out()).contains("scan").contains("init").contains("baseline").contains("rules").contains("explain").contains("Exit codes");
    assertThat(Cli.run("scan", "--help").out()).contains("--base").contains("--staged").contains("--format").contains("--no-fail").contains("--only");
  }

  @Test
  void everyCommandIsReachableByNameAndListedInUsage() {
    String usage = Cli.run("--help").out();
    for (java.util.Map.Entry<String, Class<?>> c : Main.SUBCOMMANDS.entrySet()) {
      String name = c.getKey();
      picocli.CommandLine.Command annotated = c.getValue().getAnnotation(picocli.CommandLine.Command.class);
      if (annotated != null) {
        assertThat(annotated.name()).as("the name %s is registered under", c.getValue()).isEqualTo(name);
      }
      assertThat(usage).as("usage lists %s", name).containsPattern("(?m)^\\s+" + java.util.regex.Pattern.quote(name) + "\\s");
      Cli help = Cli.run(name, "--help");
      assertThat(help.exit()).as("%s --help: %s", name, help).isZero();
      assertThat(help.out()).contains("Usage: shipgate " + name);
    }
    // Commands that need their siblings get every one: help about another command, and a typo's suggestion.
    assertThat(Cli.run("help", "scan").out()).contains("--base");
    Cli typo = Cli.run("scna");
    assertThat(typo.exit()).isEqualTo(2);
    assertThat(typo.err()).contains("scan");
  }

  @Test
  void initWritesAPolicyThatLoadsAndSuitsTheRepository(@TempDir Path dir) throws Exception {
    Files.createDirectories(dir.resolve("src/main/java/a"));
    Files.writeString(dir.resolve("src/main/java/a/A.java"), "class A {}");
    Files.writeString(dir.resolve("pom.xml"), "<project/>");
    Files.createDirectories(dir.resolve("src/test/resources"));
    Files.writeString(dir.resolve("src/test/resources/data.json"), "{}");
    Cli r = Cli.run("init", dir.toString());
    assertThat(r.exit()).as(r.toString()).isZero();
    String yaml = Files.readString(dir.resolve("shipgate.yml"));
    assertThat(yaml).contains("version: 1").contains("Java (1 files)").contains("maven").contains("java: {enabled: true}").contains("src/test/resources/**")
        .contains("max_db_age_days: 7");
    assertThat(Cli.run("init", dir.toString()).exit()).as("refuses to overwrite").isEqualTo(2);
    assertThat(Cli.run("scan", dir.toString()).exit()).as("the written policy loads").isIn(0, 1);
  }
}
