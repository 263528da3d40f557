package dev.shipgate.cli;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.Patch;
import dev.shipgate.core.fix.FixApplier;
import dev.shipgate.core.model.Finding;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code shipgate fix}: mechanical remediations as a verified patch. */
@Command(
    name = "fix",
    mixinStandardHelpOptions = true,
    description = {
      "Propose fixes for findings that have a mechanical remediation, as a unified diff on stdout.",
      "Every fix is proven by scanning the patched files again: a fix that leaves its finding or introduces a new one is refused.",
      "Exit codes: 0 every proposed fix holds (or nothing to fix), 1 some fixes were refused, 2 usage or configuration error."
    })
final class FixCommand implements Callable<Integer> {

  @Parameters(index = "0", arity = "0..1", paramLabel = "PATH", description = "Directory to fix (default: the current directory).")
  Path path = Path.of(".");

  @Option(names = "--config", paramLabel = "FILE", description = "Policy file to use instead of discovering shipgate.yml.")
  Path config;

  @Option(names = "--no-config", description = "Ignore any shipgate.yml and use the built-in defaults.")
  boolean noConfig;

  @Option(names = "--only", split = ",", paramLabel = "RULE-ID", description = "Fix only findings of these rules.")
  List<String> only = new ArrayList<>();

  @Option(names = "--apply", description = "Write the verified fixes to the files instead of only printing the diff.")
  boolean apply;

  @Option(names = "--interactive", description = "Ask for each verified fix whether to apply it (implies --apply).")
  boolean interactive;

  @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: all cores).")
  int threads = Runtime.getRuntime().availableProcessors();

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** Where interactive answers come from; tests replace it. */
  BufferedReader answers = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    ScanOptions o = new ScanOptions();
    o.path = path;
    o.config = config;
    o.noConfig = noConfig;
    o.threads = threads;
    if (threads < 1) {
      throw new UsageException("--threads must be at least 1");
    }
    FixRunner runner = new FixRunner(new ScanRunner(Scanners.REGISTRY, Clock.systemUTC()), Scanners.REGISTRY);
    FixRunner.Outcome outcome = runner.run(o, new LinkedHashSet<>(only));

    List<Finding> chosen = outcome.accepted();
    if (interactive && !chosen.isEmpty()) {
      chosen = choose(outcome, out);
      Map<String, String> failures = runner.recheck(chosen);
      if (!failures.isEmpty()) {
        err.println("the chosen fixes do not hold together: " + String.join("; ", failures.values()) + "; nothing written");
        return 1;
      }
    }
    FixApplier.Plan plan = FixApplier.apply(chosen, outcome.originals()::get);
    for (Map.Entry<String, String> e : plan.patched().entrySet()) {
      out.print(unifiedDiff(e.getKey(), outcome.originals().get(e.getKey()), e.getValue()));
    }
    out.flush();
    if (apply || interactive) {
      for (Map.Entry<String, String> e : plan.patched().entrySet()) {
        write(outcome.onDisk(e.getKey()), e.getValue());
      }
    }
    for (Map.Entry<Finding, String> r : outcome.refused().entrySet()) {
      Finding f = r.getKey();
      err.println("refused: " + f.ruleId() + " at " + f.location().path() + ":" + f.location().startLine() + ": " + r.getValue());
    }
    err.println(summary(chosen.size(), plan.patched().size(), outcome.refused().size(), apply || interactive));
    return outcome.refused().isEmpty() ? 0 : 1;
  }

  private List<Finding> choose(FixRunner.Outcome outcome, PrintWriter out) throws IOException {
    List<Finding> chosen = new ArrayList<>();
    for (Finding f : outcome.accepted()) {
      FixApplier.Plan one = FixApplier.apply(List.of(f), outcome.originals()::get);
      out.println(f.ruleId() + " at " + f.location().path() + ":" + f.location().startLine() + ": " + f.fix().description());
      for (Map.Entry<String, String> e : one.patched().entrySet()) {
        out.print(unifiedDiff(e.getKey(), outcome.originals().get(e.getKey()), e.getValue()));
      }
      out.print("apply this fix? [y/N] ");
      out.flush();
      String answer = answers.readLine();
      if (answer != null && (answer.trim().equalsIgnoreCase("y") || answer.trim().equalsIgnoreCase("yes"))) {
        chosen.add(f);
      }
    }
    return chosen;
  }

  private static String summary(int fixes, int files, int refused, boolean written) {
    String what = fixes == 0 ? "no fixes" : fixes + (fixes == 1 ? " fix" : " fixes") + " in " + files + (files == 1 ? " file" : " files");
    String verb = fixes == 0 ? "" : written ? " applied" : " proposed (run with --apply to write them)";
    return what + verb + (refused == 0 ? "" : "; " + refused + " refused");
  }

  /** A git-style unified diff with three lines of context. */
  static String unifiedDiff(String path, String before, String after) {
    List<String> a = lines(before);
    List<String> b = lines(after);
    Patch<String> patch = DiffUtils.diff(a, b);
    List<String> diff = UnifiedDiffUtils.generateUnifiedDiff("a/" + path, "b/" + path, a, patch, 3);
    StringBuilder sb = new StringBuilder();
    diff.forEach(l -> sb.append(l).append('\n'));
    return sb.toString();
  }

  private static List<String> lines(String text) {
    List<String> out = new ArrayList<>(Arrays.asList(text.split("\r?\n", -1)));
    if (!out.isEmpty() && out.get(out.size() - 1).isEmpty()) {
      out.remove(out.size() - 1);
    }
    return out;
  }

  /** Replaces the file atomically, keeping its permissions. */
  private static void write(Path file, String text) throws IOException {
    Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), "." + file.getFileName(), ".shipgate-fix");
    try {
      Files.writeString(tmp, text, StandardCharsets.UTF_8);
      try {
        Files.setPosixFilePermissions(tmp, Files.getPosixFilePermissions(file));
      } catch (UnsupportedOperationException e) {
        // Not a POSIX file system: the default permissions of a new file are the best we can do.
      }
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}
