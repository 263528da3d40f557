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
import dev.shipgate.scanner.terraform.hcl.Expr;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

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
      List<Block> inline = r.blocks("ingress");
      for (int i = 0; i < inline.size(); i++) {
        Block ingress = inline.get(i);
        report(m, out, r, exposure(m, ingress, ingress.attribute("protocol"), e -> e, "cidr_blocks", "ipv6_cidr_blocks"), "ingress[" + i + "]");
      }
      for (Block dynamic : r.blocks("dynamic")) {
        if (dynamic.label(0).equals("ingress")) {
          dynamicIngress(m, out, r, dynamic);
        }
      }
    }
    for (Resource r : m.resources("aws_security_group_rule")) {
      if ("ingress".equals(m.string(r.attribute("type")))) {
        report(m, out, r, exposure(m, r.block(), r.attribute("protocol"), e -> e, "cidr_blocks", "ipv6_cidr_blocks"), "ingress");
      }
    }
    for (Resource r : m.resources("aws_vpc_security_group_ingress_rule")) {
      report(m, out, r, exposure(m, r.block(), r.attribute("ip_protocol"), e -> e, "cidr_ipv4", "cidr_ipv6"), "ingress");
    }
  }

  /** What one ingress rule opens to the internet: the attribute naming the open range, the range, the ports. */
  private record Exposure(Attribute open, String cidr, Set<String> ports) {}

  /**
   * {@code dynamic "ingress"} over a known list or map: each element is bound to {@code <iterator>.value} and the
   * {@code content} judged; the ports of all elements are reported once, at the content's open range.
   */
  private static void dynamicIngress(Module m, Report out, Resource r, Block dynamic) {
    Block content = dynamic.block("content");
    Attribute forEach = dynamic.attribute("for_each");
    if (content == null || forEach == null) {
      return;
    }
    Expr collection = m.resolve(forEach.value());
    List<Expr> elements = collection instanceof Expr.ObjectExpr o
        ? o.items().stream().map(Expr.ObjectExpr.Item::value).toList()
        : m.items(collection);
    if (elements == null) {
      return;
    }
    // The iterator is named by a bare word (iterator = rule), which parses as a reference.
    Attribute named = dynamic.attribute("iterator");
    String iterator = named == null ? dynamic.label(0) : named.value() instanceof Expr.Reference ref ? ref.path() : m.string(named);
    Exposure merged = null;
    for (Expr element : elements) {
      Exposure e = exposure(m, content, content.attribute("protocol"), bind(m, iterator + ".value", m.resolve(element)),
          "cidr_blocks", "ipv6_cidr_blocks");
      if (e != null) {
        if (merged == null) {
          merged = new Exposure(e.open(), e.cidr(), new LinkedHashSet<>());
        }
        merged.ports().addAll(e.ports());
      }
    }
    report(m, out, r, merged, "dynamic-ingress");
  }

  /** Replaces {@code name} and {@code name.attr} by the element (inside lists too); other expressions stay. */
  private static UnaryOperator<Expr> bind(Module m, String name, Expr element) {
    return new UnaryOperator<>() {
      @Override
      public Expr apply(Expr e) {
        if (e instanceof Expr.Reference ref) {
          if (ref.path().equals(name)) {
            return element;
          }
          if (ref.path().startsWith(name + ".") && element instanceof Expr.ObjectExpr o) {
            Expr field = o.get(ref.path().substring(name.length() + 1));
            return field == null ? e : m.resolve(field);
          }
        }
        if (e instanceof Expr.Tuple t) {
          return new Expr.Tuple(t.items().stream().map(this).toList(), t.start(), t.end());
        }
        return e;
      }
    };
  }

  private static Exposure exposure(Module m, Block rule, Attribute protocol, UnaryOperator<Expr> bind, String... cidrAttrs) {
    Attribute open = null;
    String cidr = null;
    for (String name : cidrAttrs) {
      Attribute a = rule.attribute(name);
      if (a == null) {
        continue;
      }
      for (String c : m.strings(bind.apply(a.value()))) {
        if (open == null && Network.anywhere(c)) {
          open = a;
          cidr = c;
        }
      }
    }
    if (open == null || protocol == null) {
      return null;
    }
    String proto = m.string(bind.apply(protocol.value()));
    Set<String> exposed = new LinkedHashSet<>();
    if ("-1".equals(proto) || "all".equalsIgnoreCase(proto)) {
      exposed.add("all ports");
    } else if (proto == null || !isPortProtocol(proto)) {
      return null;
    } else {
      int[] from = port(m, rule.attribute("from_port"), bind);
      int[] to = port(m, rule.attribute("to_port"), bind);
      if (from == null || to == null) {
        return null;
      }
      exposed.addAll(Network.exposed(from[0], to[1], m.project().adminPorts()));
    }
    return exposed.isEmpty() ? null : new Exposure(open, cidr, exposed);
  }

  private static int[] port(Module m, Attribute a, UnaryOperator<Expr> bind) {
    return a == null ? null : Network.range(m.string(bind.apply(a.value())));
  }

  private static void report(Module m, Report out, Resource r, Exposure e, String where) {
    if (e == null) {
      return;
    }
    boolean all = e.ports().contains("all ports");
    String ports = all ? "all ports" : String.join(", ", e.ports());
    out.add(RULE, r, e.open().start(), where + ":" + e.cidr() + ":" + ports,
        r.address() + " allows " + e.cidr() + m.via(e.open().value()) + " to " + ports, null,
        all ? Severity.CRITICAL : Severity.HIGH);
  }

  private static boolean isPortProtocol(String proto) {
    return switch (proto.toLowerCase(java.util.Locale.ROOT)) {
      case "tcp", "udp", "6", "17" -> true;
      default -> false;
    };
  }
}
