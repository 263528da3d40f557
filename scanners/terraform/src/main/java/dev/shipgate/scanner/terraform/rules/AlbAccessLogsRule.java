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
import java.util.List;

/** An application load balancer without access logs ({@code access_logs.enabled} defaults to false). */
public final class AlbAccessLogsRule implements TerraformRule {

  public static final Rule RULE = Rule.builder("terraform/aws/alb-access-logs-disabled", "terraform")
      .title("Application load balancer access logs are off")
      .severity(Severity.LOW)
      .confidence(Confidence.HIGH)
      .cwe("CWE-778")
      .description("An application load balancer is the front door of the service; its access logs record every request "
          + "with client address, path, status and TLS details, and are often the only record of an attack against the "
          + "application. `access_logs` is off unless the block is present with `enabled = true` (naming a bucket alone "
          + "does not turn it on).")
      .fix("Add `access_logs { bucket = <log bucket>, enabled = true }` to the load balancer; the bucket needs a policy "
          + "allowing the regional ELB log delivery principal to write.")
      .tags("owasp-top10:A09:2021", "ssdf:PO.5.1", "iso27001:2022-A.8.15", "soc2:CC7.2")
      .build();

  @Override
  public Rule rule() {
    return RULE;
  }

  @Override
  public void check(Module m, Report out) {
    for (Resource r : m.resources("aws_lb", "aws_alb")) {
      Attribute type = r.attribute("load_balancer_type");
      if (type != null && !"application".equals(m.string(type))) {
        continue;
      }
      Block logs = r.block().block("access_logs");
      if (logs == null) {
        out.add(RULE, r, r.block().start(), "access_logs", r.address() + " has no access_logs block, so requests are not logged", null);
        continue;
      }
      Attribute enabled = logs.attribute("enabled");
      if (enabled == null) {
        out.add(RULE, r, logs.start(), "access_logs.enabled", r.address() + " names a log bucket but does not set access_logs.enabled (default false)",
            Fixes.insert(r, logs, List.of("enabled = true"), "set access_logs.enabled = true"));
      } else if (Boolean.FALSE.equals(m.bool(enabled))) {
        out.add(RULE, r, enabled.start(), "access_logs.enabled", r.address() + " sets access_logs.enabled = false" + m.via(enabled.value()),
            Fixes.replace(r, enabled, true, "set access_logs.enabled = true"));
      }
    }
  }
}
