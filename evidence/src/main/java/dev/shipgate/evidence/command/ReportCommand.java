package dev.shipgate.evidence.command;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code shipgate report}: reports derived from gate results. */
@Command(name = "report", mixinStandardHelpOptions = true,
    description = "Reports derived from gate results.", subcommands = ComplianceCommand.class)
public final class ReportCommand implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
