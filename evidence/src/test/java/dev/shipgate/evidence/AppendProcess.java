package dev.shipgate.evidence;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/** A separate JVM appending to one audit log, for the cross-process locking test. */
final class AppendProcess {

  private AppendProcess() {}

  /** Arguments: the log, how many entries to append, and a label for them. */
  public static void main(String[] args) throws Exception {
    int count = Integer.parseInt(args[1]);
    for (int i = 0; i < count; i++) {
      AuditLog.append(Path.of(args[0]), new AuditLog.Event("gate", args[2], "c", "pass", args[2] + " " + i, Map.of()),
          Clock.systemUTC());
    }
  }
}
