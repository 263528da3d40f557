package dev.shipgate.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shipgate.core.gate.CoreRules;
import dev.shipgate.core.model.Rule;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ComplianceTest {

  private final ComplianceCatalog catalog = ComplianceCatalog.get();

  @Test
  void tagsInEveryNotationNormalise() {
    assertThat(ComplianceCatalog.parseTag("asvs:4.0.3-14.3.2", "tag")).map(Object::toString).contains("asvs:14.3.2");
    assertThat(ComplianceCatalog.parseTag("asvs:14.3.2", "tag")).map(Object::toString).contains("asvs:14.3.2");
    assertThat(ComplianceCatalog.parseTag("iso27001:2022-A.8.9", "tag")).map(Object::toString).contains("iso27001:A.8.9");
    assertThat(ComplianceCatalog.parseTag("soc2:cc6.6", "tag")).map(Object::toString).contains("soc2:CC6.6");
    assertThat(ComplianceCatalog.parseTag("owasp-top10:A05:2021", "tag")).map(Object::toString)
        .contains("owasp-top10:A05:2021");
    assertThat(ComplianceCatalog.parseTag("spring", "tag")).isEmpty();
    assertThat(ComplianceCatalog.compareIds("5.3.10", "5.3.4")).isPositive();
    assertThat(ComplianceCatalog.compareIds("A.8.9", "A.8.28")).isNegative();
  }

  @Test
  void referencesComeFromTagsCweAndFamily() {
    List<ComplianceCatalog.Reference> refs = catalog.references(Fixtures.AWS);
    assertThat(refs).extracting(Object::toString).contains("cwe:CWE-798", "asvs:2.10.4", "owasp-top10:A07:2021",
        "iso27001:A.5.17", "iso27001:A.8.12", "ssdf:PS.1.1", "soc2:CC6.1");
    assertThat(refs).filteredOn(r -> r.toString().equals("asvs:2.10.4")).singleElement()
        .extracting(ComplianceCatalog.Reference::via).isEqualTo("CWE-798");
    assertThat(refs).filteredOn(r -> r.toString().equals("ssdf:PS.1.1")).singleElement()
        .extracting(ComplianceCatalog.Reference::via).isEqualTo("family secrets");
    List<ComplianceCatalog.Reference> sql = catalog.references(Fixtures.SQL);
    assertThat(sql).filteredOn(r -> r.toString().equals("asvs:5.3.4")).singleElement()
        .extracting(ComplianceCatalog.Reference::via).as("an explicit tag wins over derivations").isEqualTo("tag");
    assertThat(catalog.references(Fixtures.VULN)).extracting(Object::toString)
        .contains("e8:patch-applications", "ssdf:RV.1.1", "iso27001:A.8.8");
  }

  @Test
  void everyCatalogReferenceToAReportedFrameworkNamesAListedControl() {
    Set<String> missing = new HashSet<>();
    List<Rule> probes = List.of(Fixtures.SQL, Fixtures.AWS, Fixtures.DEBUG, Fixtures.VULN);
    List<Rule> all = new java.util.ArrayList<>(CoreRules.ALL);
    all.addAll(probes);
    for (String family : List.of("shipgate", "secrets", "java", "config", "deps", "arch", "api", "ci", "docker", "k8s",
        "terraform", "change")) {
      all.add(Rule.builder(family + "/probe/rule", family).title("t").description("d").fix("f").build());
    }
    for (String cwe : List.of("CWE-22", "CWE-78", "CWE-79", "CWE-89", "CWE-90", "CWE-94", "CWE-113", "CWE-200",
        "CWE-209", "CWE-250", "CWE-259", "CWE-269", "CWE-295", "CWE-297", "CWE-306", "CWE-312", "CWE-321", "CWE-327",
        "CWE-328", "CWE-330", "CWE-353", "CWE-384", "CWE-489", "CWE-494", "CWE-501", "CWE-502", "CWE-522", "CWE-532",
        "CWE-598", "CWE-601", "CWE-611", "CWE-613", "CWE-614", "CWE-643", "CWE-798", "CWE-829", "CWE-917", "CWE-918",
        "CWE-942", "CWE-1004", "CWE-1275", "CWE-1357", "CWE-1395", "CWE-1427")) {
      all.add(Rule.builder("java/probe/" + cwe.toLowerCase(java.util.Locale.ROOT), "java").title("t").description("d")
          .fix("f").cwe(cwe).build());
    }
    for (Rule r : all) {
      for (ComplianceCatalog.Reference ref : catalog.references(r)) {
        if (ComplianceCatalog.FRAMEWORKS.contains(ref.scheme())
            && catalog.framework(ref.scheme()).orElseThrow().control(ref.id()).isEmpty()) {
          missing.add(ref + " (" + r.id() + " via " + ref.via() + ")");
        }
      }
    }
    for (String check : catalog.gateChecks()) {
      catalog.references(check, "gate", List.of(), List.of()).stream()
          .filter(ref -> catalog.framework(ref.scheme()).orElseThrow().control(ref.id()).isEmpty())
          .forEach(ref -> missing.add(ref + " (" + check + ")"));
    }
    assertThat(missing).isEmpty();
    assertThat(catalog.frameworks().keySet()).containsExactlyElementsOf(ComplianceCatalog.FRAMEWORKS);
    catalog.frameworks().values().forEach(f -> assertThat(f.controls()).extracting(ComplianceCatalog.Control::id)
        .doesNotHaveDuplicates());
  }

  @Test
  void reportFromARunShowsStatusesAndWaivers() throws Exception {
    ComplianceReport ssdf = ComplianceReport.of("ssdf", Fixtures.report(false), "test run");
    ComplianceReport.ControlResult pw72 = control(ssdf, "PW.7.2");
    assertThat(pw72.status()).isEqualTo("failed");
    assertThat(pw72.checks()).extracting(c -> c.check().id()).contains("java/injection/sql");
    assertThat(control(ssdf, "PS.1.1").status()).as("only the waived secrets rule covers it").isEqualTo("waived");
    assertThat(control(ssdf, "PW.9.1").status()).isEqualTo("passed");
    assertThat(control(ssdf, "PO.4.1").status()).as("the gate's own verdict").isEqualTo("failed");
    assertThat(control(ssdf, "PO.3.2").status()).as("no check of this run covers CI toolchains")
        .isEqualTo(ComplianceReport.NOT_COVERED);

    String md = ssdf.markdown();
    assertThat(md).startsWith("# Compliance: NIST SP 800-218")
        .contains("| PW.7.2 | Perform code review")
        .contains("- `java/injection/sql`: failed (1 blocking); via family java")
        .contains("- `secrets/aws/access-key-id`: waived, waived by @alice; via family secrets")
        .contains("| PO.3.2 | Follow recommended security practices to deploy, operate and maintain tools and toolchains"
            + " | not covered | no check |");

    JsonNode json = new ObjectMapper().readTree(ComplianceReport.of("asvs", Fixtures.report(false), "run").json());
    assertThat(json.get("framework").asText()).isEqualTo("asvs");
    JsonNode c2104 = null;
    for (JsonNode c : json.get("controls")) {
      if (c.get("id").asText().equals("2.10.4")) {
        c2104 = c;
      }
    }
    assertThat(c2104).isNotNull();
    assertThat(c2104.get("status").asText()).isEqualTo("waived");
    assertThat(c2104.at("/checks/0/waivedBy/0").asText()).isEqualTo("@alice");
    assertThat(json.at("/summary/failed").asInt()).isPositive();
  }

  @Test
  void anAttestationYieldsTheSameReportAsTheRun(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
    Fixtures.commit(Fixtures.repo(dir), "A.java", "class A {}\n");
    java.nio.file.Path out = dir.resolve("a.json");
    Attestations.attestScan(Fixtures.report(false), dir, java.util.Optional.empty(), out);
    TrustedKeys trusted = TrustedKeys.of(java.util.Map.of("@ci",
        Keys.readPublicKey(dir.resolve(".shipgate/keys/attestation.pub"))));
    Attestations.Verified v = Attestations.verifySignature(out, trusted);
    assertThat(v.ok()).isTrue();
    for (String framework : ComplianceCatalog.FRAMEWORKS) {
      assertThat(ComplianceReport.of(framework, ComplianceReport.checks(v.predicate()), "x").json())
          .isEqualTo(ComplianceReport.of(framework, Fixtures.report(false), "x").json());
    }
  }

  @Test
  void essentialEightOnlyListsWhatShipgateCanSupport() {
    ComplianceReport e8 = ComplianceReport.of("e8", Fixtures.report(true), "run");
    assertThat(e8.controls()).extracting(c -> c.control().id())
        .containsExactly("patch-applications", "restrict-admin-privileges");
    assertThat(control(e8, "patch-applications").status()).isEqualTo("passed");
    assertThat(control(e8, "restrict-admin-privileges").status()).isEqualTo(ComplianceReport.NOT_COVERED);
  }

  @Test
  void rulesReferencingControlsOutsideTheCatalogAreShownNotDropped() {
    Rule odd = Rule.builder("java/odd/rule", "java").title("t").description("d").fix("f").tags("asvs:4.0.3-5.3.9")
        .build();
    CheckResult r = new CheckResult(odd.id(), odd.family(), "medium", List.of(), odd.tags(), CheckResult.Status.PASSED,
        0, 0, 0, 0, List.of());
    ComplianceReport asvs = ComplianceReport.of("asvs", List.of(r), "run");
    ComplianceReport.ControlResult extra = control(asvs, "5.3.9");
    assertThat(extra.inCatalog()).isFalse();
    assertThat(asvs.controls().get(asvs.controls().size() - 1)).isEqualTo(extra);
  }

  private static ComplianceReport.ControlResult control(ComplianceReport report, String id) {
    return report.controls().stream().filter(c -> c.control().id().equals(id)).findFirst().orElseThrow();
  }
}
