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
import java.util.ArrayList;
import java.util.List;

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
    List<LogTarget> targets = logTargets(m);
    for (Resource bucket : m.resources("aws_s3_bucket")) {
      if (bucket.blocks("logging").isEmpty() && !S3.attached(m, bucket, TYPE) && !isLogTarget(m, bucket, targets)) {
        out.add(RULE, bucket, bucket.block().start(), "logging",
            bucket.address() + " has no server access logging (no logging block or aws_s3_bucket_logging)", null);
      }
    }
  }

  /** An attribute that names the bucket some service writes its logs to. */
  private record LogTarget(Resource owner, Attribute attribute) {}

  /** Every log destination of the module, collected once: a module's buckets are each checked against all of them. */
  private static List<LogTarget> logTargets(Module m) {
    List<LogTarget> out = new ArrayList<>();
    for (Resource r : m.resources()) {
      add(out, r, r.attribute("target_bucket"));
      for (Block logging : r.blocks("logging")) {
        add(out, r, logging.attribute("target_bucket"));
      }
      for (Block logs : r.blocks("access_logs")) {
        add(out, r, logs.attribute("bucket"));
      }
    }
    for (Resource trail : m.resources("aws_cloudtrail", "aws_flow_log", "aws_config_delivery_channel")) {
      add(out, trail, trail.attribute("s3_bucket_name"));
      add(out, trail, trail.attribute("log_destination"));
    }
    return out;
  }

  private static void add(List<LogTarget> out, Resource owner, Attribute a) {
    if (a != null) {
      out.add(new LogTarget(owner, a));
    }
  }

  private static boolean isLogTarget(Module m, Resource bucket, List<LogTarget> targets) {
    if ("log-delivery-write".equals(m.string(bucket.attribute("acl")))) {
      return true;
    }
    String name = m.string(bucket.attribute("bucket"));
    for (LogTarget t : targets) {
      if (targets(m, t.owner(), t.attribute(), bucket, name)) {
        return true;
      }
    }
    return false;
  }

  private static boolean targets(Module m, Resource r, Attribute a, Resource bucket, String name) {
    return (bucket.referencedBy(Module.source(r.file(), a.value())) || (name != null && name.equals(m.string(a))));
  }
}
