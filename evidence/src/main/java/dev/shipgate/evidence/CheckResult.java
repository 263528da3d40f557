package dev.shipgate.evidence;

import dev.shipgate.core.gate.Coverage;
import dev.shipgate.core.gate.ScanReport;
import dev.shipgate.core.gate.Verdict;
import dev.shipgate.core.model.Finding;
import dev.shipgate.core.model.Rule;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one check (a rule, or a check of the gate itself such as {@code gate/verdict}) found in one run: the facts a
 * compliance report and an attestation need, without any source text.
 *
 * @param waivedBy who accepted the check's findings: waiver approvers, {@code inline suppression}, {@code baseline}
 */
public record CheckResult(
    String id,
    String family,
    String severity,
    List<String> cwe,
    List<String> tags,
    Status status,
    int open,
    int blocking,
    int waived,
    int preexisting,
    List<String> waivedBy) {

  /** Worst first: a check's status is the worst that applies to it. */
  public enum Status {
    FAILED("failed"),
    ERROR("error"),
    WARNING("warning"),
    WAIVED("waived"),
    PASSED("passed"),
    NOT_RUN("not run");

    private final String label;

    Status(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }

    public static Status parse(String label) {
      for (Status s : values()) {
        if (s.label.equals(label)) {
          return s;
        }
      }
      throw new IllegalArgumentException("unknown check status '" + label + "'");
    }
  }

  /** The approver in core's waiver reason, {@code waived by APPROVER until DATE: REASON}. */
  private static final Pattern WAIVED_BY = Pattern.compile("waived by (.+?) until \\S+:.*", Pattern.DOTALL);

  public CheckResult {
    cwe = List.copyOf(cwe);
    tags = List.copyOf(tags);
    waivedBy = List.copyOf(waivedBy);
  }

  /** Every enabled rule of the run, then the gate's own verdict check. */
  public static List<CheckResult> of(ScanReport report) {
    Set<String> ran = new HashSet<>();
    Set<String> failedFamilies = new HashSet<>();
    for (Coverage c : report.coverage()) {
      ran.add(c.family());
      if (!c.errors().isEmpty()) {
        failedFamilies.add(c.family());
      }
    }
    Map<String, List<Finding>> byRule = new HashMap<>();
    for (Finding f : report.findings()) {
      byRule.computeIfAbsent(f.ruleId(), k -> new ArrayList<>()).add(f);
    }
    List<CheckResult> out = new ArrayList<>();
    for (Rule r : report.rules()) {
      // The gate's own rules (suppressions, waivers) run whenever the gate does.
      boolean familyRan = ran.contains(r.family()) || r.family().equals(dev.shipgate.core.gate.CoreRules.FAMILY);
      out.add(of(r, byRule.getOrDefault(r.id(), List.of()), familyRan, failedFamilies.contains(r.family())));
    }
    Verdict v = report.verdict();
    Status gate = v.passed() ? Status.PASSED : v.exitCode() == Verdict.ERROR ? Status.ERROR : Status.FAILED;
    out.add(new CheckResult("gate/verdict", "gate", "", List.of(), List.of(), gate, 0, (int) report.blocking(), 0, 0,
        List.of()));
    return List.copyOf(out);
  }

  private static CheckResult of(Rule rule, List<Finding> findings, boolean ran, boolean familyErrors) {
    int open = 0;
    int blocking = 0;
    int waived = 0;
    int preexisting = 0;
    Set<String> by = new TreeSet<>();
    for (Finding f : findings) {
      switch (f.status()) {
        case OPEN -> {
          open++;
          if (f.blocking()) {
            blocking++;
          }
        }
        case PREEXISTING -> preexisting++;
        case WAIVED -> {
          waived++;
          Matcher m = WAIVED_BY.matcher(f.statusReason());
          by.add(m.matches() ? m.group(1) : "waiver");
        }
        case SUPPRESSED -> {
          waived++;
          by.add("inline suppression");
        }
        case BASELINED -> {
          waived++;
          by.add("baseline");
        }
      }
    }
    Status status;
    if (!ran) {
      status = Status.NOT_RUN;
    } else if (blocking > 0) {
      status = Status.FAILED;
    } else if (familyErrors) {
      status = Status.ERROR;
    } else if (open > 0) {
      status = Status.WARNING;
    } else if (waived > 0) {
      status = Status.WAIVED;
    } else {
      status = Status.PASSED;
    }
    return new CheckResult(rule.id(), rule.family(), rule.severity().name().toLowerCase(Locale.ROOT), rule.cwe(),
        rule.tags(), status, open, blocking, waived, preexisting, List.copyOf(by));
  }
}
