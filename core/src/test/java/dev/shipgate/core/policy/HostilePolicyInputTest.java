package dev.shipgate.core.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shipgate.core.gate.Waivers;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** Whatever the bytes, policy-like files end in a usable policy or a positioned error, never a crash. */
class HostilePolicyInputTest {

  private final PolicyLoader loader = new PolicyLoader(Map.of("config", Set.of()), Set.of("config/spring/debug-mode"));

  @Provide
  Arbitrary<String> yamlish() {
    return Arbitraries.strings().withChars("version:1 \n\t-[]{}\"'&*!|>#%@`,?=~\\/abc").ofMaxLength(200)
        .map(s -> "version: 1\n" + s);
  }

  @Property(tries = 400)
  void policyParsingFailsOnlyWithPolicyException(@ForAll("yamlish") String yaml) {
    try {
      loader.parse(yaml, "shipgate.yml", "");
    } catch (PolicyException e) {
      assertThat(e.getMessage()).startsWith("shipgate.yml");
    }
  }

  @Property(tries = 400)
  void waiverParsingNeverThrows(@ForAll("yamlish") String yaml) {
    Waivers w = Waivers.parse(yaml.replace("version: 1\n", "version: 1\nwaivers:\n"), "w.yml", Set.of("config/spring/debug-mode"), LocalDate.of(2026, 1, 1));
    w.problems().forEach(p -> assertThat(p.location().path()).isEqualTo("w.yml"));
  }

  @Property(tries = 400)
  void globCompilationFailsOnlyWithIllegalArgument(@ForAll String glob) {
    try {
      Glob g = Glob.compile(glob);
      g.matches("a/b/c.txt");
    } catch (IllegalArgumentException e) {
      assertThat(e.getMessage()).isNotBlank();
    }
  }

  @Test
  void deeplyNestedPolicyIsAnErrorNotAStackOverflow() {
    String deep = "version: 1\nfail_on: " + "[".repeat(5000) + "]".repeat(5000) + "\n";
    assertThatThrownBy(() -> loader.parse(deep, "shipgate.yml", "")).isInstanceOf(PolicyException.class);
  }

  @Test
  void deeplyNestedWaiverFileIsOneInvalidFinding() {
    Waivers w = Waivers.parse("version: 1\nwaivers: " + "[".repeat(5000) + "]".repeat(5000) + "\n", "w.yml", Set.of(), LocalDate.of(2026, 1, 1));
    assertThat(w.problems()).singleElement().satisfies(f -> assertThat(f.ruleId()).isEqualTo("shipgate/waiver/invalid"));
  }

  @Test
  void hugePolicyIsRejected() {
    String huge = "version: 1\n# " + "x".repeat(2 * 1024 * 1024) + "\n";
    assertThatThrownBy(() -> loader.parse(huge, "shipgate.yml", "")).isInstanceOf(PolicyException.class);
  }

  @Test
  void binaryPolicyIsAnError() {
    assertThatThrownBy(() -> loader.parse("version: 1\n\u0000\u0001\u0002", "shipgate.yml", "")).isInstanceOf(PolicyException.class)
        .hasMessageStartingWith("shipgate.yml:");
  }
}
