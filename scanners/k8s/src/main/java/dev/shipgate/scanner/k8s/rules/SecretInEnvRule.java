package dev.shipgate.scanner.k8s.rules;

import dev.shipgate.core.model.Confidence;
import dev.shipgate.core.model.Rule;
import dev.shipgate.core.model.Severity;
import dev.shipgate.core.yaml.YamlFile;
import dev.shipgate.scanner.k8s.Container;
import dev.shipgate.scanner.k8s.Issues;
import dev.shipgate.scanner.k8s.K8sRule;
import dev.shipgate.scanner.k8s.Pod;
import dev.shipgate.scanner.k8s.Yaml;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * An environment variable named like a credential whose {@code value:} is written in the manifest instead of
 * coming from a Secret. The value is never printed: reports show at most its first four characters.
 */
public final class SecretInEnvRule implements K8sRule {

  public static final Rule RULE = Rule.builder("k8s/pod/secret-in-env", "k8s")
      .title("Credential written as a literal environment value")
      .severity(Severity.HIGH)
      .confidence(Confidence.HIGH)
      .cwe("CWE-798", "CWE-312")
      .description("A password, token or key given as `env[].value` is stored in plain text in the manifest, in git "
          + "history, in the object in etcd (readable by anyone who can read the workload) and in every `kubectl get "
          + "-o yaml`. Unlike a Secret it cannot be access-controlled, encrypted at rest or rotated without a redeploy.")
      .fix("Move the value into a Secret (ideally managed by an external secret store) and reference it with "
          + "`valueFrom.secretKeyRef`; revoke and rotate the exposed credential, since it is already in history.")
      .tags("cis-k8s:5.4.1", "nsa-k8s:secrets", "owasp-k8s:K08:2022", "owasp-top10:A07:2021", "ssdf:PW.1.1",
          "iso27001:2022-A.5.17", "soc2:CC6.1")
      .build();

  /** Name parts that make a variable a credential on their own. */
  private static final Set<String> SECRET_WORDS = Set.of("PASSWORD", "PASSWD", "PASS", "PWD", "SECRET", "TOKEN", "APIKEY",
      "CREDENTIAL", "CREDENTIALS", "PRIVATEKEY", "DSN", "PASSPHRASE");

  /** Word pairs that do (API_KEY, ACCESS_KEY, ...). */
  private static final Set<String> SECRET_PAIRS = Set.of("API_KEY", "ACCESS_KEY", "PRIVATE_KEY", "SECRET_KEY", "SIGNING_KEY",
      "ENCRYPTION_KEY", "MASTER_KEY", "CONNECTION_STRING", "AUTH_KEY", "LICENSE_KEY", "SESSION_KEY", "WEBHOOK_SECRET");

  /** Final name parts that describe a setting about a credential, not the credential. */
  private static final Set<String> NOT_SECRET = Set.of("FILE", "PATH", "DIR", "URL", "URI", "HOST", "PORT", "USER",
      "USERNAME", "NAME", "ID", "TTL", "EXPIRY", "EXPIRATION", "EXPIRES", "TIMEOUT", "LENGTH", "ENABLED", "ENABLE",
      "DISABLED", "REF", "HEADER", "TYPE", "MODE", "ALGORITHM", "ALG", "ISSUER", "AUDIENCE", "SCOPE", "SCOPES", "PROVIDER",
      "POLICY", "ROTATION", "LIFETIME", "SECONDS", "MINUTES", "HOURS", "DAYS", "COUNT", "SIZE", "MIN", "MAX", "VERSION",
      "REGION", "ENDPOINT", "FORMAT", "LOCATION", "KIND", "METHOD", "REQUIRED", "LOCATIONS", "PREFIX", "FIELD", "KEYS");

  private static final Pattern SPLIT = Pattern.compile("[^A-Z0-9]+");
  private static final Pattern URL_CREDENTIALS = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*://[^/\\s:@]+:[^/\\s@]+@.*");
  private static final Pattern NOT_A_VALUE = Pattern.compile("(?i)true|false|yes|no|on|off|null|none|[0-9]{1,7}|\\$\\([A-Za-z0-9_]+\\)");

  @Override
  public Rule rule() {
    return RULE;
  }

  @Override
  public void checkPod(Pod pod, Issues issues) {
    for (Container c : pod.containers()) {
      for (Node env : Yaml.get(c.node(), "env").map(YamlFile::items).orElse(List.of())) {
        String name = Yaml.string(env, "name").orElse("");
        Node valueNode = Yaml.get(env, "value").orElse(null);
        String value = valueNode == null ? "" : YamlFile.scalar(valueNode).orElse("");
        if (value.isBlank() || notAValue(value.trim()) || value.contains("${")) {
          continue;
        }
        boolean urlCredentials = URL_CREDENTIALS.matcher(value.trim()).matches();
        if (!urlCredentials && !credentialName(name)) {
          continue;
        }
        String redacted = redact(value);
        issues.report(RULE, valueNode, c.label() + " sets " + name + " to a literal " + (urlCredentials
                ? "URL with a password" : "value") + " (" + redacted + ") instead of a secretKeyRef")
            .confidence(value.length() >= 8 ? Confidence.HIGH : Confidence.MEDIUM)
            .secret(value, redacted, "- name: " + name + ", value: " + redacted)
            .key(c.name() + "|" + name);
      }
    }
  }

  /** Whether an environment variable's name says it holds a credential. */
  static boolean credentialName(String name) {
    String[] words = SPLIT.splitAsStream(name.toUpperCase(Locale.ROOT)).filter(w -> !w.isEmpty()).toArray(String[]::new);
    if (words.length == 0 || NOT_SECRET.contains(words[words.length - 1])) {
      return false;
    }
    for (int i = 0; i < words.length; i++) {
      if (SECRET_WORDS.contains(words[i]) || (i > 0 && SECRET_PAIRS.contains(words[i - 1] + "_" + words[i]))) {
        return true;
      }
    }
    return false;
  }

  /** Booleans, small numbers and {@code $(VAR)} references: settings, not credentials. */
  static boolean notAValue(String value) {
    return NOT_A_VALUE.matcher(value).matches();
  }

  /** The first four characters of a long value, nothing of a short one. */
  static String redact(String value) {
    return value.length() >= 10 ? value.substring(0, 4) + "…" : "…";
  }
}
