package dev.shipgate.cli;

import dev.shipgate.core.gate.ScanReport;
import dev.shipgate.core.gate.Verdict;
import dev.shipgate.core.scan.ScanEngine;
import dev.shipgate.evidence.Attestations;
import dev.shipgate.evidence.AuditLog;
import dev.shipgate.evidence.EvidenceException;
import dev.shipgate.git.GitException;
import dev.shipgate.git.GitWorkspace;
import dev.shipgate.report.ReportOptions;
import dev.shipgate.report.ReportWriter;
import dev.shipgate.report.ReportWriters;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/** {@code shipgate scan}: run the gate and write reports. Its picocli model is built in code (see {@link ScanOptions}). */
final class ScanCommand implements Callable<Integer> {

  private CommandSpec spec;
  private ScanOptions options;
  private List<String> formats;
  private boolean noFail;
  private boolean quiet;
  private boolean sarifIncludeSuppressed;
  private Path attest;
  private Path attestKey;
  private Boolean audit;

  static CommandSpec spec() {
    ScanCommand command = new ScanCommand();
    CommandSpec spec = ScanOptions.command(command, "scan",
        "Scan a directory, print findings, write reports and decide the gate.",
        "Exit codes: 0 pass, 1 gate failed, 2 usage or configuration error, 3 internal or scan error (fails closed).");
    ScanOptions.addTo(spec);
    spec.addOption(ScanOptions.list("--format", "KIND[=FILE]",
        "Reports to write: sarif, json, markdown, junit, terminal; KIND=FILE writes a file, KIND alone writes to stdout "
            + "(e.g. --format sarif=out.sarif,json=out.json)."));
    spec.addOption(ScanOptions.flag("--no-fail", "Audit mode: report everything but exit 0 even when the gate fails."));
    spec.addOption(ScanOptions.flag("--quiet", "Print only blocking findings, errors and the summary line."));
    spec.addOption(ScanOptions.flag("--sarif-include-suppressed", "Keep suppressed, waived and baselined findings in SARIF (as suppressions)."));
    spec.addOption(ScanOptions.file("--attest",
        "Write a signed in-toto attestation of this gate run (DSSE envelope) to FILE; implies --audit."));
    spec.addOption(OptionSpec.builder("--attest-key").paramLabel("PEM").type(Path.class)
        .description("Private key (PKCS#8 PEM, Ed25519 or ECDSA P-256) for --attest; default: the repository's own key under "
            + ".shipgate/keys/, generated on first use.").build());
    spec.addOption(OptionSpec.builder("--audit").negatable(true).type(Boolean.class)
        .description("Append this gate decision to the hash-chained audit log .shipgate/audit.jsonl at the top of the work tree. "
            + "Default: on inside a git work tree, where a log that cannot be written is a warning; asked for explicitly, "
            + "it fails the gate (exit 3). --no-audit turns it off (--attest always records).").build());
    command.spec = spec;
    return spec;
  }

  private void readParsed() {
    ParseResult parsed = spec.commandLine().getParseResult();
    options = ScanOptions.from(parsed);
    formats = parsed.matchedOptionValue("--format", List.<String>of());
    noFail = parsed.matchedOptionValue("--no-fail", false);
    quiet = parsed.matchedOptionValue("--quiet", false);
    sarifIncludeSuppressed = parsed.matchedOptionValue("--sarif-include-suppressed", false);
    attest = parsed.matchedOptionValue("--attest", null);
    attestKey = parsed.matchedOptionValue("--attest-key", null);
    audit = parsed.matchedOptionValue("--audit", null);
  }

  @Override
  public Integer call() throws Exception {
    readParsed();
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Map<String, Path> targets = parseFormats(formats);
    boolean stdoutTaken = targets.entrySet().stream().anyMatch(e -> e.getValue() == null && !e.getKey().equals("terminal"));
    ReportOptions ro = new ReportOptions(!stdoutTaken && Terminal.color(System.getenv()), quiet, 5000, sarifIncludeSuppressed);

    Progress progress = new Progress(err, !quiet && Terminal.stderrIsTty(), System.getenv("SHIPGATE_TRACE_STARTUP") != null);
    ScanReport report;
    try {
      report = new ScanRunner(Scanners.REGISTRY, new LocalClock()).run(options, progress);
    } finally {
      progress.clear();
    }

    for (Map.Entry<String, Path> t : targets.entrySet()) {
      ReportWriter w = ReportWriters.forKind(t.getKey(), ro);
      if (t.getValue() == null) {
        w.write(report, out);
        out.flush();
      } else {
        writeFile(w, report, t.getValue());
      }
    }
    if (!targets.containsKey("terminal")) {
      if (stdoutTaken) {
        err.println(report.summaryLine());
      } else {
        ReportWriters.forKind("terminal", ro).write(report, out);
        out.flush();
      }
    }
    int code = report.verdict().exitCode();
    boolean explicitAudit = attest != null || Boolean.TRUE.equals(audit);
    if (!explicitAudit && audit == null) {
      try (GitWorkspace ws = GitWorkspace.find(options.path).orElse(null)) {
        if (ws != null) { // outside a work tree nothing is recorded unless asked for
          AuditLog.recordScan(ws.topLevel(), ws.head().orElse(""), report);
        }
      } catch (EvidenceException | GitException e) {
        // Recording by default must not break scans of read-only checkouts; --audit makes it a control that fails closed.
        err.println("shipgate: warning: audit log not written: " + e.getMessage() + " (--audit makes this an error, --no-audit silences it)");
      }
    }
    if (explicitAudit) {
      try {
        // The audit entry first: the attestation then carries the log's new head.
        AuditLog.recordScan(options.path, report);
        if (attest != null) {
          Attestations.Attested a = Attestations.attestScan(report, options.path, java.util.Optional.ofNullable(attestKey), attest,
              approvals(report));
          a.messages().forEach(err::println);
        }
      } catch (EvidenceException e) {
        // Evidence that cannot be written is a failed control: fail closed, like a scan error.
        err.println("shipgate: " + (attest != null ? "attestation" : "audit log") + " not written: " + e.getMessage());
        return Verdict.ERROR;
      }
    }
    if (noFail && code != Verdict.PASS) {
      err.println("--no-fail: audit mode, exiting 0 (the gate would have exited " + code + ": " + String.join("; ", report.verdict().reasons()) + ")");
      return Verdict.PASS;
    }
    return code;
  }

