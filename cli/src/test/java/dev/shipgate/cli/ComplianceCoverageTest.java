package dev.shipgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipgate.core.model.Rule;
import dev.shipgate.evidence.ComplianceCatalog;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** `report compliance` derives controls from each rule's CWEs: a CWE the catalogue does not map reaches no control. */
class ComplianceCoverageTest {

  @Test
  void everyCweOfEveryRuleMapsToAControl() {
    ComplianceCatalog catalog = ComplianceCatalog.get();
    TreeSet<String> unmapped = new TreeSet<>();
    for (Rule r : Scanners.allRules(Scanners.all())) {
      for (String cwe : r.cwe()) {
        // The CWE alone, without the rule's tags and family: what the catalogue derives from it.
        boolean mapped = catalog.references("-", "-", java.util.List.of(cwe), java.util.List.of()).stream()
            .anyMatch(ref -> !ref.scheme().equals("cwe"));
        if (!mapped) {
          unmapped.add(cwe + " (" + r.id() + ")");
        }
      }
    }
    assertThat(unmapped).as("CWEs without a mapping in evidence's compliance.json").isEmpty();
  }
}
