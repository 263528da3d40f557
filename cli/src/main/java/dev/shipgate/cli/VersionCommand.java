package dev.shipgate.cli;

import dev.shipgate.core.ShipgateVersion;
import dev.shipgate.core.scan.Scanner;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code shipgate version}: the tool, its rule packs and the JVM it runs on. */
@Command(name = "version", mixinStandardHelpOptions = true, description = "Print the shipgate version, rule pack versions and the Java runtime.")
final class VersionCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    out.println("shipgate " + ShipgateVersion.get());
    for (Scanner s : Scanners.all()) {
      out.println("  " + s.family() + " rules " + s.version() + " (" + s.rules().size() + " rules)");
    }
    out.println("java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")");
    return 0;
  }
}
