package dev.shipgate.scanner.arch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipgate.core.model.Finding;
import dev.shipgate.core.scan.SourceFile;
import dev.shipgate.testing.RecordingContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Hostile input: the scanner reports or skips with a reason, and never crashes. */
class RobustnessTest {

  static final String POLICY = """
      version: 1
      scanners:
        arch:
          forbidden:
            - {id: raw-http, java: [java.net.HttpURLConnection], modules: [axios, requests], message: Use the wrapper}
          dependencies:
            forbidden:
              - {id: no-axios, npm: [axios], maven: ["org.apache.httpcomponents:*"], message: Use fetch}
            required:
              - {id: telemetry, npm: ["@acme/telemetry"], message: Ship telemetry}
      """;

  private final ArchScanner scanner = new ArchScanner();

  private RecordingContext scan(String policy, SourceFile... files) throws Exception {
    RecordingContext ctx = new RecordingContext(Path.of("."), Fixtures.archSettings(policy));
    scanner.scan(List.of(files), ctx);
    return ctx;
  }

  @Test
  void unparsableJavaIsSkippedAndTheRestIsChecked() throws Exception {
    RecordingContext ctx = scan(POLICY,
        SourceFile.of("src/Broken.java", "package a;\nclass Broken { void m( { java.net.HttpURLConnection c; }\n"),
        SourceFile.of("src/Good.java", "package a;\nclass Good {\n  java.net.HttpURLConnection c;\n}\n"),
        SourceFile.of("src/Binary.java", new byte[] {(byte) 0xff, 0, 1, 2, (byte) 0xfe}));
    assertThat(ctx.errors()).isEmpty();
    assertThat(ctx.skippedFiles()).extracting(s -> s.path()).contains("src/Broken.java");
    assertThat(ctx.findings()).extracting(f -> f.location().toString()).containsExactly("src/Good.java:3:3");
  }

  @Test
  void deeplyNestedJavaDoesNotCrash() throws Exception {
    String expr = "(".repeat(3000) + "1" + ")".repeat(3000);
    RecordingContext ctx = scan(POLICY, SourceFile.of("src/Deep.java",
        "package a;\nclass Deep {\n  int x = " + expr + ";\n  java.net.HttpURLConnection c;\n}\n"));
    assertThat(ctx.errors()).isEmpty();
    assertThat(ctx.findings().size() + ctx.skippedFiles().size()).isPositive();
  }

  @Test
  void binaryAndMalformedManifestsAreSkipped() throws Exception {
    byte[] noise = new byte[64 * 1024];
    new Random(7).nextBytes(noise);
    RecordingContext ctx = scan(POLICY,
        SourceFile.of("package.json", noise),
        SourceFile.of("a/package.json", "[" .repeat(100_000)),
        SourceFile.of("b/package.json", "{\"dependencies\": {\"axios\": "),
        SourceFile.of("pom.xml", "<project><dependencies><dependency><groupId>x</groupId></dependencies>"),
        SourceFile.of("c/pom.xml", "<!DOCTYPE p [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><project>&e;</project>"));
    assertThat(ctx.errors()).isEmpty();
    assertThat(ctx.findings()).isEmpty();
    assertThat(ctx.skippedFiles()).extracting(s -> s.path())
        .containsExactlyInAnyOrder("package.json", "a/package.json", "b/package.json", "pom.xml", "c/pom.xml");
  }

  @Test
  void hugePackageJsonIsReadWithPositions() throws Exception {
    StringBuilder json = new StringBuilder("{\n  \"name\": \"big\",\n  \"dependencies\": {\n");
    for (int i = 0; i < 100_000; i++) {
      json.append("    \"pkg-").append(i).append("\": \"^1.0.").append(i).append("\",\n");
    }
    json.append("    \"axios\": \"1.7.0\"\n  },\n  \"devDependencies\": {\"@acme/telemetry\": \"2.0.0\"}\n}\n");
    RecordingContext ctx = scan(POLICY, SourceFile.of("package.json", json.toString()));
    assertThat(ctx.findings()).extracting(Finding::ruleId, f -> f.location().startLine())
        .containsExactly(org.assertj.core.groups.Tuple.tuple("arch/dependency/forbidden", 100_004));
  }

