package dev.shipgate.scanner.terraform.rules;

import dev.shipgate.core.model.Confidence;
import dev.shipgate.core.model.Rule;
import dev.shipgate.core.model.Severity;
import dev.shipgate.scanner.terraform.Fixes;
import dev.shipgate.scanner.terraform.Module;
import dev.shipgate.scanner.terraform.Report;
import dev.shipgate.scanner.terraform.Resource;
import dev.shipgate.scanner.terraform.TerraformRule;
import dev.shipgate.scanner.terraform.hcl.Attribute;
import dev.shipgate.scanner.terraform.hcl.Block;

/**
 * A Cloud SQL instance that accepts unencrypted connections: {@code require_ssl = false} or
 * {@code ssl_mode = "ALLOW_UNENCRYPTED_AND_ENCRYPTED"}. Unset is not judged: the attribute changed between
 * provider versions ({@code require_ssl} was removed in 6.0).
 */
public final class GcpSqlSslRule implements TerraformRule {

  public static final Rule RULE = Rule.builder("terraform/gcp/sql-ssl-not-required", "terraform")
      .title("Cloud SQL accepts unencrypted connections")
      .severity(Severity.MEDIUM)
      .confidence(Confidence.HIGH)
      .cwe("CWE-319")
      .description("When a Cloud SQL instance does not require SSL/TLS, clients may connect in clear text, and the "
          + "database password and every query and result cross the network readable by anyone on the path. Connections "
          + "through the Cloud SQL Auth Proxy are encrypted anyway, but direct connections to the IP are not.")
      .fix("Set `ssl_mode = \"ENCRYPTED_ONLY\"` (or `TRUSTED_CLIENT_CERTIFICATE_REQUIRED`); with provider versions before "
          + "6.0, `require_ssl = true`.")
      .tags("cis-gcp:6.4", "owasp-top10:A02:2021", "ssdf:PW.9.1", "iso27001:2022-A.8.24", "soc2:CC6.7")
      .build();

  @Override
  public Rule rule() {
    return RULE;
  }

  @Override
  public void check(Module m, Report out) {
    for (Resource r : m.resources("google_sql_database_instance")) {
      for (Block settings : r.blocks("settings")) {
        for (Block ip : settings.blocks("ip_configuration")) {
          Attribute require = ip.attribute("require_ssl");
          if (Boolean.FALSE.equals(m.bool(require))) {
            out.add(RULE, r, require.start(), "require_ssl", r.address() + " sets require_ssl = false" + m.via(require.value()),
                Fixes.replace(r, require, true, "set require_ssl = true"));
          }
          Attribute mode = ip.attribute("ssl_mode");
          if ("ALLOW_UNENCRYPTED_AND_ENCRYPTED".equals(m.string(mode))) {
            out.add(RULE, r, mode.start(), "ssl_mode", r.address() + " sets ssl_mode = \"ALLOW_UNENCRYPTED_AND_ENCRYPTED\"" + m.via(mode.value()),
                Fixes.replace(r, mode, "\"ENCRYPTED_ONLY\"", "set ssl_mode = \"ENCRYPTED_ONLY\""));
          }
        }
      }
    }
  }
}
