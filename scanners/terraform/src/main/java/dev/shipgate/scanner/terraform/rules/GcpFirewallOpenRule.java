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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** A VPC firewall rule allowing ingress from 0.0.0.0/0 or ::/0 to SSH, RDP, another administrative port or all ports. */
public final class GcpFirewallOpenRule implements TerraformRule {

  public static final Rule RULE = Rule.builder("terraform/gcp/firewall-open-admin-port", "terraform")
      .title("VPC firewall opens an administrative port to the internet")
      .severity(Severity.HIGH)
      .confidence(Confidence.HIGH)
      .cwe("CWE-284", "CWE-668")
      .description("A `google_compute_firewall` ingress rule with `source_ranges` 0.0.0.0/0 or ::/0 that allows SSH (22), "
          + "RDP (3389), a database port or all ports (an `allow` block without `ports`, or protocol `all`) exposes the "
          + "instances it targets to the whole internet. Google's default network ships such rules, and they are "
          + "attacked constantly.")
      .fix("Narrow `source_ranges` to known addresses, or to Google's IAP range 35.235.240.0/20 and use IAP TCP "
          + "forwarding for SSH and RDP; limit the rule to tagged instances with `target_tags`.")
      .tags("cis-gcp:3.6", "cis-gcp:3.7", "owasp-top10:A05:2021", "ssdf:PW.9.1", "iso27001:2022-A.8.20", "soc2:CC6.6")
      .build();

  @Override
  public Rule rule() {
    return RULE;
  }

  @Override
  public void check(Module m, Report out) {
    for (Resource r : m.resources("google_compute_firewall")) {
      Attribute direction = r.attribute("direction");
      if ((direction != null && !"INGRESS".equalsIgnoreCase(m.string(direction))) || Boolean.TRUE.equals(m.bool(r.attribute("disabled")))) {
        continue;
      }
      Attribute ranges = r.attribute("source_ranges");
      String open = null;
      for (String s : m.strings(ranges)) {
        if (open == null && Network.anywhere(s)) {
          open = s;
        }
      }
      if (open == null) {
        continue;
      }
      Set<String> exposed = new LinkedHashSet<>();
      for (Block allow : r.blocks("allow")) {
        String protocol = m.string(allow.attribute("protocol"));
        if (protocol == null) {
          continue;
        }
        switch (protocol.toLowerCase(Locale.ROOT)) {
          case "all" -> exposed.add("all ports");
          case "tcp", "udp", "sctp", "6", "17", "132" -> {
            Attribute ports = allow.attribute("ports");
            if (ports == null) {
              exposed.add("all ports");
            }
            for (String p : m.strings(ports)) {
              int[] range = Network.range(p);
              if (range != null) {
                exposed.addAll(Network.exposed(range[0], range[1], m.project().adminPorts()));
              }
            }
          }
          default -> { }
        }
      }
      if (!exposed.isEmpty()) {
        boolean all = exposed.contains("all ports");
        List<String> shown = all ? List.of("all ports") : List.copyOf(exposed);
        out.add(RULE, r, ranges.start(), "ingress:" + open + ":" + String.join(",", shown),
            r.address() + " allows " + open + m.via(ranges.value()) + " to " + String.join(", ", shown), null,
            all ? Severity.CRITICAL : Severity.HIGH);
      }
    }
  }
}
