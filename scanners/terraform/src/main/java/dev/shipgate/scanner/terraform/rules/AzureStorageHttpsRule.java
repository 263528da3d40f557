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

/** A storage account accepting plain HTTP ({@code https_traffic_only_enabled}, formerly {@code enable_https_traffic_only}). */
public final class AzureStorageHttpsRule implements TerraformRule {

  public static final Rule RULE = Rule.builder("terraform/azure/storage-https-disabled", "terraform")
      .title("Azure storage account accepts unencrypted HTTP")
      .severity(Severity.MEDIUM)
      .confidence(Confidence.HIGH)
      .cwe("CWE-319")
      .description("With secure transfer turned off the storage account accepts requests over plain HTTP (and SMB without "
          + "encryption), so data, and the shared key or SAS token that authorises each request, cross the network in "
          + "clear text where anyone on the path can read or replay them.")
      .fix("Set `https_traffic_only_enabled = true` (azurerm 4.x; `enable_https_traffic_only` in 3.x), the default, and "
          + "update any client that still uses http:// endpoints.")
      .tags("cis-azure:3.1", "owasp-top10:A02:2021", "ssdf:PW.9.1", "iso27001:2022-A.8.24", "soc2:CC6.7")
      .build();

  @Override
  public Rule rule() {
    return RULE;
  }

  @Override
  public void check(Module m, Report out) {
    for (Resource r : m.resources("azurerm_storage_account")) {
      for (String name : new String[] {"https_traffic_only_enabled", "enable_https_traffic_only"}) {
        Attribute a = r.attribute(name);
        if (Boolean.FALSE.equals(m.bool(a))) {
          out.add(RULE, r, a.start(), name, r.address() + " sets " + name + " = false" + m.via(a.value()) + ": plain HTTP is accepted",
              Fixes.replace(r, a, true, "set " + name + " = true"));
        }
      }
    }
  }
}
