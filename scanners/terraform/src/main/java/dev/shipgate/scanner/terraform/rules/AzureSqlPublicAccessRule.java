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
import java.util.List;

/**
 * An Azure SQL logical server reachable from public networks ({@code public_network_access_enabled} true or
 * unset, its default), and firewall rules that admit every IPv4 address (high).
 */
public final class AzureSqlPublicAccessRule implements TerraformRule {

  public static final Rule RULE = Rule.builder("terraform/azure/sql-public-network-access", "terraform")
      .title("Azure SQL server is reachable from public networks")
      .severity(Severity.MEDIUM)
      .confidence(Confidence.HIGH)
      .cwe("CWE-284", "CWE-668")
      .description("`public_network_access_enabled` defaults to true on `azurerm_mssql_server`, giving the server a public "
          + "endpoint whose only protection is its firewall rules; a rule from 0.0.0.0 to 255.255.255.255 then admits the "
          + "whole internet (high). Databases should be reached through private endpoints from the application's "
          + "virtual network.")
      .fix("Set `public_network_access_enabled = false` and connect through an `azurerm_private_endpoint`; remove "
          + "firewall rules spanning all addresses.")
      .tags("cis-azure:4.1.2", "owasp-top10:A05:2021", "ssdf:PW.9.1", "iso27001:2022-A.8.20", "soc2:CC6.6")
      .build();

  @Override
  public Rule rule() {
    return RULE;
  }

  @Override
  public void check(Module m, Report out) {
    for (Resource r : m.resources("azurerm_mssql_server")) {
      Attribute a = r.attribute("public_network_access_enabled");
      if (a == null) {
        out.add(RULE, r, r.block().start(), "public_network_access_enabled",
            r.address() + " does not set public_network_access_enabled (default true): the server has a public endpoint",
            Fixes.insert(r, r.block(), List.of("public_network_access_enabled = false"), "set public_network_access_enabled = false"));
      } else if (Boolean.TRUE.equals(m.bool(a))) {
        out.add(RULE, r, a.start(), "public_network_access_enabled",
            r.address() + " sets public_network_access_enabled = true" + m.via(a.value()) + ": the server has a public endpoint",
            Fixes.replace(r, a, false, "set public_network_access_enabled = false"));
      }
    }
    for (Resource r : m.resources("azurerm_mssql_firewall_rule", "azurerm_sql_firewall_rule")) {
      Attribute start = r.attribute("start_ip_address");
      if ("0.0.0.0".equals(m.string(start)) && "255.255.255.255".equals(m.string(r.attribute("end_ip_address")))) {
        out.add(RULE, r, start.start(), "firewall-all",
            r.address() + " admits every IPv4 address (0.0.0.0 - 255.255.255.255) to the SQL server", null, Severity.HIGH);
      }
    }
  }
}
