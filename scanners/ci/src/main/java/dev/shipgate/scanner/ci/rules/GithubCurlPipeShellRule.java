package dev.shipgate.scanner.ci.rules;

import dev.shipgate.core.model.Confidence;
import dev.shipgate.core.model.Rule;
import dev.shipgate.core.model.Severity;
import dev.shipgate.core.yaml.YamlFile;
import dev.shipgate.scanner.ci.CiFile;
import dev.shipgate.scanner.ci.CiRule;
import dev.shipgate.scanner.ci.Findings;
import dev.shipgate.scanner.ci.Redact;
import dev.shipgate.scanner.ci.Shell;
import dev.shipgate.scanner.ci.Workflow;
import org.snakeyaml.engine.v2.nodes.Node;

/** {@code curl … | sh} in a GitHub Actions {@code run:} script. */
public final class GithubCurlPipeShellRule implements CiRule {

  public static final Rule RULE = Rule.builder("ci/github/curl-pipe-shell", "ci")
      .title("Downloaded script piped into a shell")
      .severity(Severity.MEDIUM)
      .confidence(Confidence.HIGH)
      .cwe("CWE-494", "CWE-829")
      .description("`curl … | sh`, `wget -O- … | bash`, `bash <(curl …)` and the like run whatever the server returns at "
          + "that moment, unreviewed and unverified, with the job's token and secrets. A compromised or hijacked host, "
          + "DNS or CDN, or a changed script (as in the 2021 Codecov bash uploader breach) then runs in your pipeline.")
      .fix("Download to a file, verify it against a pinned checksum (`echo \"<sha256>  install.sh\" | sha256sum -c`) or "
          + "signature, then run it; better, use a pinned package or a SHA-pinned action that installs the tool.")
      .tags("owasp-top10:A08:2021", "owasp-cicd:CICD-SEC-3", "ssdf:PS.1.1", "ssdf:PO.3.2", "soc2:CC8.1",
          "iso27001:2022-A.8.32", "cis-supply-chain:2.4")
      .build();

  @Override
  public Rule rule() {
    return RULE;
  }

  @Override
  public void check(CiFile file, Findings out) {
    if (!file.isGithub()) {
      return;
    }
    for (Workflow.Job job : file.workflow().jobs()) {
      for (Workflow.Step step : job.steps()) {
        step.run().ifPresent(run -> report(file, run, out, RULE));
      }
    }
  }

  /** One finding per source line of {@code script} that pipes a download into an interpreter. */
  static void report(CiFile file, Node script, Findings out, Rule rule) {
    YamlFile yaml = file.yaml();
    String src = yaml.source(script);
    int base = yaml.start(script);
    int at = 0;
    while (at <= src.length()) {
      int nl = src.indexOf('\n', at);
      int end = nl < 0 ? src.length() : nl;
      String hit = Shell.downloadIntoInterpreter(src.substring(at, end));
      if (hit != null) {
        String shown = Redact.line(hit.strip());
        out.report(out.at(rule, file.lineOf(base + at))
            .message("`" + shown + "` runs a downloaded script without verifying it")
            .contextKey(shown));
      }
      if (nl < 0) {
        break;
      }
      at = nl + 1;
    }
  }
}
