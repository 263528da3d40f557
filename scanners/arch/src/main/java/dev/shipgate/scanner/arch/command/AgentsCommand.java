package dev.shipgate.scanner.arch.command;

import dev.shipgate.core.policy.PolicyException;
import dev.shipgate.core.policy.PolicyLoader;
import dev.shipgate.scanner.arch.Instructions;
import dev.shipgate.scanner.arch.PolicyFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code shipgate agents}: writes the policy's rails into the instruction files coding assistants read, inside a
 * managed section, so that the model is told up front what the gate will refuse.
 */
@Command(name = "agents", mixinStandardHelpOptions = true,
    description = {"Write or update the shipgate section of assistant instruction files (AGENTS.md, CLAUDE.md, GEMINI.md, "
        + ".github/copilot-instructions.md, .cursor/rules/shipgate.mdc, .windsurf/rules/shipgate.md) from shipgate.yml.",
        "Text outside the section is kept. Without --target or --all, the instruction files that exist are updated, "
            + "or AGENTS.md is created when there is none."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:the files are (now) up to date", "1:--check found a file out of date", "2:usage or configuration error"})
public final class AgentsCommand implements Callable<Integer> {

  static final int OK = 0;
  static final int STALE = 1;
  static final int USAGE = 2;

  @Parameters(index = "0", arity = "0..1", paramLabel = "PATH", description = "Repository directory (default: current directory).")
  Path path = Path.of(".");

  @Option(names = "--config", paramLabel = "FILE", description = "Policy to read (default: shipgate.yml found upward from PATH to the git root).")
  Path config;

  @Option(names = "--check", description = "Change nothing; exit 1 when a file's section is missing or out of date.")
  boolean check;

  @Option(names = "--target", split = ",", paramLabel = "NAME",
      description = "Files to write: agents, claude, copilot, cursor, gemini, windsurf (comma-separated).")
  List<String> targets = new ArrayList<>();

  @Option(names = "--all", description = "Write every supported instruction file.")
  boolean all;

  @Option(names = "--stdout", description = "Print the section instead of writing files.")
  boolean stdout;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Path root = path.toAbsolutePath().normalize();
    if (!Files.isDirectory(root)) {
      err.println("shipgate: " + path + ": not a directory");
      return USAGE;
    }
    Path top = gitTop(root);
    Path policyPath = config != null ? config.toAbsolutePath().normalize() : PolicyLoader.discover(root, top).orElse(null);
    if (policyPath == null || !Files.isRegularFile(policyPath)) {
      err.println("shipgate: " + (config != null ? config + ": policy file not found"
          : "no " + PolicyLoader.FILE_NAME + " found from " + root + " up to the repository root; run `shipgate init` first"));
      return USAGE;
    }
    Path base = top != null ? top : root;
    String display = policyPath.startsWith(base) ? base.relativize(policyPath).toString().replace('\\', '/')
        : policyPath.getFileName().toString();
    String section;
    try {
      section = PolicyFile.parse(Files.readString(policyPath, StandardCharsets.UTF_8), display).section();
    } catch (PolicyException e) {
      err.println("shipgate: " + e.getMessage());
      return USAGE;
    }
    if (stdout) {
      out.print(section);
      out.flush();
      return OK;
    }
    Set<Instructions.Target> chosen = new LinkedHashSet<>();
    for (String key : targets) {
      Instructions.Target t = Instructions.Target.forKey(key.trim());
      if (t == null) {
        err.println("shipgate: unknown target '" + key + "' (known: agents, claude, copilot, cursor, gemini, windsurf)");
        return USAGE;
      }
      chosen.add(t);
    }
    if (all) {
      chosen.addAll(List.of(Instructions.Target.values()));
    }
    if (chosen.isEmpty()) {
      for (Instructions.Target t : Instructions.Target.values()) {
        if (Files.isRegularFile(root.resolve(t.path()))) {
          chosen.add(t);
        }
      }
      if (chosen.isEmpty()) {
        chosen.add(Instructions.Target.AGENTS);
      }
    }
    int result = OK;
    for (Instructions.Target t : chosen) {
      Path file = root.resolve(t.path());
      String existing = Files.isRegularFile(file) ? Files.readString(file, StandardCharsets.UTF_8) : null;
      if (check) {
        Instructions.Status status = existing == null ? Instructions.Status.MISSING : Instructions.state(existing, section).status();
        if (status != Instructions.Status.CURRENT) {
          out.println(t.path() + ": " + describe(status, existing == null));
          result = STALE;
        } else {
          out.println(t.path() + ": up to date");
        }
        continue;
      }
      String updated;
      try {
        updated = Instructions.update(existing, t, section);
      } catch (IllegalStateException e) {
        err.println("shipgate: " + t.path() + ": " + e.getMessage());
        return USAGE;
      }
      if (updated.equals(existing)) {
        out.println(t.path() + ": up to date");
        continue;
      }
      if (file.getParent() != null) {
        Files.createDirectories(file.getParent());
      }
      Files.writeString(file, updated, StandardCharsets.UTF_8);
      out.println(t.path() + ": " + (existing == null ? "created" : "updated"));
    }
    out.flush();
    return result;
  }

  private static String describe(Instructions.Status status, boolean fileMissing) {
    return switch (status) {
      case MISSING -> fileMissing ? "file missing" : "no shipgate section";
      case STALE -> "section generated from a different policy";
      case EDITED -> "section edited by hand";
      case BROKEN -> "shipgate:begin marker without shipgate:end";
      case CURRENT -> "up to date";
    };
  }

  /** The enclosing git work tree, found by its {@code .git} entry (a directory, or a file in worktrees). */
  private static Path gitTop(Path dir) {
    for (Path d = dir; d != null; d = d.getParent()) {
      if (Files.exists(d.resolve(".git"))) {
        return d;
      }
    }
    return null;
  }
}
