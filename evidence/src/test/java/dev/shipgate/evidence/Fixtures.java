package dev.shipgate.evidence;

import dev.shipgate.core.gate.Coverage;
import dev.shipgate.core.gate.ScanReport;
import dev.shipgate.core.gate.Verdict;
import dev.shipgate.core.model.Confidence;
import dev.shipgate.core.model.Finding;
import dev.shipgate.core.model.FindingStatus;
import dev.shipgate.core.model.Rule;
import dev.shipgate.core.model.Severity;
import dev.shipgate.git.JGitSetup;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.StoredConfig;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.util.FS;
import org.eclipse.jgit.util.FS_POSIX;

/** Temporary git repositories (JGit only) and scan reports for the tests. */
final class Fixtures {

  static {
    JGitSetup.init();
    // Creating a repository probes core.filemode, which asks `sh -c umask` unless told.
    if (FS.DETECTED instanceof FS_POSIX posix) {
      posix.setUmask(0022);
    }
  }

  private static final PersonIdent AUTHOR =
      new PersonIdent("Test", "test@example.invalid", Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

  static final Rule SQL = Rule.builder("java/injection/sql", "java").title("SQL injection").severity(Severity.HIGH)
      .confidence(Confidence.HIGH).cwe("CWE-89").description("Untrusted data reaches a SQL query.")
      .fix("Use a parameterized query.").tags("owasp-top10:A03:2021", "asvs:4.0.3-5.3.4").build();
  static final Rule AWS = Rule.builder("secrets/aws/access-key-id", "secrets").title("AWS access key id")
      .severity(Severity.HIGH).confidence(Confidence.HIGH).cwe("CWE-798").description("A credential in the tree.")
      .fix("Revoke and remove it.").build();
  static final Rule DEBUG = Rule.builder("config/spring/debug-enabled", "config").title("Debug enabled")
      .severity(Severity.MEDIUM).confidence(Confidence.HIGH).cwe("CWE-489").description("Debug mode in production.")
      .fix("Turn it off.").tags("ssdf:PW.9.1", "iso27001:2022-A.8.9").build();
  static final Rule VULN = Rule.builder("deps/vulnerable/package", "deps").title("Vulnerable package")
      .severity(Severity.HIGH).confidence(Confidence.HIGH).cwe("CWE-1395").description("A known vulnerability.")
      .fix("Upgrade.").build();

  private Fixtures() {}

  static Git repo(Path dir) throws Exception {
    Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call();
    StoredConfig config = git.getRepository().getConfig();
    config.setString("core", null, "hooksPath", dir.resolve(".git/no-hooks").toString());
    config.save();
    return git;
  }

  static RevCommit commit(Git git, String path, String content) throws Exception {
    Path file = git.getRepository().getWorkTree().toPath().resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content, StandardCharsets.UTF_8);
    git.add().addFilepattern(".").call();
    return git.commit().setMessage("change " + path).setAuthor(AUTHOR).setCommitter(AUTHOR).setSign(false)
        .setNoVerify(true).call();
  }

  static Finding finding(Rule rule, String path, int line, FindingStatus status, String reason, boolean blocking) {
    return Finding.builder(rule).atLine(path, line).build().withFingerprint("fp-" + rule.id() + "-" + line)
        .withStatus(status, reason).withBlocking(blocking);
  }

  /**
   * A run of the java, secrets, config and deps families: SQL injection blocking (or not, when {@code passing}),
   * an AWS key waived by @alice, nothing from config, deps with an advisory database note.
   */
  static ScanReport report(boolean passing) {
    List<Finding> findings = new ArrayList<>();
    if (!passing) {
      findings.add(finding(SQL, "src/Dao.java", 12, FindingStatus.OPEN, null, true));
    }
    findings.add(finding(AWS, "conf/app.env", 3, FindingStatus.WAIVED,
        "waived by @alice until 2027-01-01: test fixture key, revoked", false));
    List<Coverage> coverage = List.of(
        new Coverage("files", "", 0, 12, List.of(), List.of(), 5),
        new Coverage("java", "1.0", 1, 4, List.of(), List.of(), 40),
        new Coverage("secrets", "1.0", 1, 12, List.of(new Coverage.Skipped("logo.png", "binary content")), List.of(), 10),
        new Coverage("config", "1.0", 1, 1, List.of(), List.of(), 2),
        new Coverage("deps", "1.0", 1, 1, List.of(), List.of(), 8));
    Verdict verdict = passing ? new Verdict(true, Verdict.PASS, List.of())
        : new Verdict(false, Verdict.FAILED, List.of("1 blocking finding"));
    return new ScanReport("0.1.0-test", "shipgate.yml", "sha256:" + "ab".repeat(32),
        List.of(new ScanReport.RulePack("java", "1.0", 1), new ScanReport.RulePack("secrets", "1.0", 1)),
        List.of(SQL, AWS, DEBUG, VULN), findings, coverage, verdict, Instant.parse("2026-11-22T01:00:00Z"), 1234, null,
        Map.of("advisory-database", "imported 2026-11-20 (2 days old)"));
  }

  static String read(Path p) throws IOException {
    return Files.readString(p, StandardCharsets.UTF_8);
  }
}
