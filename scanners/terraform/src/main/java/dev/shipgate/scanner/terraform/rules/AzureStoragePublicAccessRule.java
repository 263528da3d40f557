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

/**
 * Anonymous blob access: a storage account that allows public containers ({@code allow_nested_items_to_be_public},
 * formerly {@code allow_blob_public_access}) set to true, or a container whose access type is {@code blob} or
 * {@code container}. An unset account flag is not judged: its default changed from true to false in azurerm 4.0.
 */
public final class AzureStoragePublicAccessRule implements TerraformRule {

  public static final Rule RULE = Rule.builder("terraform/azure/storage-public-access", "terraform")
      .title("Azure storage allows anonymous public blob access")
      .severity(Severity.HIGH)
      .confidence(Confidence.HIGH)
      .cwe("CWE-284", "CWE-732")
      .description("When a storage account allows public access to nested items, any container set to `blob` or "
          + "`container` access can be read anonymously by anyone who knows (or guesses) the URL, and `container` access "
          + "also lets them list every blob. Public blob containers are a recurring source of Azure data leaks.")
      .fix("Set `allow_nested_items_to_be_public = false` on the account and `container_access_type = \"private\"` on "
          + "containers; share individual blobs with short-lived SAS tokens or serve them through Front Door or a CDN.")
      .tags("cis-azure:3.7", "owasp-top10:A01:2021", "owasp-top10:A05:2021", "ssdf:PW.9.1", "iso27001:2022-A.8.3", "soc2:CC6.1")
      .build();

  @Override
  public Rule rule() {
    return RULE;
  }

  @Override
  public void check(Module m, Report out) {
    for (Resource r : m.resources("azurerm_storage_account")) {
      for (String name : new String[] {"allow_nested_items_to_be_public", "allow_blob_public_access"}) {
        Attribute a = r.attribute(name);
        if (Boolean.TRUE.equals(m.bool(a))) {
          out.add(RULE, r, a.start(), name, r.address() + " sets " + name + " = true" + m.via(a.value()) + ": its containers may be made public",
              Fixes.replace(r, a, false, "set " + name + " = false"));
        }
      }
    }
    for (Resource r : m.resources("azurerm_storage_container")) {
      Attribute a = r.attribute("container_access_type");
      String type = m.string(a);
      if ("blob".equals(type) || "container".equals(type)) {
        out.add(RULE, r, a.start(), "container_access_type", r.address() + " has container_access_type = \"" + type + "\"" + m.via(a.value())
            + (type.equals("container") ? ": anyone can list and read its blobs" : ": anyone can read its blobs"),
            Fixes.replace(r, a, "\"private\"", "set container_access_type = \"private\""));
      }
    }
  }
}
