package dev.shipgate.scanner.terraform.rules;

import dev.shipgate.core.model.Confidence;
import dev.shipgate.core.model.Rule;
import dev.shipgate.core.model.Severity;
import dev.shipgate.scanner.terraform.Module;
import dev.shipgate.scanner.terraform.Report;
import dev.shipgate.scanner.terraform.Resource;
import dev.shipgate.scanner.terraform.TerraformRule;
import dev.shipgate.scanner.terraform.hcl.Attribute;
import dev.shipgate.scanner.terraform.hcl.Block;

/** An S3 bucket without server access logging; buckets that receive logs themselves are not judged. */
public final class S3AccessLoggingRule implements TerraformRule {

  public static final Rule RULE = Rule.builder("terraform/aws/s3-access-logging-disabled", "terraform")
      .title("S3 bucket has no access logging")
      .severity(Severity.LOW)
      .confidence(Confidence.MEDIUM)
      .cwe("CWE-778")
      .description("Without server access logging (an inline `logging` block or an `aws_s3_bucket_logging` resource) "
          + "there is no record of who read, wrote or deleted objects, so a data leak or tampering cannot be "
          + "investigated. CloudTrail data events are the alternative; buckets that are themselves log targets are not "
          + "judged, since logging them would loop.")
      .fix("Add an `aws_s3_bucket_logging` resource with `target_bucket` set to a dedicated log bucket and a "
          + "`target_prefix`, or enable CloudTrail S3 data events for the bucket.")
      .tags("cis-aws:3.6", "owasp-top10:A09:2021", "ssdf:PO.5.1", "iso27001:2022-A.8.15", "soc2:CC7.2")
      .build();

  static final String TYPE = "aws_s3_bucket_logging";

  @Override
  public Rule rule() {
    return RULE;
  }

  @Override
  public void check(Module m, Report out) {
    if (!m.complete() || S3.unmatched(m, TYPE)) {
      return;
    }
    for (Resource bucket : m.resources("aws_s3_bucket")) {
      if (bucket.blocks("logging").isEmpty() && S3.attached(m, bucket, TYPE).isEmpty() && !isLogTarget(m, bucket)) {
        out.add(RULE, bucket, bucket.block().start(), "logging",
            bucket.address() + " has no server access logging (no logging block or aws_s3_bucket_logging)", null);
      }
    }
  }

  private static boolean isLogTarget(Module m, Resource bucket) {
    if ("log-delivery-write".equals(m.string(bucket.attribute("acl")))) {
      return true;
    }
    String name = m.string(bucket.attribute("bucket"));
    for (Resource r : m.resources()) {
      if (targets(m, r, r.attribute("target_bucket"), bucket, name)) {
        return true;
      }
      for (Block logging : r.blocks("logging")) {
        if (targets(m, r, logging.attribute("target_bucket"), bucket, name)) {
          return true;
        }
      }
      for (Block logs : r.blocks("access_logs")) {
        if (targets(m, r, logs.attribute("bucket"), bucket, name)) {
          return true;
        }
      }
    }
    for (Resource trail : m.resources("aws_cloudtrail", "aws_flow_log", "aws_config_delivery_channel")) {
      for (String attr : new String[] {"s3_bucket_name", "log_destination"}) {
        if (targets(m, trail, trail.attribute(attr), bucket, name)) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean targets(Module m, Resource r, Attribute a, Resource bucket, String name) {
    return a != null && (bucket.referencedBy(Module.source(r.file(), a.value())) || (name != null && name.equals(m.string(a))));
  }
}
