package dev.shipgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipgate.core.model.Rule;
import dev.shipgate.core.policy.PolicyLoader;
import dev.shipgate.core.scan.FileScanner;
import dev.shipgate.core.scan.ScanContext;
import dev.shipgate.core.scan.Scanner;
import dev.shipgate.core.scan.SourceFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ScannersTest {

  @Test
  void everyRegisteredNameIsItsScannersFamily() {
    for (String name : Scanners.REGISTRY.families()) {
      assertThat(Scanners.REGISTRY.get(List.of(name))).singleElement().extracting(Scanner::family).isEqualTo(name);
    }
  }

  /** A family that records when it is built. */
  private static Scanners.Registry.Family counted(String name, List<String> builtLog) {
    return new Scanners.Registry.Family(name, () -> {
      synchronized (builtLog) {
        builtLog.add(name);
      }
      return new FileScanner() {
        @Override
        public String family() {
          return name;
        }

        @Override
        public String version() {
          return "1";
        }

        @Override
        public List<Rule> rules() {
          return List.of(new Rule(name + "/r", name, "t", dev.shipgate.core.model.Severity.LOW,
              dev.shipgate.core.model.Confidence.LOW, List.of(), "d", "f", List.of()));
        }

        @Override
        public Set<String> settingKeys() {
          return Set.of("k");
        }

        @Override
        public boolean accepts(String path) {
          return false;
        }

        @Override
        public void scan(SourceFile file, ScanContext context) {}
      };
    });
  }

  @Test
  void familiesAreBuiltOnlyWhenAskedForAndOnce() throws Exception {
    List<String> log = new ArrayList<>();
    Scanners.Registry r = new Scanners.Registry(List.of(counted("a", log), counted("b", log), counted("c", log)));
    assertThat(r.get(List.of("b"))).extracting(Scanner::family).containsExactly("b");
    assertThat(r.get(List.of("c", "b"))).extracting(Scanner::family).containsExactly("b", "c");
    assertThat(log).containsExactlyInAnyOrder("b", "c");

    // A policy section builds its family; rule overrides need every family's ids.
    new PolicyLoader(r).parse("version: 1\nscanners:\n  b: {k: 1}\n", "shipgate.yml", "");
    assertThat(log).containsExactlyInAnyOrder("b", "c");
    new PolicyLoader(r).parse("version: 1\nrules:\n  a/r: {enabled: false, reason: noisy here}\n", "shipgate.yml", "");
    assertThat(log).containsExactlyInAnyOrder("a", "b", "c");
    assertThat(r.ruleIds()).contains("a/r", "b/r", "c/r");
  }

  @Test
  void warmUpFollowsOnlyAndSkip() {
    assertThat(Main.familiesSelectedBy(new String[] {"scan", ".", "--only", "secrets,java"})).containsExactly("secrets", "java");
    assertThat(Main.familiesSelectedBy(new String[] {"scan", "--only=ci", "--only", "k8s", "."})).containsExactly("ci", "k8s");
    assertThat(Main.familiesSelectedBy(new String[] {"scan", ".", "--skip", "java"}))
        .doesNotContain("java").contains("secrets", "config");
    assertThat(Main.familiesSelectedBy(new String[] {"scan", ".", "--only", "cobol"})).isEmpty();
    assertThat(Main.familiesSelectedBy(new String[] {"scan"})).isEqualTo(Scanners.REGISTRY.families());
  }

  @Test
  void warmUpLooksForAWorkTreeWhereTheScanLooks(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
    String d = dir.toString();
    assertThat(Main.scanPathGuess(new String[] {"scan", "--only", "secrets", d, "--format", "json=x.json"}))
        .isEqualTo(java.nio.file.Path.of(d));
    assertThat(Main.scanPathGuess(new String[] {"scan", "--only", "secrets"})).isEqualTo(java.nio.file.Path.of(""));
    assertThat(Main.scanPathGuess(new String[] {"scan", "no/such/dir\0"})).isEqualTo(java.nio.file.Path.of(""));
  }
}