  /** The approvals the change family counted, from its run note ("@alice for tier 'auth'; ..."). */
  static List<dev.shipgate.evidence.Approval> approvals(ScanReport report) {
    List<dev.shipgate.evidence.Approval> out = new ArrayList<>();
    String note = report.notes().get(dev.shipgate.scanner.change.ChangeScanner.APPROVALS_NOTE);
    if (note != null) {
      for (String part : note.split("; ")) {
        int at = part.indexOf(" for ");
        if (at > 0) {
          out.add(new dev.shipgate.evidence.Approval(part.substring(0, at), part.substring(at + 5), ""));
        }
      }
    }
    return out;
  }

  /** {@code KIND=FILE} or {@code KIND}; at most one kind on stdout, each kind once. */
  static Map<String, Path> parseFormats(List<String> formats) throws UsageException {
    Map<String, Path> out = new LinkedHashMap<>();
    int onStdout = 0;
    for (String f : formats) {
      String spec = f.trim();
      if (spec.isEmpty()) {
        continue;
      }
      int eq = spec.indexOf('=');
      String kind = (eq < 0 ? spec : spec.substring(0, eq)).trim().toLowerCase(java.util.Locale.ROOT);
      String file = eq < 0 ? null : spec.substring(eq + 1).trim();
      if (!kind.equals("terminal") && !ReportWriters.fileKinds().contains(kind)) {
        throw new UsageException("unknown report format '" + kind + "' in --format (known: terminal, " + String.join(", ", ReportWriters.fileKinds()) + ")");
      }
      if (file != null && file.isEmpty()) {
        throw new UsageException("--format " + spec + ": missing file name after '='");
      }
      if (out.containsKey(kind)) {
        throw new UsageException("--format names '" + kind + "' twice");
      }
      if (file == null && ++onStdout > 1) {
        throw new UsageException("--format: only one report can go to stdout; give the others a file (KIND=FILE)");
      }
      out.put(kind, file == null ? null : Path.of(file));
    }
    return out;
  }

  /** Writes through a temporary file so a failed run never leaves a half-written report behind. */
  private static void writeFile(ReportWriter w, ScanReport report, Path target) throws IOException {
    Path abs = target.toAbsolutePath();
    Files.createDirectories(abs.getParent());
    Path tmp = Files.createTempFile(abs.getParent(), "." + abs.getFileName(), ".tmp");
    try {
      try (Writer writer = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
        w.write(report, writer);
      }
      Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /**
   * A single updating line on stderr, at most ten updates a second; with {@code SHIPGATE_TRACE_STARTUP}
   * set, also the time from process start to the first file read (see bench/RESULTS.md).
   */
  static final class Progress implements ScanEngine.Progress {
    private final PrintWriter err;
    private final boolean show;
    private final boolean traceStartup;
    private volatile long last;

    Progress(PrintWriter err, boolean show, boolean traceStartup) {
      this.err = err;
      this.show = show;
      this.traceStartup = traceStartup;
    }

    @Override
    public void firstFileRead() {
      if (traceStartup) {
        ProcessHandle.current().info().startInstant().ifPresent(start -> {
          synchronized (err) {
            // Process CPU as well as wall time: on a busy machine the CPU spent is the figure that still means something.
            String cpu = ProcessHandle.current().info().totalCpuDuration().map(d -> ", " + d.toMillis() + " ms CPU").orElse("");
            err.println("startup: first file read " + java.time.Duration.between(start, java.time.Instant.now()).toMillis() + " ms after process start" + cpu);
          }
        });
      }
    }

    @Override
    public void update(int done, int total) {
      if (!show) {
        return;
      }
      long now = System.nanoTime();
      if (now - last < 100_000_000L && done < total) {
        return;
      }
      last = now;
      synchronized (err) {
        err.print("\rscanning " + done + "/" + total + " files");
        err.flush();
      }
    }

    void clear() {
      if (last == 0) {
        return;
      }
      synchronized (err) {
        err.print("\r\033[K");
        err.flush();
      }
    }
  }
}
