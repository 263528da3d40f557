package dev.shipgate.scanner.terraform.rules;

import dev.shipgate.scanner.terraform.Module;
import dev.shipgate.scanner.terraform.Resource;
import dev.shipgate.scanner.terraform.hcl.Attribute;
import java.util.ArrayList;
import java.util.List;

/** How separate S3 resources (AWS provider v4+) attach to their bucket. */
final class S3 {

  private S3() {}

  /**
   * The resources of {@code type} in the module whose {@code bucket} attribute refers to {@code bucket}: by
   * reference ({@code aws_s3_bucket.b.id}) or by the same literal name.
   */
  static List<Resource> attached(Module m, Resource bucket, String type) {
    String name = m.string(bucket.attribute("bucket"));
    List<Resource> out = new ArrayList<>();
    for (Resource r : m.resources(type)) {
      Attribute ref = r.attribute("bucket");
      if (ref != null && (bucket.referencedBy(Module.source(r.file(), ref.value())) || (name != null && name.equals(m.string(ref))))) {
        out.add(r);
      }
    }
    return out;
  }

  /** Whether a resource of {@code type} names its bucket in a way that cannot be matched (unknown), so absence is unproven. */
  static boolean unmatched(Module m, String type) {
    for (Resource r : m.resources(type)) {
      Attribute ref = r.attribute("bucket");
      if (ref == null || (m.string(ref) == null && !Module.source(r.file(), ref.value()).contains("aws_s3_bucket."))) {
        return true;
      }
    }
    return false;
  }
}
