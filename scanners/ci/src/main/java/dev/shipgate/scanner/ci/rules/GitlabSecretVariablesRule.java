package dev.shipgate.scanner.ci.rules;

import dev.shipgate.core.model.Confidence;
import dev.shipgate.core.model.Rule;
import dev.shipgate.core.model.Severity;
import dev.shipgate.core.yaml.YamlFile;
import dev.shipgate.scanner.ci.CiFile;
import dev.shipgate.scanner.ci.CiRule;
import dev.shipgate.scanner.ci.Findings;
import dev.shipgate.scanner.ci.Pipeline;
import dev.shipgate.scanner.ci.Redact;
import dev.shipgate.scanner.ci.SecretNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.nodes.Node;

/** A secret-named variable with a literal value in {@code .gitlab-ci.yml} {@code variables:}. */
public final class GitlabSecretVariablesRule implements CiRule {

  public static final Rule RULE = Rule.builder("ci/gitlab/secret-in-variables", "ci")
      .title("Secret written into the pipeline's variables")
      .severity(Severity.HIGH)
      .confidence(Confidence.MEDIUM)
      .cwe("CWE-798", "CWE-312")
      .description("Values under `variables:` in `.gitlab-ci.yml` are part of the repository: everyone who can read it, "
          + "every fork and clone, and every job log that echoes the environment sees them, and they stay in git "
          + "history after removal. A variable named like a password, token or key with a literal value is a hard-coded "
          + "credential (the value is masked in this report).")
      .fix("Rotate the credential, delete the value from the file, and define it as a masked, protected CI/CD variable "
          + "in the project or group settings (or fetch it from a vault with `secrets:`/OIDC); keep only a reference "
          + "such as `$DEPLOY_TOKEN` in the file.")
      .tags("owasp-top10:A07:2021", "owasp-cicd:CICD-SEC-6", "ssdf:PO.5.2", "soc2:CC6.1", "iso27001:2022-A.5.17",
          "cis-supply-chain:2.3")
      .build();

  /** Values that are not credentials: references to other variables, switches, small numbers. */
  private static final Pattern NOT_A_VALUE = Pattern.compile("(?i)\\$\\{?[A-Za-z_][A-Za-z0-9_]*\\}?|\\$\\$.*|true|false|yes|no|\\d{1,6}|");

  @Override
  public Rule rule() {
    return RULE;
  }

  @Override
  public void check(CiFile file, Findings out) {
    if (file.kind() != CiFile.Kind.GITLAB_CI) {
      return;
    }
    Pipeline p = file.pipeline();
    List<Node> holders = new ArrayList<>();
    YamlFile.get(file.root(), "variables").ifPresent(holders::add);
    for (Pipeline.Job job : p.jobs()) {
      job.get("variables").ifPresent(holders::add);
    }
    for (Node holder : holders) {
      for (Map.Entry<String, Node> e : YamlFile.entries(holder).entrySet()) {
        if (!SecretNames.isSecret(e.getKey())) {
          continue;
        }
        Node valueNode = YamlFile.get(e.getValue(), "value").orElse(e.getValue());
        Optional<String> value = YamlFile.scalar(valueNode).map(String::trim);
        if (value.isEmpty() || NOT_A_VALUE.matcher(value.get()).matches()) {
          continue;
        }
        String v = value.get();
        var b = out.at(RULE, YamlFile.line(valueNode))
            .message("variable " + e.getKey() + " holds a literal value (" + Redact.value(v) + ", " + v.length() + " characters) in the pipeline file")
            .snippet(e.getKey() + ": " + Redact.value(v))
            .contextKey("variables:" + e.getKey());
        if (v.length() >= 16 && v.chars().anyMatch(Character::isDigit) && v.chars().anyMatch(Character::isLetter) && !v.contains(" ")) {
          b.confidence(Confidence.HIGH);
        }
        out.report(b);
      }
    }
  }
}
