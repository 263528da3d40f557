package dev.shipgate.scanner.secrets;

import dev.shipgate.core.scan.Binary;
import dev.shipgate.core.model.Finding;
import dev.shipgate.core.scan.ScanContext;
import java.io.File;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.jgit.errors.LargeObjectException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevObject;
import org.eclipse.jgit.revwalk.RevSort;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.TreeFilter;

/**
 * Scans the git history below the scan root: every commit reachable from any ref (minus those reachable
 * from {@code since}), oldest first, each distinct blob once. A finding is attributed to the first commit
 * that brought its blob in; the blob's later copies, moves and re-commits cost nothing, and a secret that
 * stays in a file through later edits is reported once per path, at the commit that introduced it.
 */
public final class HistoryScan {

  /** What one walk did, for coverage and for tests that prove blobs are read once. */
  public record Stats(int commits, int blobsScanned, int blobsSkipped, int findings) {}

  private static final String WHERE = "<git history>";

  private final SecretEngine engine;
  private final long maxBlobSize;

  HistoryScan(SecretEngine engine, long maxBlobSize) {
    this.engine = engine;
    this.maxBlobSize = maxBlobSize;
  }

  Stats run(ScanContext context) {
    // Keeps JGit from running the git binary to locate the system config (see JGitSetup).
    dev.shipgate.git.JGitSetup.init();
    Repository repo;
    try {
      repo = new FileRepositoryBuilder().readEnvironment().findGitDir(context.root().toFile()).setMustExist(true).build();
    } catch (IOException | IllegalArgumentException e) {
      context.error(WHERE, 0, "--history needs a git repository at " + context.root() + ": " + e.getMessage());
      return new Stats(0, 0, 0, 0);
    }
    try (repo) {
      if (repo.getDirectory() == null || !new File(repo.getDirectory(), "objects").isDirectory()) {
        context.error(WHERE, 0, "no git object database under " + context.root());
        return new Stats(0, 0, 0, 0);
      }
      File shallow = new File(repo.getDirectory(), "shallow");
      if (shallow.isFile() && shallow.length() > 0) {
        context.skipped(WHERE, "shallow clone: commits before the shallow boundary are not available, history scan is incomplete"
            + " (run git fetch --unshallow for a full scan)");
      }
      return walk(repo, context);
    }
  }

  private Stats walk(Repository repo, ScanContext context) {
    int commits = 0;
    int scanned = 0;
    int skipped = 0;
    int findings = 0;
    Set<ObjectId> seen = new HashSet<>();
    Set<String> reported = new HashSet<>();
    try (ObjectReader reader = repo.newObjectReader(); RevWalk rw = new RevWalk(reader)) {
      if (!markStarts(repo, rw, context)) {
        return new Stats(0, 0, 0, 0);
      }
      // Parents before children: the first commit that shows a blob is the one that introduced it.
      rw.sort(RevSort.TOPO, true);
      rw.sort(RevSort.REVERSE, true);
      for (RevCommit c : rw) {
        if (context.cancelled()) {
          context.skipped(WHERE, "time budget spent after " + commits + " commits; remaining history not scanned");
          break;
        }
        commits++;
        try (TreeWalk tw = new TreeWalk(reader)) {
          tw.setRecursive(true);
          tw.addTree(c.getTree());
          for (RevCommit p : c.getParents()) {
            rw.parseHeaders(p);
            tw.addTree(p.getTree());
          }
          if (c.getParentCount() > 0) {
            tw.setFilter(TreeFilter.ANY_DIFF);
          }
          while (tw.next()) {
            int mode = tw.getRawMode(0);
            if (mode == 0 || (FileMode.REGULAR_FILE.equals(mode) == false && FileMode.EXECUTABLE_FILE.equals(mode) == false)) {
              continue;
            }
            ObjectId blob = tw.getObjectId(0);
            if (!seen.add(blob)) {
              continue;
            }
            String path = tw.getPathString();
            String where = path + "@" + c.getName().substring(0, 12);
            if (PathHints.isBinaryName(path)) {
              skipped++;
              context.skipped(where, "binary file type");
              continue;
            }
            byte[] bytes;
            try {
              long size = reader.getObjectSize(blob, Constants.OBJ_BLOB);
              if (size > maxBlobSize) {
                skipped++;
                context.skipped(where, "blob larger than history-max-blob-size (" + size + " > " + maxBlobSize + " bytes)");
                continue;
              }
              bytes = reader.open(blob, Constants.OBJ_BLOB).getCachedBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBlobSize));
            } catch (LargeObjectException e) {
              skipped++;
              context.skipped(where, "blob too large to load");
              continue;
            } catch (IOException | RuntimeException e) {
              context.error(path, 0, "cannot read git blob " + blob.getName() + " (commit " + c.getName() + "): " + e.getMessage());
              continue;
            }
            List<Finding> found = new ArrayList<>();
            String keyStore = KeyStoreFiles.isKeyStoreName(path) ? KeyStoreFiles.keyStoreKind(bytes) : null;
            if (keyStore != null) {
              found.add(KeyStoreFiles.finding(path, bytes, keyStore, attribution(c)));
            } else if (ArchiveScan.isArchiveName(path) && ArchiveScan.isZip(bytes)) {
              ArchiveScan.scan(path, bytes, engine, maxBlobSize, context, attribution(c), found::add);
            } else if (Binary.looksBinary(bytes)) {
              skipped++;
              context.skipped(where, "binary content");
              continue;
            } else {
              for (SecretEngine.Match m : engine.scan(path, bytes)) {
                found.add(SecretsScanner.finding(path, m, attribution(c)));
              }
            }
            scanned++;
            for (Finding f : found) {
              // Later versions of the file (or archive entry) still carry the secret: report it once per path,
              // at the oldest commit (parents are walked first).
              if (reported.add(f.location().path() + "\0" + f.contextKey())) {
                context.report(f);
                findings++;
              }
            }
          }
        } catch (IOException | RuntimeException e) {
          context.error(WHERE, 0, "cannot read the tree of commit " + c.getName() + ": " + e.getMessage());
        }
      }
    } catch (IOException | RuntimeException e) {
      context.error(WHERE, 0, "history walk stopped: " + e.getMessage());
    }
    return new Stats(commits, scanned, skipped, findings);
  }

  private static boolean markStarts(Repository repo, RevWalk rw, ScanContext context) throws IOException {
    boolean any = false;
    for (Ref ref : repo.getRefDatabase().getRefs()) {
      ObjectId id = ref.getPeeledObjectId() != null ? ref.getPeeledObjectId() : ref.getObjectId();
      if (id == null) {
        continue;
      }
      try {
        RevObject o = rw.peel(rw.parseAny(id));
        if (o instanceof RevCommit commit) {
          rw.markStart(commit);
          any = true;
        }
      } catch (IOException e) {
        context.error(WHERE, 0, "cannot read ref " + ref.getName() + " (" + id.getName() + "): " + e.getMessage());
      }
    }
    String since = context.option("since").orElse(null);
    if (since != null && !since.isBlank()) {
      ObjectId base = repo.resolve(since + "^{commit}");
      if (base == null) {
        context.error(WHERE, 0, "--since " + since + " does not name a commit");
        return false;
      }
      rw.markUninteresting(rw.parseCommit(base));
    }
    return any;
  }

  private static Map<String, String> attribution(RevCommit c) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("commit", c.getName());
    PersonIdent a = c.getAuthorIdent();
    m.put("commit_author", a.getName());
    m.put("commit_email", a.getEmailAddress());
    m.put("commit_date", Instant.ofEpochSecond(c.getCommitTime()).toString());
    return m;
  }
}
