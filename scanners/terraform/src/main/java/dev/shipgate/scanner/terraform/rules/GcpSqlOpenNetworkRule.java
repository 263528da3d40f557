package dev.shipgate.scanner.terraform.rules;

import dev.shipgate.core.model.Confidence;
import dev.shipgate.core.model.Rule;
import dev.shipgate.core.model.Severity;
import dev.shipgate.scanner.terraform.Module;
import dev.shipgate.scanner.terraform.Network;
import dev.shipgate.scanner.terraform.Report;
import dev.shipgate.scanner.terraform.Resource;
import dev.shipgate.scanner.terraform.TerraformRule;
import dev.shipgate.scanner.terraform.hcl.Attribute;
import dev.shipgate.scanner.terraform.hcl.Block;

/** A Cloud SQL instance with a public IP that lists 0.0.0.0/0 among its authorized networks. */
public final class GcpSqlOpenNetworkRule implements TerraformRule {

  public static final Rule RULE = Rule.builder("terraform/gcp/sql-public-ip-open", "terraform")
      .title("Cloud SQL public IP accepts connections from anywhere")
      .severity(Severity.HIGH)
      .confidence(Confidence.HIGH)
      .cwe("CWE-284", "CWE-668")
      .description("Cloud SQL instances get a public IPv4 address unless `ipv4_enabled = false`; the authorized networks "
          + "decide who may connect to it. An authorized network of 0.0.0.0/0 opens the database port to the whole "
          + "internet, leaving only the database password between an attacker and the data.")
      .fix("Remove the 0.0.0.0/0 authorized network. Prefer `ipv4_enabled = false` with `private_network` (private "
          + "IP), or connect through the Cloud SQL Auth Proxy, which needs no authorized networks at all.")
      .tags("cis-gcp:6.5", "owasp-top10:A05:2021", "ssdf:PW.9.1", "iso27001:2022-A.8.20", "soc2:CC6.6")
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
          if (Boolean.FALSE.equals(m.bool(ip.attribute("ipv4_enabled")))) {
            continue;
          }
          for (Block network : ip.blocks("authorized_networks")) {
            Attribute value = network.attribute("value");
            String cidr = m.string(value);
            if (Network.anywhere(cidr)) {
              out.add(RULE, r, value.start(), "authorized_networks:" + cidr,
                  r.address() + " authorizes " + cidr + m.via(value.value()) + " to connect to its public IP", null);
            }
          }
        }
      }
    }
  }
}
