package dev.shipgate.scanner.terraform.rules;

import dev.shipgate.core.model.Confidence;
import dev.shipgate.core.model.Rule;
import dev.shipgate.core.model.Severity;
import dev.shipgate.scanner.terraform.Module;
import dev.shipgate.scanner.terraform.Report;
import dev.shipgate.scanner.terraform.Resource;
import dev.shipgate.scanner.terraform.TerraformRule;
import dev.shipgate.scanner.terraform.hcl.Attribute;

/** IAM members or ACL entries that give {@code allUsers} or {@code allAuthenticatedUsers} access to a Cloud Storage bucket. */
public final class GcpStoragePublicRule implements TerraformRule {

  public static final Rule RULE = Rule.builder("terraform/gcp/storage-public-access", "terraform")
      .title("Cloud Storage bucket is public")
      .severity(Severity.HIGH)
      .confidence(Confidence.HIGH)
      .cwe("CWE-284", "CWE-732")
      .description("`allUsers` is anyone on the internet and `allAuthenticatedUsers` is anyone with any Google account; "
          + "granting either a role on a bucket (IAM member or binding) or an ACL entry makes its objects readable (or "
          + "writable) by the public. Public buckets are the most common Google Cloud data leak.")
      .fix("Remove `allUsers` / `allAuthenticatedUsers` from the bucket's IAM and ACLs, turn on "
          + "`public_access_prevention = \"enforced\"` and `uniform_bucket_level_access = true`, and share objects with "
          + "signed URLs or through Cloud CDN.")
      .tags("cis-gcp:5.1", "owasp-top10:A01:2021", "owasp-top10:A05:2021", "ssdf:PW.9.1", "iso27001:2022-A.8.3", "soc2:CC6.1")
      .build();

  @Override
  public Rule rule() {
    return RULE;
  }

  @Override
  public void check(Module m, Report out) {
    for (Resource r : m.resources("google_storage_bucket_iam_member", "google_storage_bucket_iam_binding")) {
      for (String attr : new String[] {"member", "members"}) {
        judge(m, out, r, r.attribute(attr));
      }
    }
    for (Resource r : m.resources("google_storage_bucket_acl", "google_storage_default_object_acl", "google_storage_object_acl")) {
      judge(m, out, r, r.attribute("role_entity"));
    }
    for (Resource r : m.resources("google_storage_bucket_access_control", "google_storage_default_object_access_control",
        "google_storage_object_access_control")) {
      judge(m, out, r, r.attribute("entity"));
    }
  }

  private static void judge(Module m, Report out, Resource r, Attribute a) {
    for (String member : m.strings(a)) {
      String who = member.endsWith("allUsers") ? "allUsers" : member.endsWith("allAuthenticatedUsers") ? "allAuthenticatedUsers" : null;
      if (who != null) {
        out.add(RULE, r, a.start(), a.name() + ":" + member,
            r.address() + " grants " + (who.equals("allUsers") ? "anyone on the internet" : "every Google account") + " (" + member + ")"
                + m.via(a.value()) + " access to the bucket", null);
        return;
      }
    }
  }
}
