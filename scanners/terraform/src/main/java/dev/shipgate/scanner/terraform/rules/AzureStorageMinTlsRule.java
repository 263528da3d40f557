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

/** A storage account that still accepts TLS 1.0 or 1.1. */
public final class AzureStorageMinTlsRule implements TerraformRule {

  public static final Rule RULE = Rule.builder("terraform/azure/storage-min-tls", "terraform")
      .title("Azure storage account accepts TLS older than 1.2")
      .severity(Severity.MEDIUM)
      .confidence(Confidence.HIGH)
      .cwe("CWE-326", "CWE-327")
      .description("`min_tls_version = \"TLS1_0\"` or `\"TLS1_1\"` lets clients negotiate protocol versions with known "
          + "weaknesses (BEAST, weak cipher suites, no AEAD) that PCI DSS and NIST SP 800-52 forbid; Azure itself is "
          + "retiring TLS 1.0 and 1.1 for storage. Every supported client library speaks TLS 1.2.")
      .fix("Set `min_tls_version = \"TLS1_2\"` (the provider default), after checking that no legacy client still "
          + "connects with an older version (storage analytics logs show the TLS version per request).")
      .tags("cis-azure:3.15", "owasp-top10:A02:2021", "ssdf:PW.9.1", "iso27001:2022-A.8.24", "soc2:CC6.7")
      .build();

  @Override
  public Rule rule() {
    return RULE;
  }

  @Override
  public void check(Module m, Report out) {
    for (Resource r : m.resources("azurerm_storage_account")) {
      Attribute a = r.attribute("min_tls_version");
      String v = m.string(a);
      if ("TLS1_0".equals(v) || "TLS1_1".equals(v)) {
        out.add(RULE, r, a.start(), "min_tls_version", r.address() + " sets min_tls_version = \"" + v + "\"" + m.via(a.value()),
            Fixes.replace(r, a, "\"TLS1_2\"", "set min_tls_version = \"TLS1_2\""));
      }
    }
  }
}
