package dev.shipgate.scanner.ci.rules;

import dev.shipgate.core.model.Confidence;
import dev.shipgate.core.model.Rule;
import dev.shipgate.core.model.Severity;
import dev.shipgate.scanner.ci.CiFile;
import dev.shipgate.scanner.ci.CiRule;
import dev.shipgate.scanner.ci.Findings;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/** {@code curl … | sh} in a GitLab {@code script}, {@code before_script} or {@code after_script}. */
public final class GitlabCurlPipeShellRule implements CiRule {

  public static final Rule RULE = Rule.builder("ci/gitlab/curl-pipe-shell", "ci")
      .title("Downloaded script piped into a shell")
      .severity(Severity.MEDIUM)
      .confidence(Confidence.HIGH)
      .cwe("CWE-494", "CWE-829")
      .description("`curl … | sh`, `wget -qO- … | bash`, `bash <(curl …)` in a GitLab job run whatever the server "
          + "returns at that moment, unverified, with the job's CI_JOB_TOKEN and every variable the job can see. A "
          + "compromised host, DNS or CDN, or a silently changed script, then runs inside your pipeline and runner.")
      .fix("Download to a file, check it against a pinned checksum or signature (`sha256sum -c`), then run it; better, "
          + "bake the tool into a digest-pinned job image or install a pinned package version.")
      .tags("owasp-top10:A08:2021", "owasp-cicd:CICD-SEC-3", "ssdf:PS.1.1", "ssdf:PO.3.2", "soc2:CC8.1",
          "iso27001:2022-A.8.32", "cis-supply-chain:2.4")
      .build();

  @Override
  public Rule rule() {
    return RULE;
  }

  @Override
  public void check(CiFile file, Findings out) {
    if (file.kind() != CiFile.Kind.GITLAB_CI) {
      return;
    }
    for (ScalarNode line : file.pipeline().allScriptLines()) {
      GithubCurlPipeShellRule.report(file, line, out, RULE);
    }
  }
}
