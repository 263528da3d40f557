package dev.shipgate.scanner.change;

import dev.shipgate.core.model.Finding;
import dev.shipgate.core.policy.Settings;
import dev.shipgate.scanner.change.command.Commands;
import dev.shipgate.testing.RecordingContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/**
 * A repository with a policy, CODEOWNERS and trusted keys on {@code main}, and a feature branch checked out: the
 * starting point of the scanner and command tests. {@code @dev} writes the changes; {@code @alice} is a security
 * owner and owns src/auth; {@code @carol} owns src/auth through the team {@code @acme/auth}; {@code @bob} has a
 * trusted key but owns nothing.
 */
final class Scenario implements AutoCloseable {

  static final String POLICY = """
      version: 1
      scanners:
        change:
          security_owners: ["@acme/security"]
          teams:
            "@acme/security": ["@alice"]
            "@acme/auth": ["@carol"]
          identities:
            "@dev": ["dev@example.com", "dev-gh"]
            "@alice": ["alice@example.com", "alice-gh"]
            "@carol": ["carol@example.com"]
          trusted_keys:
            "@alice": .shipgate/keys/alice.pub.pem
            "@bob": .shipgate/keys/bob.pub.pem
            "@carol": .shipgate/keys/carol.pub.pem
            "@dev": .shipgate/keys/dev.pub.pem
          ai_ignore: {check: false, reason: "the ignore-file tests configure this themselves"}
      """;

  static final String CODEOWNERS = """
      # everything else
      *            @general-owner
      /src/auth/   @acme/auth @alice
      """;

  static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");

  final TestRepo repo;
  final Path keys;
  final Path alice;
  final Path bob;
  final Path carol;
  final Path dev;

  private Scenario(TestRepo repo, Path keys) throws Exception {
    this.repo = repo;
    this.keys = keys;
    repo.write("shipgate.yml", POLICY);
    repo.write(".github/CODEOWNERS", CODEOWNERS);
    repo.write("src/App.java", "class App {\n  void run() {}\n}\n");
    repo.write("src/auth/Login.java", "class Login {\n  boolean check(String user) {\n    return user != null;\n  }\n}\n");
    repo.write("README.md", "# demo\n");
    alice = repo.key("alice", keys);
    bob = repo.key("bob", keys);
    carol = repo.key("carol", keys);
    dev = repo.key("dev", keys);
    repo.commit("base");
    repo.branch("feature");
  }

  static Scenario create(Path dir) throws Exception {
    Path repoDir = dir.resolve("repo");
    Path keys = dir.resolve("keys");
    Files.createDirectories(keys);
    return new Scenario(TestRepo.init(repoDir), keys);
  }

  Settings settings() throws Exception {
    return PolicyFiles.parse("shipgate.yml", repo.read("shipgate.yml")).section("scanners").section("change");
  }

  RecordingContext scan(String... options) throws Exception {
    return scan(NOW, options);
  }

  RecordingContext scan(Instant now, String... options) throws Exception {
    RecordingContext context = new RecordingContext(repo.dir, settings());
    for (int i = 0; i < options.length; i += 2) {
      context.option(options[i], options[i + 1]);
    }
    new ChangeScanner(Clock.fixed(now, ZoneOffset.UTC)).scan(List.of(), context);
    return context;
  }

  RecordingContext scanBase(String... options) throws Exception {
    String[] all = new String[options.length + 2];
    all[0] = "base";
    all[1] = "main";
    System.arraycopy(options, 0, all, 2, options.length);
    return scan(all);
  }

  /** Runs {@code shipgate approve} in the repository at a fixed time; returns its exit code. */
  int approve(Instant now, String... args) {
    return Commands.approve(repo.dir, now, args);
  }

  int approve(String... args) {
    return approve(NOW, args);
  }

  static List<Finding> of(RecordingContext c, String ruleId) {
    return c.findings().stream().filter(f -> f.ruleId().equals(ruleId)).toList();
  }

  static List<String> rules(RecordingContext c) {
    return c.findings().stream().map(Finding::ruleId).sorted().toList();
  }

  @Override
  public void close() {
    repo.close();
  }
}
