package dev.shipgate.scanner.docker.rules;

import dev.shipgate.core.model.Confidence;
import dev.shipgate.core.model.Finding;
import dev.shipgate.core.model.Rule;
import dev.shipgate.core.model.Severity;
import dev.shipgate.core.yaml.YamlFile;
import dev.shipgate.scanner.docker.ComposeInput;
import dev.shipgate.scanner.docker.ComposeRule;
import dev.shipgate.scanner.docker.SecretNames;
import dev.shipgate.scanner.docker.Snippets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/** {@code environment: {DB_PASSWORD: hunter2}} or {@code - API_KEY=…}: a credential written into the Compose file. */
public final class ComposeSecretRule implements ComposeRule {

  public static final Rule RULE = Rule.builder("docker/compose/hardcoded-secret", "docker")
      .title("Secret as a literal environment value")
      .severity(Severity.HIGH)
      .confidence(Confidence.MEDIUM)
      .cwe("CWE-798", "CWE-256")
      .description("A service's `environment:` sets a variable whose name says it holds a credential (PASSWORD, SECRET, "
          + "TOKEN, API_KEY, PRIVATE_KEY, …) to a literal value. The credential is then in the repository for everyone "
          + "with read access and in every fork and clone, and visible in `docker inspect` on the host. Values that come "
          + "from the environment (`${DB_PASSWORD}`) are not reported; reports show only the first characters of the value.")
      .fix("Reference the variable instead (`DB_PASSWORD: ${DB_PASSWORD:?set it}`) and supply it from an untracked "
          + "`.env` file or the CI secret store, or use Compose `secrets:` mounted as files (`POSTGRES_PASSWORD_FILE: "
          + "/run/secrets/db_password`). Rotate the exposed credential.")
      .tags("cis-docker:4.10", "nist-800-190:4.1.4", "owasp-top10:A07:2021", "ssdf:PW.1.1", "iso27001:2022-A.5.17", "soc2:CC6.1")
      .build();

  @Override
  public Rule rule() {
    return RULE;
  }

  @Override
  public List<Finding> check(ComposeInput input, ComposeInput.Service service) {
    NodeTuple t = service.entries().get("environment");
    if (t == null) {
      return List.of();
    }
    List<Finding> out = new ArrayList<>();
    for (Map.Entry<String, NodeTuple> e : ComposeInput.entries(t.getValueNode()).entrySet()) {
      YamlFile.scalar(e.getValue().getValueNode())
          .ifPresent(v -> judge(input, service, e.getKey(), v, e.getValue().getValueNode(), out));
    }
    for (Node item : YamlFile.items(t.getValueNode())) {
      if (item instanceof ScalarNode s && s.getValue().indexOf('=') > 0) {
        String v = s.getValue();
        judge(input, service, v.substring(0, v.indexOf('=')).strip(), v.substring(v.indexOf('=') + 1), s, out);
      }
    }
    return out;
  }

  private static void judge(ComposeInput input, ComposeInput.Service service, String name, String value, Node at, List<Finding> out) {
    if (!SecretNames.isSecretName(name) || !SecretNames.isLiteral(value)) {
      return;
    }
    String redacted = Snippets.redact(value.strip());
    out.add(input.at(RULE, service, at)
        .message("service '" + service.name() + "' sets " + name + " to a literal secret (" + redacted + ")")
        .snippet(name + ": " + redacted)
        .contextKey(service.name() + ": environment " + name)
        .property("redacted", redacted)
        .build());
  }
}
