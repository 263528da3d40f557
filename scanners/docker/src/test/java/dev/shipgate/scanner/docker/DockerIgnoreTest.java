package dev.shipgate.scanner.docker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipgate.core.model.Finding;
import dev.shipgate.core.policy.Settings;
import dev.shipgate.core.scan.SourceFile;
import dev.shipgate.scanner.docker.dockerfile.DockerIgnore;
import dev.shipgate.testing.RecordingContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code COPY . .} is judged together with the build context's ignore file, a second file of the scan. */
class DockerIgnoreTest {

  private static final String RULE = "docker/dockerfile/context-copy-unfiltered";
  private static final String DOCKERFILE = "FROM node:20.11-alpine3.19\nWORKDIR /app\nCOPY . .\nUSER node\nCMD [\"node\", \"server.js\"]\n";

  private static List<Finding> scan(Path root, String... pathsAndTexts) throws Exception {
    List<SourceFile> files = new ArrayList<>();
    for (int i = 0; i < pathsAndTexts.length; i += 2) {
      files.add(SourceFile.of(pathsAndTexts[i], pathsAndTexts[i + 1]));
    }
    RecordingContext ctx = new RecordingContext(root, Settings.empty("<test>"));
    new DockerScanner().scan(files, ctx);
    assertThat(ctx.errors()).isEmpty();
    return ctx.findings().stream().filter(f -> f.ruleId().equals(RULE)).toList();
  }

  @Test
  void ignoreFileThatExcludesSecretsSilencesTheCopy(@TempDir Path root) throws Exception {
    assertThat(scan(root, "app/Dockerfile", DOCKERFILE, "app/.dockerignore", "# secrets\n.git\n.env*\n*.pem\n**/id_rsa*\nnode_modules\n")).isEmpty();
  }

  @Test
  void allowListIgnoreFileCountsAsExcludingEverythingElse(@TempDir Path root) throws Exception {
    assertThat(scan(root, "Dockerfile", DOCKERFILE, ".dockerignore", "*\n!src/\n!package*.json\n")).isEmpty();
  }

  @Test
  void missingIgnoreFileIsReportedOnTheCopyLine(@TempDir Path root) throws Exception {
    List<Finding> found = scan(root, "app/Dockerfile", DOCKERFILE, "other/.dockerignore", "*\n");
    assertThat(found).singleElement().satisfies(f -> {
      assertThat(f.location().startLine()).isEqualTo(3);
      assertThat(f.message()).contains("no .dockerignore");
    });
  }

  @Test
  void incompleteIgnoreFileNamesWhatItLetsThrough(@TempDir Path root) throws Exception {
    List<Finding> found = scan(root, "Dockerfile", DOCKERFILE, ".dockerignore", "node_modules\n.git\n# .env\n!.env.example\n");
    assertThat(found).singleElement().satisfies(f -> assertThat(f.message()).endsWith(".dockerignore does not exclude .env, *.pem, id_rsa"));
  }

  @Test
  void exceptionLinesReIncludeWhatAnEarlierLineExcluded(@TempDir Path root) throws Exception {
    List<Finding> found = scan(root, "Dockerfile", DOCKERFILE, ".dockerignore", ".git\n.env\n*.pem\nid_rsa\n!.env\n");
    assertThat(found).singleElement().satisfies(f -> assertThat(f.message()).endsWith("does not exclude .env"));
  }

  @Test
  void aDockerfileSpecificIgnoreFileWinsOverTheSharedOne(@TempDir Path root) throws Exception {
    List<Finding> found = scan(root, "build/api.Dockerfile", DOCKERFILE, "build/api.Dockerfile.dockerignore", "node_modules\n",
        "build/.dockerignore", ".git\n.env\n*.pem\nid_rsa\n");
    assertThat(found).singleElement().satisfies(f -> assertThat(f.message()).contains("build/api.Dockerfile.dockerignore"));
  }

  @Test
  void composeFilesSayWhichDirectoryIsTheBuildContext(@TempDir Path root) throws Exception {
    String compose = "services:\n  api:\n    build: {context: .., dockerfile: docker/api.Dockerfile}\n  web:\n    build: ../web\n";
    String good = ".git\n.env\n*.pem\nid_rsa\n";
    // The api Dockerfile lives in docker/ but is built from the repository root, whose .dockerignore applies.
    assertThat(scan(root, "deploy/compose.yaml", compose, "docker/api.Dockerfile", DOCKERFILE, ".dockerignore", good)).isEmpty();
    assertThat(scan(root, "docker/api.Dockerfile", DOCKERFILE, ".dockerignore", good)).hasSize(1);
    // build: ../web makes web/ the context of web/Dockerfile.
    assertThat(scan(root, "deploy/compose.yaml", compose, "web/Dockerfile", DOCKERFILE, "web/.dockerignore", "node_modules\n"))
        .singleElement().satisfies(f -> assertThat(f.message()).contains("web/.dockerignore does not exclude"));
    // A context outside the repository or from a URL cannot be judged from here: the Dockerfile's directory is used.
    assertThat(DockerScanner.normalize("deploy/../../x")).isNull();
    assertThat(DockerScanner.normalize("deploy/./../web/Dockerfile")).isEqualTo("web/Dockerfile");
  }

  @Test
  void ignoreFileOutsideTheScannedFilesIsReadFromTheWorkingTree(@TempDir Path root) throws Exception {
    // --staged scans only staged files; the .dockerignore next to the Dockerfile is still on disk.
    Files.createDirectories(root.resolve("svc"));
    Files.writeString(root.resolve("svc/.dockerignore"), ".git\n.env\n*.pem\nid_rsa\n");
    assertThat(scan(root, "svc/Dockerfile", DOCKERFILE)).isEmpty();
    assertThat(scan(root, "Dockerfile", DOCKERFILE)).hasSize(1);
  }

  @Test
  void dockerPatternSemantics() {
    DockerIgnore ignore = DockerIgnore.parse("# comment\n/build\n**/*.log\ndocs/*.md\n!docs/README.md\nsecret?.txt\n[a-c]x\n  spaced  \n");
    assertThat(ignore.excludes("build/out/app.jar")).isTrue();
    assertThat(ignore.excludes("src/build")).isFalse();
    assertThat(ignore.excludes("a/b/c/debug.log")).isTrue();
    assertThat(ignore.excludes("debug.log")).isTrue();
    assertThat(ignore.excludes("docs/guide.md")).isTrue();
    assertThat(ignore.excludes("docs/sub/guide.md")).isFalse();
    assertThat(ignore.excludes("docs/README.md")).isFalse();
    assertThat(ignore.excludes("secret1.txt")).isTrue();
    assertThat(ignore.excludes("secret10.txt")).isFalse();
    assertThat(ignore.excludes("bx")).isTrue();
    assertThat(ignore.excludes("dx")).isFalse();
    assertThat(ignore.excludes("spaced")).isTrue();
    assertThat(ignore.excludes("# comment")).isFalse();
  }
}
