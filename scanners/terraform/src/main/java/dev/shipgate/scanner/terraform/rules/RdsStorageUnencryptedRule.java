package dev.shipgate.scanner.terraform.rules;

import dev.shipgate.core.model.Confidence;
import dev.shipgate.core.model.Rule;
import dev.shipgate.core.model.Severity;
import dev.shipgate.scanner.terraform.Module;
import dev.shipgate.scanner.terraform.Report;
import dev.shipgate.scanner.terraform.Resource;
import dev.shipgate.scanner.terraform.TerraformRule;

/**
 * RDS instances and Aurora clusters without storage encryption. Read replicas and restores from a snapshot
 * inherit their source's encryption, and Serverless v1 clusters are always encrypted: those are not judged.
 */
public final class RdsStorageUnencryptedRule implements TerraformRule {

  public static final Rule RULE = Rule.builder("terraform/aws/rds-storage-unencrypted", "terraform")
      .title("RDS database storage is not encrypted")
      .severity(Severity.HIGH)
      .confidence(Confidence.HIGH)
      .cwe("CWE-311")
      .description("`storage_encrypted` defaults to false for `aws_db_instance` and provisioned `aws_rds_cluster`, so "
          + "the database files, automated backups, read replicas and snapshots are stored unencrypted. Encryption can "
          + "only be chosen when the database is created; turning it on later means restoring from an encrypted "
          + "snapshot copy, which is why it must be right from the first apply.")
      .fix("Set `storage_encrypted = true` (with `kms_key_id` for a customer managed key). On an existing database this "
          + "forces replacement: copy a snapshot with encryption enabled, restore from it, and switch over.")
      .tags("cis-aws:2.3.1", "owasp-top10:A02:2021", "ssdf:PW.9.1", "iso27001:2022-A.8.24", "soc2:CC6.7")
      .build();

  @Override
  public Rule rule() {
    return RULE;
  }

  @Override
  public void check(Module m, Report out) {
    for (Resource r : m.resources("aws_db_instance", "aws_rds_cluster")) {
      if (r.attribute("replicate_source_db") != null || r.attribute("snapshot_identifier") != null
          || r.attribute("replication_source_identifier") != null || "serverless".equals(m.string(r.attribute("engine_mode")))) {
        continue;
      }
      Flags.requireTrue(RULE, m, r, "storage_encrypted", " (forces a new database)", out);
    }
  }
}
