package dev.shipgate.core.gate;

import java.util.List;

/**
 * The gate's decision. Exit codes are a contract: 0 pass, 1 gate failed, 2 usage or configuration error
 * (never produced by a scan), 3 internal or scan error (the gate fails closed).
 */
public record Verdict(boolean passed, int exitCode, List<String> reasons) {

  public static final int PASS = 0;
  public static final int FAILED = 1;
  public static final int USAGE = 2;
  public static final int ERROR = 3;

  public Verdict {
    reasons = List.copyOf(reasons);
  }
}