  @Test
  void hugeGradleScriptIsReadInLinearTime() throws Exception {
    StringBuilder g = new StringBuilder();
    for (int b = 0; b < 1_000; b++) {
      g.append("dependencies {\n");
      for (int i = 0; i < 50; i++) {
        g.append("  implementation 'com.example:lib").append(b).append('-').append(i).append(":1.0' /* ' { */\n");
      }
      g.append("}\n");
    }
    g.append("dependencies { implementation \"org.apache.httpcomponents:httpclient:4.5\" }\n");
    RecordingContext ctx = scan(POLICY, SourceFile.of("build.gradle", g.toString()));
    assertThat(ctx.findings()).extracting(f -> f.location().startLine()).containsExactly(52_001);
  }

  @Test
  void requiredNpmDependencyIsReportedOnTheTopMostManifest() throws Exception {
    RecordingContext ctx = scan(POLICY,
        SourceFile.of("web/package.json", "{\"dependencies\": {\"react\": \"18\"}}"),
        SourceFile.of("package.json", "{\"name\": \"root\",\n\"devDependencies\": {\"axios\": \"1\"}}"),
        SourceFile.of("node_modules/x/package.json", "{\"dependencies\": {\"axios\": \"1\"}}"));
    assertThat(ctx.findings()).extracting(f -> f.ruleId() + "@" + f.location())
        .containsExactlyInAnyOrder("arch/dependency/forbidden@package.json:2", "arch/dependency/required@package.json:1");
  }

  @Test
  void deeplyNestedJavaScriptAndPython() throws Exception {
    String js = "const a = " + "(".repeat(200_000) + "require('axios')" + ")".repeat(200_000) + ";\n"
        + "const t = " + "`${".repeat(50_000) + "require('requests')" + "}`".repeat(50_000) + ";\n"
        + "const u = '" + "\\\\".repeat(5_000) + "';\nconst v = /[/]axios/; import('axios');\n";
    String py = "x = " + "[".repeat(100_000) + "]".repeat(100_000) + "\n" + "s = '''" + "import requests\n".repeat(1000)
        + "'''\nfrom requests import get\n";
    RecordingContext ctx = scan(POLICY, SourceFile.of("deep.js", js), SourceFile.of("deep.py", py));
    assertThat(ctx.errors()).isEmpty();
    assertThat(ctx.findings()).extracting(f -> f.location().toString())
        .containsExactlyInAnyOrder("deep.js:1", "deep.js:2", "deep.js:4", "deep.py:1003");
  }

  @Test
  void malformedPolicyIsAPositionedError() throws Exception {
    RecordingContext ctx = scan("version: 1\nscanners:\n  arch:\n    forbidden:\n      - {id: x, java: [\"a b\"], message: m}\n",
        SourceFile.of("A.java", "class A {}"));
    assertThat(ctx.errors()).singleElement().satisfies(e -> {
      assertThat(e.path()).isEqualTo("shipgate.yml");
      assertThat(e.line()).isEqualTo(5);
      assertThat(e.message()).startsWith("shipgate.yml:5:").contains("not a Java name pattern");
    });
    assertThat(ctx.findings()).isEmpty();
  }

  @Test
  void enabledAloneIsNoRail() throws Exception {
    RecordingContext ctx = scan("version: 1\nscanners:\n  arch: {enabled: true}\n", SourceFile.of("x.py", "import requests"));
    assertThat(ctx.errors()).isEmpty();
    assertThat(ctx.findings()).isEmpty();
  }

  @Test
  void emptyPolicyTouchesNothing() throws Exception {
    SourceFile unreadable = SourceFile.lazy("A.java", 10, () -> {
      throw new java.io.IOException("must not be read");
    });
    RecordingContext ctx = new RecordingContext(Path.of("."), dev.shipgate.core.policy.Settings.empty("shipgate.yml"));
    scanner.scan(List.of(unreadable, SourceFile.of("x.py", "import requests".getBytes(StandardCharsets.UTF_8))), ctx);
    assertThat(ctx.findings()).isEmpty();
    assertThat(ctx.errors()).isEmpty();
  }
}
