package dev.shipgate.scanner.arch.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipgate.core.model.Finding;
import dev.shipgate.core.policy.Policy;
import dev.shipgate.core.policy.PolicyLoader;
import dev.shipgate.core.scan.SourceFile;
import dev.shipgate.scanner.arch.ArchRules;
import dev.shipgate.scanner.arch.ArchScanner;
import dev.shipgate.testing.RecordingContext;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class AgentsCommandTest {

  static final String POLICY = """
      version: 1
      fail_on: {severity: medium, confidence: high}
      scanners:
        change:
          sensitive_paths: ["src/main/java/com/acme/auth/**", {path: ".github/workflows/**", reason: CI}]
        arch:
          forbidden:
            - id: raw-http
              java: [java.net.HttpURLConnection, "org.apache.http.**"]
              modules: [requests]
              allowed_in: [com.acme.http.**]
              message: HTTP calls go through com.acme.http.Client
          layers:
            web: [com.acme.web.**]
            repo: [com.acme.repo.**]
          layer_rules:
            - {id: web-uses-services, from: web, deny: [repo], message: Controllers call services}
          require:
            - {id: audited, annotated: org.springframework.web.bind.annotation.RestController, inject: com.acme.audit.AuditLogger, message: Audit every action}
          dependencies:
            forbidden:
              - {id: one-client, npm: [axios], maven: ["org.apache.httpcomponents:*"], message: Use the wrapper}
      """;

  @TempDir Path root;
  private String out;
  private String err;

  @BeforeEach
  void repository() throws Exception {
    Files.createDirectories(root.resolve(".git"));
    Files.writeString(root.resolve("shipgate.yml"), POLICY);
  }

  private int run(String... args) {
    StringWriter o = new StringWriter();
    StringWriter e = new StringWriter();
    CommandLine cl = new CommandLine(new AgentsCommand());
    cl.setOut(new PrintWriter(o));
    cl.setErr(new PrintWriter(e));
    List<String> all = new ArrayList<>(List.of(args));
    all.add(root.toString());
    int code = cl.execute(all.toArray(String[]::new));
    out = o.toString();
    err = e.toString();
    return code;
  }

  @Test
  void createsAgentsMdWithTheRailsInPlainWords() throws Exception {
    assertThat(run()).isZero();
    String text = Files.readString(root.resolve("AGENTS.md"));
    assertThat(text).startsWith("<!-- shipgate:begin digest=sha256:")
        .contains("HTTP calls go through com.acme.http.Client. Do not use `java.net.HttpURLConnection`, `org.apache.http.**`, "
            + "`requests` (Python/JavaScript module) outside `com.acme.http.**`.")
        .contains("Code in web (`com.acme.web.**`) must not import, call or hold types of repo (`com.acme.repo.**`)")
        .contains("Classes annotated `@org.springframework.web.bind.annotation.RestController` must inject `com.acme.audit.AuditLogger`")
        .contains("Do not add Maven `org.apache.httpcomponents:*`, npm `axios`")
        .contains("`src/main/java/com/acme/auth/**`, `.github/workflows/**`")
        .contains("severity medium or above with confidence high")
        .doesNotContain("reason")
        .endsWith("<!-- shipgate:end -->\n");
    assertThat(out).contains("AGENTS.md: created");
  }

  @Test
  void keepsUserTextAndIsIdempotent() throws Exception {
    Path claude = root.resolve("CLAUDE.md");
    Files.writeString(claude, "# Team notes\n\nUse small commits.\n");
    assertThat(run()).isZero(); // only existing instruction files are updated: CLAUDE.md, not AGENTS.md
    assertThat(root.resolve("AGENTS.md")).doesNotExist();
    String first = Files.readString(claude);
    assertThat(first).startsWith("# Team notes\n\nUse small commits.\n\n<!-- shipgate:begin");
    Files.writeString(claude, first + "\nMore notes after the section.\n");
    String withTail = Files.readString(claude);
    assertThat(run()).isZero();
    assertThat(out).contains("CLAUDE.md: up to date");
    assertThat(Files.readString(claude)).isEqualTo(withTail);

    Files.writeString(root.resolve("shipgate.yml"), POLICY.replace("Controllers call services", "Controllers call the service layer"));
    assertThat(run("--check")).isEqualTo(1);
    assertThat(out).contains("CLAUDE.md: section generated from a different policy");
    assertThat(run()).isZero();
    String updated = Files.readString(claude);
    assertThat(updated).startsWith("# Team notes\n\nUse small commits.\n\n<!-- shipgate:begin")
        .contains("Controllers call the service layer.").endsWith("\nMore notes after the section.\n");
    assertThat(run("--check")).isZero();
  }

  @Test
  void checkReportsHandEditsAndMissingFiles() throws Exception {
    assertThat(run("--check")).isEqualTo(1);
    assertThat(out).contains("AGENTS.md: file missing");
    assertThat(root.resolve("AGENTS.md")).doesNotExist();
    assertThat(run()).isZero();
    Path agents = root.resolve("AGENTS.md");
    Files.writeString(agents, Files.readString(agents).replace("Controllers call services", "Controllers may call anything"));
    assertThat(run("--check")).isEqualTo(1);
    assertThat(out).contains("section edited by hand");
  }

  @Test
  void allTargetsGetTheirFrontMatter() throws Exception {
    assertThat(run("--all")).isZero();
    assertThat(Files.readString(root.resolve(".cursor/rules/shipgate.mdc"))).startsWith("---\ndescription: ")
        .contains("alwaysApply: true\n---\n\n<!-- shipgate:begin");
    assertThat(Files.readString(root.resolve(".windsurf/rules/shipgate.md"))).startsWith("---\ntrigger: always_on\n---\n\n<!-- shipgate:begin");
    for (String p : List.of("AGENTS.md", "CLAUDE.md", "GEMINI.md", ".github/copilot-instructions.md")) {
      assertThat(Files.readString(root.resolve(p))).startsWith("<!-- shipgate:begin");
    }
    assertThat(run("--check", "--all")).isZero();
  }

  @Test
  void refusesBrokenMarkersAndBadPolicies() throws Exception {
    Files.writeString(root.resolve("AGENTS.md"), "intro\n<!-- shipgate:begin digest=sha256:00 -->\nno end marker\n");
    assertThat(run()).isEqualTo(2);
    assertThat(err).contains("AGENTS.md: line 2: a shipgate:begin marker without the shipgate:end marker");
    assertThat(Files.readString(root.resolve("AGENTS.md"))).isEqualTo("intro\n<!-- shipgate:begin digest=sha256:00 -->\nno end marker\n");

    Files.writeString(root.resolve("shipgate.yml"), POLICY.replace("java: [java.net.HttpURLConnection", "java: [java.net.Http-URL"));
    assertThat(run("--target", "gemini")).isEqualTo(2);
    assertThat(err).contains("shipgate.yml:9:").contains("not a Java name pattern");
    assertThat(run("--target", "nonsense")).isEqualTo(2);
    Files.delete(root.resolve("shipgate.yml"));
    assertThat(run()).isEqualTo(2);
    assertThat(err).contains("run `shipgate init` first");
  }

  @Test
  void stdoutPrintsTheSectionOnly() throws Exception {
    assertThat(run("--stdout")).isZero();
    assertThat(out).startsWith("<!-- shipgate:begin").endsWith("<!-- shipgate:end -->\n");
    try (var files = Files.list(root)) {
      assertThat(files.map(p -> p.getFileName().toString()).collect(Collectors.toSet())).containsExactlyInAnyOrder(".git", "shipgate.yml");
    }
  }

  /** The scanner's arch/agents/stale check and the command agree on what "current" means. */
  @Test
  void scannerAgreesWithTheCommand() throws Exception {
    assertThat(run("--target", "agents,copilot")).isZero();
    assertThat(staleFindings()).isEmpty();
    Files.writeString(root.resolve("shipgate.yml"), POLICY.replace("severity: medium", "severity: high"));
    List<Finding> stale = staleFindings();
    assertThat(stale).extracting(f -> f.location().path()).containsExactlyInAnyOrder("AGENTS.md", ".github/copilot-instructions.md");
    assertThat(stale).allMatch(f -> f.location().startLine() == 1 && f.message().contains("different policy"));
  }

  private List<Finding> staleFindings() throws Exception {
    ArchScanner scanner = new ArchScanner();
    PolicyLoader loader = new PolicyLoader(Map.of("arch", scanner.settingKeys(), "change", java.util.Set.of("sensitive_paths")),
        scanner.rules().stream().map(r -> r.id()).collect(Collectors.toSet()));
    Policy policy = loader.load(root.resolve("shipgate.yml"), "shipgate.yml", "");
    RecordingContext ctx = new RecordingContext(root, policy.settings("arch"));
    List<SourceFile> files = new ArrayList<>();
    for (String p : List.of("AGENTS.md", ".github/copilot-instructions.md")) {
      files.add(SourceFile.of(p, Files.readAllBytes(root.resolve(p))));
    }
    scanner.scan(files, ctx);
    assertThat(ctx.errors()).isEmpty();
    return ctx.findings().stream().filter(f -> f.rule().equals(ArchRules.AGENTS_STALE)).toList();
  }
}
