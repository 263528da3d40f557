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

/** {@code publicly_accessible = true} on an RDS instance or Aurora cluster instance. */
public final class RdsPubliclyAccessibleRule implements TerraformRule {

  public static final Rule RULE = Rule.builder("terraform/aws/rds-publicly-accessible", "terraform")
      .title("RDS database is publicly accessible")
      .severity(Severity.HIGH)
      .confidence(Confidence.HIGH)
      .cwe("CWE-284", "CWE-668")
      .description("With `publicly_accessible = true` RDS gives the database a public DNS name and IP address; only its "
          + "security group then stands between the database port and the internet, and one broad ingress rule is enough "
          + "to expose it to password spraying and database exploits. Applications reach databases from inside the VPC.")
      .fix("Set `publicly_accessible = false`, place the database in private subnets, and reach it from outside through a "
          + "bastion, VPN or Session Manager port forwarding.")
      .tags("cis-aws:2.3.3", "owasp-top10:A05:2021", "ssdf:PW.9.1", "iso27001:2022-A.8.20", "soc2:CC6.6")
      .build();

  @Override
  public Rule rule() {
    return RULE;
  }

  @Override
  public void check(Module m, Report out) {
    for (Resource r : m.resources("aws_db_instance", "aws_rds_cluster_instance")) {
      Attribute a = r.attribute("publicly_accessible");
      if (Boolean.TRUE.equals(m.bool(a))) {
        out.add(RULE, r, a.start(), "publicly_accessible", r.address() + " sets publicly_accessible = true" + m.via(a.value()),
            Fixes.replace(r, a, false, "set publicly_accessible = false"));
      }
    }
  }
}
