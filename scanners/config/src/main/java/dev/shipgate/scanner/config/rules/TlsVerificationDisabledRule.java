package dev.shipgate.scanner.config.rules;

import dev.shipgate.core.model.Confidence;
import dev.shipgate.core.model.Rule;
import dev.shipgate.core.model.Severity;
import dev.shipgate.scanner.config.ConfigEntry;
import dev.shipgate.scanner.config.ConfigRule;
import dev.shipgate.scanner.config.ConfigView;
import dev.shipgate.scanner.config.RelaxedNames;
import dev.shipgate.scanner.config.Values;
import dev.shipgate.scanner.config.Verdict;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/** Client properties of Spring and well-known libraries that turn off certificate or host name checks. */
public final class TlsVerificationDisabledRule implements ConfigRule {

  public static final Rule RULE = Rule.builder("config/spring/tls-verification-disabled", "config")
      .title("TLS certificate or host name verification is disabled")
      .severity(Severity.HIGH)
      .confidence(Confidence.HIGH)
      .cwe("CWE-295")
      .description("These settings make an outgoing client accept any certificate or any host name: Spring Cloud "
          + "Gateway's insecure trust manager, OpenFeign's `disable-ssl-validation`, Config Server's `skip-ssl-validation` "
          + "and `strict-host-key-checking=false`, RabbitMQ's `verify-hostname`/`validate-server-certificate=false`, "
          + "Kubernetes client `trust-certs`, an empty Kafka `ssl.endpoint.identification.algorithm`, and JavaMail "
          + "`ssl.trust=*` / `ssl.checkserveridentity=false`. Anyone on the network path can then read and change the "
          + "traffic, including credentials. `server.ssl.enabled=false` is not reported: it concerns the server side.")
      .fix("Remove the setting and make the peer's certificate trusted instead: add its CA to a trust store "
          + "(`spring.ssl.bundle.*` in Boot 3.1+, or the client's trust-store settings); keep host name verification on "
          + "(`ssl.endpoint.identification.algorithm=https` for Kafka).")
      .tags("owasp-top10:A07:2021", "owasp-top10:A02:2021", "asvs:4.0.3-9.2.1", "ssdf:PW.9.1",
          "iso27001:2022-A.8.24", "iso27001:2022-A.8.9", "soc2:CC6.7")
      .build();

  private record Check(Predicate<String> name, Predicate<String> unsafe, String what) {}

  private static final List<Check> CHECKS = List.of(
      new Check(n -> n.startsWith("spring.cloud.gateway.") && n.endsWith(".httpclient.ssl.useinsecuretrustmanager"),
          Values::isTrue, "Spring Cloud Gateway trusts every backend certificate"),
      new Check(n -> n.equals("feign.httpclient.disablesslvalidation") || n.equals("spring.cloud.openfeign.httpclient.disablesslvalidation"),
          Values::isTrue, "OpenFeign clients skip certificate validation"),
      new Check(n -> n.startsWith("spring.cloud.config.server.") && n.endsWith(".skipsslvalidation"),
          Values::isTrue, "Config Server skips certificate validation for its backend"),
      new Check(n -> n.startsWith("spring.cloud.config.server.") && n.endsWith(".stricthostkeychecking"),
          Values::isFalse, "Config Server accepts any SSH host key for its Git backend"),
      new Check(n -> n.equals("spring.rabbitmq.ssl.verifyhostname"), Values::isFalse, "RabbitMQ client skips host name verification"),
      new Check(n -> n.equals("spring.rabbitmq.ssl.validateservercertificate"), Values::isFalse, "RabbitMQ client accepts any server certificate"),
      new Check(n -> n.equals("spring.cloud.kubernetes.client.trustcerts"), Values::isTrue, "Kubernetes client trusts any API server certificate"),
      new Check(n -> n.endsWith("ssl.endpoint.identification.algorithm"), String::isBlank, "Kafka client skips host name verification (empty ssl.endpoint.identification.algorithm)"),
      new Check(n -> n.endsWith("mail.smtp.ssl.trust") || n.endsWith("mail.smtps.ssl.trust"),
          v -> Values.items(v).stream().anyMatch(Values::isWildcard), "JavaMail trusts every SMTP server certificate (ssl.trust=*)"),
      new Check(n -> n.endsWith("mail.smtp.ssl.checkserveridentity") || n.endsWith("mail.smtps.ssl.checkserveridentity"),
          Values::isFalse, "JavaMail skips SMTP server identity checks"));

  @Override
  public Rule rule() {
    return RULE;
  }

  @Override
  public Optional<Verdict> check(ConfigEntry entry, ConfigView view) {
    String name = entry.name();
    // Pass-through client maps (spring.kafka.properties.*, spring.mail.properties.*) keep brackets in YAML keys.
    String flat = name.indexOf('[') < 0 ? name : RelaxedNames.uniform(name.replace("[", ".").replace("]", ""));
    for (Check c : CHECKS) {
      if ((c.name().test(name) || c.name().test(flat)) && c.unsafe().test(entry.value())) {
        return Optional.of(Verdict.of(RULE, c.what() + " ('" + entry.key() + "')"));
      }
    }
    return Optional.empty();
  }
}
