package dev.shipgate.scanner.change.command;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import picocli.CommandLine;

/** Runs the family's commands as the CLI would, at a fixed time, capturing what they print. */
public final class Commands {

  /** Exit code and output of one run. */
  public record Run(int exit, String out, String err) {}

  private Commands() {}

  public static Run run(Object command, Path dir, String... args) {
    CommandLine cl = new CommandLine(command);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    List<String> all = new ArrayList<>(Arrays.asList(args));
    all.add(dir.toString());
    int exit = cl.execute(all.toArray(String[]::new));
    return new Run(exit, out.toString(), err.toString());
  }

  public static Run approveRun(Path dir, Instant now, String... args) {
    return run(new ApproveCommand(Clock.fixed(now, ZoneOffset.UTC)), dir, args);
  }

  public static int approve(Path dir, Instant now, String... args) {
    return approveRun(dir, now, args).exit();
  }

  public static Run waive(Path dir, Instant now, String... args) {
    return run(new WaiveCommand(Clock.fixed(now, ZoneOffset.UTC)), dir, args);
  }

  public static Run aiIgnore(Path dir, String... args) {
    return run(new AiIgnoreCommand(), dir, args);
  }
}
