package dev.shipgate.scanner.terraform.rules;

import dev.shipgate.core.model.Fix;
import dev.shipgate.scanner.terraform.Fixes;
import dev.shipgate.scanner.terraform.Module;
import dev.shipgate.scanner.terraform.Resource;
import dev.shipgate.scanner.terraform.hcl.Attribute;
import java.util.HashSet;
import java.util.Set;

/** How separate S3 resources (AWS provider v4+) attach to their bucket. */
final class S3 {

  private S3() {}

  /**
   * Whether a resource of {@code type} in the module has a {@code bucket} attribute that refers to {@code bucket}: by
   * reference ({@code aws_s3_bucket.b.id}) or by the same literal name. The module's attachments are indexed once per
   * type, so a module with thousands of buckets is not checked bucket by resource.
   */
  static boolean attached(Module m, Resource bucket, String type) {
    Attachments index = m.memo(Attachments.class.getName() + ":" + type, () -> Attachments.of(m, type));
    if (index.addresses().contains(bucket.address())) {
      return true;
    }
    String name = m.string(bucket.attribute("bucket"));
    return name != null && index.names().contains(name);
  }

  /** The bucket addresses referenced and the literal bucket names used by the resources of one type. */
  private record Attachments(Set<String> addresses, Set<String> names) {
    static Attachments of(Module m, String type) {
      Set<String> addresses = new HashSet<>();
      Set<String> names = new HashSet<>();
      for (Resource r : m.resources(type)) {
        Attribute ref = r.attribute("bucket");
        if (ref == null) {
          continue;
        }
        addresses.addAll(Resource.referencedAddresses(Module.source(r.file(), ref.value()), "aws_s3_bucket"));
        String literal = m.string(ref);
        if (literal != null) {
          names.add(literal);
        }
      }
      return new Attachments(addresses, names);
    }
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

  /**
   * A fix that appends a {@code type} resource for {@code bucket}, named like it, with {@code body} (indented lines)
   * after its {@code bucket} reference; null for a repeated bucket ({@code count}/{@code for_each}: it has no single
   * {@code .id} to refer to) or when a {@code type} resource of that name exists (the address would clash).
   */
  static Fix attachFix(Module m, Resource bucket, String type, String body, String description) {
    if (bucket.repeated()) {
      return null;
    }
    for (Resource r : m.resources(type)) {
      if (r.name().equals(bucket.name())) {
        return null;
      }
    }
    String block = "resource \"" + type + "\" \"" + bucket.name() + "\" {\n"
        + "  bucket = " + bucket.address() + ".id\n"
        + "\n"
        + body
        + "}";
    return Fixes.appendAfter(bucket, block, description);
  }
}
