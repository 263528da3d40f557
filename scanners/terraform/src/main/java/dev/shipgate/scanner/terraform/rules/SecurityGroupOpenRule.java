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
import java.util.List;

/**
 * Security group ingress from {@code 0.0.0.0/0} or {@code ::/0} to an administrative or database port, or to
 * every port: inline {@code ingress} blocks, {@code aws_security_group_rule} and
 * {@code aws_vpc_security_group_ingress_rule}.
 */
public final class SecurityGroupOpenRule implements TerraformRule {

  public static final Rule RULE = Rule.builder("terraform/aws/security-group-open-admin-port", "terraform")
      .title("Security group opens an administrative port to the internet")
      .severity(Severity.HIGH)
      .confidence(Confidence.HIGH)
      .cwe("CWE-284", "CWE-668")
      .description("An ingress rule from 0.0.0.0/0 or ::/0 to SSH, RDP, WinRM, a database or cache port (or to all "
          + "ports, critical) exposes the service to the whole internet, where it is found by scanners within minutes "
          + "and attacked with credential stuffing and exploits. Administrative access belongs behind a VPN, a bastion, "
          + "or AWS Systems Manager Session Manager.")
      .fix("Restrict `cidr_blocks` / `ipv6_cidr_blocks` (or `cidr_ipv4` / `cidr_ipv6`) to your office or VPN ranges, "
          + "or reference a bastion's security group; for SSH and RDP prefer Session Manager and remove the rule.")
      .tags("cis-aws:5.2", "cis-aws:5.3", "owasp-top10:A05:2021", "ssdf:PW.9.1", "iso27001:2022-A.8.20", "soc2:CC6.6")
      .build();

  @Override
  public Rule rule() {
    return RULE;
  }

  @Override
  public void check(Module m, Report out) {
    for (Resource r : m.resources("aws_security_group")) {
      for (Block ingress : r.blocks("ingress")) {
        judge(m, out, r, ingress, ingress.attribute("protocol"), "cidr_blocks", "ipv6_cidr_blocks");
      }
    }
    for (Resource r : m.resources("aws_security_group_rule")) {
      if ("ingress".equals(m.string(r.attribute("type")))) {
        judge(m, out, r, r.block(), r.attribute("protocol"), "cidr_blocks", "ipv6_cidr_blocks");
      }
    }
    for (Resource r : m.resources("aws_vpc_security_group_ingress_rule")) {
      judge(m, out, r, r.block(), r.attribute("ip_protocol"), "cidr_ipv4", "cidr_ipv6");
    }
  }

  private static void judge(Module m, Report out, Resource r, Block rule, Attribute protocol, String... cidrAttrs) {
    Attribute open = null;
    String cidr = null;
    for (String name : cidrAttrs) {
      Attribute a = rule.attribute(name);
      for (String c : m.strings(a)) {
        if (open == null && Network.anywhere(c)) {
          open = a;
          cidr = c;
        }
      }
    }
    if (open == null) {
      return;
    }
    String proto = m.string(protocol);
    List<String> exposed;
    if ("-1".equals(proto) || "all".equalsIgnoreCase(proto)) {
      exposed = List.of("all ports");
    } else if (proto == null || !isPortProtocol(proto)) {
      return;
    } else {
      String from = m.string(rule.attribute("from_port"));
      String to = m.string(rule.attribute("to_port"));
      int[] a = Network.range(from);
      int[] b = Network.range(to);
      if (a == null || b == null) {
        return;
      }
      exposed = Network.exposed(a[0], b[1], m.project().adminPorts());
    }
    if (exposed.isEmpty()) {
      return;
    }
    boolean all = exposed.get(0).equals("all ports");
    out.add(RULE, r, open.start(), "ingress:" + cidr + ":" + String.join(",", exposed),
        r.address() + " allows " + cidr + m.via(open.value()) + " to " + String.join(", ", exposed), null,
        all ? Severity.CRITICAL : Severity.HIGH);
  }

  private static boolean isPortProtocol(String proto) {
    return switch (proto.toLowerCase(java.util.Locale.ROOT)) {
      case "tcp", "udp", "6", "17" -> true;
      default -> false;
    };
  }
}
