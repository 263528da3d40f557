package dev.shipgate.scanner.change;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipgate.core.gate.Baseline;
import dev.shipgate.core.gate.Gate;
import dev.shipgate.core.gate.Waivers;
import dev.shipgate.core.model.Finding;
import dev.shipgate.core.model.FindingStatus;
import dev.shipgate.core.model.Rule;
import dev.shipgate.core.policy.Policy;
import dev.shipgate.core.scan.ScanEngine;
import dev.shipgate.core.scan.SourceFile;
import dev.shipgate.git.ChangeSet;
import dev.shipgate.git.GitWorkspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The family through core's engine and gate, as `scan --base` runs it: with the built-in policy its findings block. */
class GateIntegrationTest {

  @TempDir Path dir;

  private static Gate.Outcome gate(Scenario s, Map<String, String> options) throws Exception {
    ChangeScanner scanner = new ChangeScanner();
    Set<String> ruleIds = scanner.rules().stream().map(Rule::id).collect(Collectors.toSet());
    Policy policy = Policy.defaults();
    List<SourceFile> files = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(s.repo.dir)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        String rel = s.repo.dir.relativize(p).toString().replace('\\', '/');
        if (!rel.startsWith(".git/")) {
          files.add(SourceFile.of(rel, Files.readAllBytes(p)));
        }
      }
    }
    ScanEngine engine = new ScanEngine(List.of(scanner), ruleIds, policy, s.repo.dir, 1, Map.of("change", options), null);
    ScanEngine.Result result = engine.run(files);
    try (GitWorkspace ws = GitWorkspace.find(s.repo.dir).orElseThrow()) {
      ChangeSet changes = ws.diffAgainst("main");
      Set<String> changed = changes.changedPaths();
      return new Gate(policy).judge(result.findings(), result.coverage(), Waivers.none(), Baseline.empty(),
          new Gate.DiffBase(changed::contains, Set.of(), changes.baseCommit()));
    }
  }

  @Test
  void builtInPolicyBlocksAnUnreviewedAuthChangeAndInlineSuppressionCannotHideIt() throws Exception {
    try (Scenario s = Scenario.create(dir)) {
      s.repo.write("src/auth/Login.java", "class Login {\n  // shipgate:ignore change/review/missing-approval -- trust me\n"
          + "  boolean check(String password) { return true; }\n}\n");
      s.repo.commit("weaken login");
      Gate.Outcome outcome = gate(s, Map.of("base", "main"));
      assertThat(outcome.verdict().exitCode()).isEqualTo(1);
      assertThat(outcome.verdict().reasons()).singleElement().asString().contains("1 blocking finding");
      Finding f = outcome.findings().stream().filter(x -> x.ruleId().equals("change/review/missing-approval")).findFirst().orElseThrow();
      assertThat(f.status()).isEqualTo(FindingStatus.OPEN);
      assertThat(f.blocking()).isTrue();
      assertThat(f.fingerprint()).isNotEmpty();
    }
  }

  @Test
  void ownerApprovalOnTheCodeHostLetsTheGatePass() throws Exception {
    try (Scenario s = Scenario.create(dir)) {
      s.repo.write("src/auth/Login.java", "class Login { boolean check(String user) { return true; } }\n");
      s.repo.commit("weaken login");
      Path reviews = ReviewPolicyTest.reviews(s, "alice", s.repo.head());
      Gate.Outcome outcome = gate(s, Map.of("base", "main", "reviews", reviews.toString()));
      assertThat(outcome.verdict().exitCode()).isZero();
      // What remains is the built-in ignore-file warning, about files this change did not touch.
      assertThat(outcome.findings()).singleElement().satisfies(f -> {
        assertThat(f.ruleId()).isEqualTo("change/hygiene/ai-ignore-missing");
        assertThat(f.status()).isEqualTo(FindingStatus.PREEXISTING);
        assertThat(f.blocking()).isFalse();
      });
    }
  }

  @Test
  void withoutBaseTheFamilyAddsNothingToAWholeTreeScan() throws Exception {
    try (Scenario s = Scenario.create(dir)) {
      s.repo.write("src/auth/Login.java", "class Login { boolean check(String user) { return true; } }\n");
      s.repo.commit("weaken login");
      assertThat(gate(s, Map.of()).findings()).isEmpty();
    }
  }
}
