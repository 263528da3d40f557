package dev.shipgate.scanner.change.command;

import dev.shipgate.scanner.change.AiIgnore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code shipgate ai-ignore}: write (or check) the ignore files coding assistants read. */
@Command(
    name = "ai-ignore",
    mixinStandardHelpOptions = true,
    description = {
      "Write the policy's sensitive paths (scanners.change.ai_ignore.paths plus the built-in list) into the ignore "
          + "files coding assistants read: .aiexclude, .geminiignore, .cursorignore, .codeiumignore, .aiderignore, .aiignore.",
      "Only a section between shipgate's marker lines is managed; every other line is kept. --check changes nothing "
          + "and exits 1 when a file is missing or out of date."
    })
public final class AiIgnoreCommand implements Callable<Integer> {

  @Parameters(index = "0", arity = "0..1", defaultValue = ".", paramLabel = "PATH", description = "A directory in the repository (default: .).")
  Path path;

  @Option(names = "--check", description = "Report missing or stale files and exit 1 instead of writing them.")
  boolean check;

  @Option(names = "--config", paramLabel = "FILE", description = "The policy (default: shipgate.yml at the repository root).")
  Path config;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    try (CommandSupport.Repo repo = CommandSupport.open(path, config)) {
      List<String> sensitive = repo.policy().sensitivePaths();
      List<String> outdated = new ArrayList<>();
      for (Map.Entry<String, String> tool : repo.policy().aiIgnoreFiles().entrySet()) {
        Path file = repo.top().resolve(tool.getValue());
        if (Files.isSymbolicLink(file)) {
          throw new CommandSupport.Failure(tool.getValue() + " is a symbolic link; shipgate does not write through links");
        }
        String text = Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) ? Files.readString(file, StandardCharsets.UTF_8) : null;
        try {
          if (text != null && AiIgnore.current(text, sensitive)) {
            continue;
          }
          if (check) {
            outdated.add(tool.getValue() + (text == null ? " (missing)" : " (out of date)"));
          } else {
            Files.writeString(file, AiIgnore.update(text == null ? "" : text, sensitive), StandardCharsets.UTF_8);
            spec.commandLine().getOut().println((text == null ? "wrote " : "updated ") + tool.getValue() + " (" + tool.getKey() + ")");
          }
        } catch (AiIgnore.MarkerException e) {
          throw new CommandSupport.Failure(tool.getValue() + ":" + e.line() + ": " + e.getMessage() + "; fix the markers by hand");
        }
      }
      if (check && !outdated.isEmpty()) {
        spec.commandLine().getOut().println("not up to date with the policy: " + String.join(", ", outdated) + "; run `shipgate ai-ignore`");
        return 1;
      }
      if (check) {
        spec.commandLine().getOut().println(repo.policy().aiIgnoreFiles().size() + " assistant ignore files are up to date");
      }
      return 0;
    } catch (CommandSupport.Failure | IOException e) {
      spec.commandLine().getErr().println("shipgate ai-ignore: " + e.getMessage());
      return CommandSupport.USAGE;
    }
  }
}
