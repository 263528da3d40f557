package dev.shipgate.scanner.change;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shipgate.core.policy.PolicyException;
import dev.shipgate.core.policy.Settings;
import org.junit.jupiter.api.Test;

class ChangePolicyTest {

  private static ChangePolicy policy(String yaml) throws PolicyException {
    return ChangePolicy.from(PolicyFiles.parse("shipgate.yml", yaml).section("scanners").section("change"));
  }

  @Test
  void builtInPolicyIsSecureByDefault() throws Exception {
    ChangePolicy p = ChangePolicy.from(Settings.empty("<built-in defaults>"));
    assertThat(p.requireNote()).isTrue();
    assertThat(p.aiIgnoreCheck()).isTrue();
    assertThat(p.tiers().keySet()).containsExactly("gate-policy", "auth", "access-control", "crypto", "payments",
        "infrastructure", "ci", "dependencies", "security-config");
    assertThat(p.tiers().values()).allSatisfy(t -> {
      assertThat(t.approvals()).isEqualTo(1);
      assertThat(t.aiExtraApprovals()).isEqualTo(1);
    });
    assertThat(p.tiers().get("gate-policy").matchesPath(".shipgate/waivers.yml")).isTrue();
    assertThat(p.tiers().get("gate-policy").matchesPath("sub/shipgate.yml")).isFalse();
    assertThat(p.tiers().get("dependencies").matchesPath("web/package-lock.json")).isTrue();
    assertThat(p.aiIgnoreFiles()).containsValues(".aiexclude", ".cursorignore", ".codeiumignore", ".aiderignore", ".geminiignore", ".aiignore");
  }

  @Test
  void policyAddsTiersPatternsAndOwners() throws Exception {
    ChangePolicy p = policy("""
        scanners:
          change:
            tiers:
              auth: {owners: ["@acme/iam"], approvals: 2, paths: ["src/iam/**"]}
              data-export:
                content: ['(?i)\\bexport_all\\b']
                owners: ["@privacy"]
        """);
    Tier auth = p.tiers().get("auth");
    assertThat(auth.approvals()).isEqualTo(2);
    assertThat(auth.owners()).containsExactly("@acme/iam");
    assertThat(auth.matchesPath("src/iam/Users.java")).isTrue();
    assertThat(auth.matchesPath("x/session/S.java")).isTrue(); // built-in patterns stay
    assertThat(p.tiers().get("data-export").matchingContent("db.EXPORT_ALL(x)")).isNotNull();
  }

  @Test
  void theScannerRejectsABadSectionWhenThePolicyLoads() throws Exception {
    Settings bad = PolicyFiles.parse("shipgate.yml", "scanners:\n  change:\n    tiers:\n      ci: {approvals: -1}\n")
        .section("scanners").section("change");
    assertThatThrownBy(() -> new ChangeScanner().validate(bad))
        .isInstanceOf(PolicyException.class).hasMessageContaining("shipgate.yml:4");
    Settings good = PolicyFiles.parse("shipgate.yml", "scanners:\n  change:\n    ai: {require_note: true}\n")
        .section("scanners").section("change");
    org.assertj.core.api.Assertions.assertThatCode(() -> new ChangeScanner().validate(good)).doesNotThrowAnyException();
  }

  @Test
  void relaxingNeedsAReasonAtTheRelaxedKey() {
    assertThatThrownBy(() -> policy("scanners:\n  change:\n    tiers:\n      ci: {enabled: false}\n"))
        .isInstanceOf(PolicyException.class).hasMessageContaining("shipgate.yml:4").hasMessageContaining("reason");
    assertThatThrownBy(() -> policy("scanners:\n  change:\n    ai:\n      extra_approvals: 0\n"))
        .hasMessageContaining("shipgate.yml:4").hasMessageContaining("lowers the review");
    assertThatThrownBy(() -> policy("scanners:\n  change:\n    ai_ignore: {check: false}\n")).hasMessageContaining("reason");
    assertThatThrownBy(() -> policy("scanners:\n  change:\n    tiers:\n      ci: {approvals: 0, reason: \"  \"}\n")).hasMessageContaining("reason");
  }

  @Test
  void relaxingWithAReasonIsAllowed() throws Exception {
    ChangePolicy p = policy("scanners:\n  change:\n    tiers:\n      ci: {enabled: false, reason: \"CI lives in another repo\"}\n");
    assertThat(p.tiers()).doesNotContainKey("ci");
  }

  @Test
  void malformedEntriesNameTheirPosition() {
    assertThatThrownBy(() -> policy("scanners:\n  change:\n    security_owners: [alice]\n")).hasMessageContaining("must be a person");
    assertThatThrownBy(() -> policy("scanners:\n  change:\n    teams: {\"@solo\": [\"@a\"]}\n")).hasMessageContaining("@org/team");
    assertThatThrownBy(() -> policy("scanners:\n  change:\n    tiers:\n      New_Tier: {paths: [x]}\n")).hasMessageContaining("kebab-case");
    assertThatThrownBy(() -> policy("scanners:\n  change:\n    tiers:\n      empty: {approvals: 1}\n")).hasMessageContaining("needs 'paths' or 'content'");
    assertThatThrownBy(() -> policy("scanners:\n  change:\n    tiers:\n      x: {paths: ['a/**b']}\n")).hasMessageContaining("bad path glob");
    assertThatThrownBy(() -> policy("scanners:\n  change:\n    ai:\n      assistants: [{name: X}]\n")).hasMessageContaining("needs a 'name' and a 'pattern'");
    assertThatThrownBy(() -> policy("scanners:\n  change:\n    ai_ignore: {tools: [copilotignore]}\n")).hasMessageContaining("unknown assistant ignore file 'copilotignore'");
    assertThatThrownBy(() -> policy("scanners:\n  change:\n    tiers:\n      auth: {approvals: 1000}\n")).hasMessageContaining("between 0 and 100");
    assertThatThrownBy(() -> policy("scanners: [\n")).hasMessageContaining("not valid YAML");
  }
}
