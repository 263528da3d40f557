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
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * An inbound Allow rule of a network security group from {@code *}, {@code Internet}, {@code Any} or
 * {@code 0.0.0.0/0} to SSH, RDP or another administrative port: {@code azurerm_network_security_rule} and
 * inline {@code security_rule} blocks.
 */
public final class AzureNsgOpenRule implements TerraformRule {

  public static final Rule RULE = Rule.builder("terraform/azure/nsg-open-admin-port", "terraform")
      .title("Network security group opens an administrative port to the internet")
      .severity(Severity.HIGH)
      .confidence(Confidence.HIGH)
      .cwe("CWE-284", "CWE-668")
      .description("An inbound Allow rule whose source is `*`, `Internet`, `Any` or 0.0.0.0/0 and whose destination port "
          + "range covers SSH (22), RDP (3389), WinRM or a database port exposes the virtual machines behind it to the "
          + "whole internet, where RDP and SSH brute forcing starts within minutes of a port opening.")
      .fix("Limit `source_address_prefix(es)` to known ranges or a service tag such as `VirtualNetwork`, and use Azure "
          + "Bastion or just-in-time VM access for administration instead of a standing rule.")
      .tags("cis-azure:6.1", "cis-azure:6.2", "owasp-top10:A05:2021", "ssdf:PW.9.1", "iso27001:2022-A.8.20", "soc2:CC6.6")
      .build();

  @Override
  public Rule rule() {
    return RULE;
  }

  @Override
  public void check(Module m, Report out) {
    for (Resource r : m.resources("azurerm_network_security_rule")) {
      judge(m, out, r, r.block(), r.attribute("name") == null ? r.name() : m.string(r.attribute("name")));
    }
    for (Resource r : m.resources("azurerm_network_security_group")) {
      for (Block rule : r.blocks("security_rule")) {
        judge(m, out, r, rule, m.string(rule.attribute("name")));
      }
    }
  }

  private static void judge(Module m, Report out, Resource r, Block rule, String name) {
    if (!"inbound".equalsIgnoreCase(m.string(rule.attribute("direction"))) || !"allow".equalsIgnoreCase(m.string(rule.attribute("access")))) {
      return;
    }
    String protocol = m.string(rule.attribute("protocol"));
    if (protocol == null || protocol.toLowerCase(Locale.ROOT).equals("icmp")) {
      return;
    }
    Attribute open = null;
    String source = null;
    for (String attr : new String[] {"source_address_prefix", "source_address_prefixes"}) {
      Attribute a = rule.attribute(attr);
      for (String s : m.strings(a)) {
        if (open == null && Network.anywhere(s)) {
          open = a;
          source = s;
        }
      }
    }
    if (open == null) {
      return;
    }
    List<String> ports = new ArrayList<>(m.strings(rule.attribute("destination_port_ranges")));
    ports.addAll(m.strings(rule.attribute("destination_port_range")));
    Set<String> exposed = new LinkedHashSet<>();
    for (String p : ports) {
      int[] range = Network.range(p);
      if (range != null) {
        exposed.addAll(Network.exposed(range[0], range[1], m.project().adminPorts()));
      }
    }
    if (exposed.isEmpty()) {
      return;
    }
    boolean all = exposed.contains("all ports");
    out.add(RULE, r, open.start(), "rule:" + name + ":" + String.join(",", exposed),
        r.address() + (name == null ? "" : " rule " + name) + " allows inbound " + source + m.via(open.value()) + " to "
            + (all ? "all ports" : String.join(", ", exposed)), null, all ? Severity.CRITICAL : Severity.HIGH);
  }
}
