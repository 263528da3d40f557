package dev.shipgate.bench.secrets;

import dev.shipgate.core.policy.Settings;
import dev.shipgate.testing.RecordingContext;
import dev.shipgate.core.scan.FileScanner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;

/**
 * Builds a git repository with COMMITS commits over FILES files (each commit edits one file; every 100th
 * adds a planted fake token) and times the secrets family's history walk over it, in-process.
 *
 * <p>Usage: {@code SecretHistoryBench DIR COMMITS [FILES]}
 */
public final class SecretHistoryBench {

  private SecretHistoryBench() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    int commits = Integer.parseInt(args[1]);
    int files = args.length > 2 ? Integer.parseInt(args[2]) : 200;
    if (!Files.isDirectory(dir.resolve(".git"))) {
      build(dir, commits, files);
    }
    FileScanner scanner = SecretScan.secretsScanner();
    RecordingContext ctx = new RecordingContext(dir, Settings.empty("<bench>")).option("history", "true");
    long t0 = System.nanoTime();
    scanner.finish(ctx);
    double s = (System.nanoTime() - t0) / 1e9;
    Object stats = scanner.getClass().getMethod("lastHistoryStats").invoke(scanner);
    System.out.printf("commits=%d files=%d history_seconds=%.2f findings=%d errors=%d stats=%s%n", commits, files, s,
        ctx.findings().size(), ctx.errors().size(), stats);
  }

  static void build(Path dir, int commits, int files) throws Exception {
    Files.createDirectories(dir);
    SecretCorpus corpus = new SecretCorpus(11);
    Random r = new Random(11);
    PersonIdent who = new PersonIdent("Bench", "bench@example.org");
    try (Git git = Git.init().setDirectory(dir.toFile()).call()) {
      for (int f = 0; f < files; f++) {
        StringBuilder sb = new StringBuilder();
        for (int l = 0; l < 40; l++) {
          sb.append(corpus.filler("py", l)).append('\n');
        }
        Files.writeString(dir.resolve("mod" + f + ".py"), sb.toString());
      }
      git.add().addFilepattern(".").call();
      git.commit().setMessage("initial").setAuthor(who).setCommitter(who).setSign(false).call();
      for (int c = 1; c < commits; c++) {
        Path p = dir.resolve("mod" + r.nextInt(files) + ".py");
        String line = c % 100 == 0
            ? SecretCorpus.assign("py", "github_token", corpus.checksummed("ghp_"))
            : corpus.filler("py", c);
        Files.writeString(p, Files.readString(p) + line + "\n");
        git.add().addFilepattern(dir.relativize(p).toString()).call();
        git.commit().setMessage("change " + c).setAuthor(who).setCommitter(who).setSign(false).call();
      }
    }
  }
}
