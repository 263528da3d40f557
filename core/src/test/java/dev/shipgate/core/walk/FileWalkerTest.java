package dev.shipgate.core.walk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.shipgate.core.gate.Coverage;
import dev.shipgate.core.policy.Policy;
import dev.shipgate.core.policy.PolicyLoader;
import dev.shipgate.core.scan.SourceFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileWalkerTest {

  @TempDir Path root;

  private static List<String> paths(FileWalker.Result r) {
    return r.files().stream().map(SourceFile::path).toList();
  }

  private void write(String rel, String content) throws Exception {
    Path p = root.resolve(rel);
    Files.createDirectories(p.getParent());
    Files.writeString(p, content);
  }

  @Test
  void gitignoreRulesApplyPerDirectoryWithNegation() throws Exception {
    write(".gitignore", "*.log\nbuild/\n!keep.log\n");
    write("a.log", "x");
    write("keep.log", "x");
    write("build/out.txt", "x");
    write("src/Main.java", "x");
    write("src/.gitignore", "generated/\n");
    write("src/generated/G.java", "x");
    write(".git/config", "x");
    FileWalker.Result r = new FileWalker(root, root, Policy.defaults()).walk();
    assertThat(paths(r)).containsExactly(".gitignore", "keep.log", "src/.gitignore", "src/Main.java");
    assertThat(r.ignoredByGit()).isEqualTo(3);
  }

  @Test
  void ancestorGitignoreAppliesWhenScanningASubdirectory() throws Exception {
    write(".gitignore", "*.tmp\n");
    write("svc/a.tmp", "x");
    write("svc/b.txt", "x");
    FileWalker w = new FileWalker(root.resolve("svc"), root, Policy.defaults());
    assertThat(w.prefix()).isEqualTo("svc");
    assertThat(paths(w.walk())).containsExactly("svc/b.txt");
  }

  @Test
  void policyExcludesAndSizeLimitAreReported() throws Exception {
    Policy p = new PolicyLoader(Map.of(), Set.of()).parse("version: 1\npaths: {exclude: [\"**/fixtures/**\"]}\nlimits: {max_file_size: 10}\n", "shipgate.yml", "");
    write("src/fixtures/f.txt", "x");
    write("src/big.txt", "0123456789ABCDEF");
    write("src/small.txt", "ok");
    FileWalker.Result r = new FileWalker(root, null, p).walk();
    assertThat(paths(r)).containsExactly("src/small.txt");
    assertThat(r.excludedByPolicy()).isEqualTo(1);
    assertThat(r.skipped()).extracting(Coverage.Skipped::path).containsExactly("src/big.txt");
    assertThat(r.skipped().get(0).reason()).contains("larger than the limit");
  }

  @Test
  void ownAuditLogIsReportedAsSkippedNotScanned() throws Exception {
    write(".shipgate/audit.jsonl", "{\"seq\":1}\n");
    write(".shipgate/waivers.yml", "waivers: []\n");
    FileWalker.Result r = new FileWalker(root, root, Policy.defaults()).walk();
    assertThat(paths(r)).containsExactly(".shipgate/waivers.yml");
    assertThat(r.skipped()).singleElement().satisfies(s -> {
      assertThat(s.path()).isEqualTo(FileWalker.AUDIT_LOG);
      assertThat(s.reason()).isEqualTo("shipgate's own audit log");
    });
  }

  @Test
  void symlinksAreNeverFollowedAndLoopsAreHarmless() throws Exception {
    Path outside = Files.createTempDirectory("outside");
    Files.writeString(outside.resolve("secret.txt"), "outside the tree");
    write("real/a.txt", "x");
    Files.createSymbolicLink(root.resolve("out"), outside);
    Files.createSymbolicLink(root.resolve("real/loop"), root);
    Files.createSymbolicLink(root.resolve("link.txt"), outside.resolve("secret.txt"));
    FileWalker.Result r = new FileWalker(root, null, Policy.defaults()).walk();
    assertThat(paths(r)).containsExactly("real/a.txt");
    assertThat(r.skipped()).extracting(Coverage.Skipped::path).containsExactlyInAnyOrder("link.txt", "out", "real/loop");
    assertThat(r.skipped()).allSatisfy(s -> assertThat(s.reason()).contains("symbolic link"));
  }

  @Test
  void unreadableDirectoryIsReportedNotFatal() throws Exception {
    assumeTrue(!"root".equals(System.getProperty("user.name")), "root reads everything: permission test needs a normal user");
    write("locked/a.txt", "x");
    write("open/b.txt", "x");
    Path locked = root.resolve("locked");
    Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
    try {
      FileWalker.Result r = new FileWalker(root, null, Policy.defaults()).walk();
      assertThat(paths(r)).containsExactly("open/b.txt");
      assertThat(r.skipped()).anySatisfy(s -> assertThat(s.path()).startsWith("locked"));
    } finally {
      Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwx------"));
    }
  }

  @Test
  void filesComeOutSortedAndContentIsLazy() throws Exception {
    write("b.txt", "2");
    write("a.txt", "1");
    FileWalker.Result r = new FileWalker(root, null, Policy.defaults()).walk();
    assertThat(paths(r)).containsExactly("a.txt", "b.txt");
    assertThat(r.files().get(1).text()).isEqualTo("2");
  }
}
