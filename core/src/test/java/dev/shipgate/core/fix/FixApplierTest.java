package dev.shipgate.core.fix;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipgate.core.model.Confidence;
import dev.shipgate.core.model.Finding;
import dev.shipgate.core.model.Fix;
import dev.shipgate.core.model.Rule;
import dev.shipgate.core.model.Severity;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FixApplierTest {

  private static final Rule RULE = Rule.builder("test/fix/sample", "test").title("t").severity(Severity.LOW)
      .confidence(Confidence.HIGH).description("d").fix("f").build();

  private static Finding withFix(Fix.Edit... edits) {
    return Finding.builder(RULE).atLine(edits[0].path(), 1).fix(new Fix("change", List.of(edits))).build();
  }

  @Test
  void appliesEditsFromTheEndSoOffsetsStayValid() {
    String text = "FROM alpine\nRUN x\n";
    Finding a = withFix(new Fix.Edit("Dockerfile", 5, 11, "alpine:3.20"));
    Finding b = withFix(Fix.Edit.insert("Dockerfile", text.length(), "USER app\n"));
    FixApplier.Plan plan = FixApplier.apply(List.of(a, b), Map.of("Dockerfile", text)::get);
    assertThat(plan.patched()).containsEntry("Dockerfile", "FROM alpine:3.20\nRUN x\nUSER app\n");
    assertThat(plan.applied()).containsExactly(a, b);
  }

  @Test
  void sharesAnEditThatTwoFindingsNeed() {
    Finding a = withFix(new Fix.Edit("pom.xml", 3, 9, "2.17.1"));
    Finding b = withFix(new Fix.Edit("pom.xml", 3, 9, "2.17.1"));
    FixApplier.Plan plan = FixApplier.apply(List.of(a, b), Map.of("pom.xml", "<v>2.14.1</v>")::get);
    assertThat(plan.applied()).containsExactly(a, b);
    assertThat(plan.patched()).containsEntry("pom.xml", "<v>2.17.1</v>");
  }

  @Test
  void setsAsideOverlappingAndOutOfRangeFixes() {
    String text = "abcdef";
    Finding first = withFix(new Fix.Edit("f", 1, 4, "X"));
    Finding overlapping = withFix(new Fix.Edit("f", 3, 5, "Y"));
    Finding sameInsert = withFix(Fix.Edit.insert("f", 6, "!"), new Fix.Edit("f", 0, 0, ">"));
    Finding secondInsert = withFix(Fix.Edit.insert("f", 6, "?"));
    Finding beyond = withFix(new Fix.Edit("f", 2, 99, "Z"));
    Finding unknownFile = withFix(new Fix.Edit("g", 0, 0, "Z"));
    FixApplier.Plan plan = FixApplier.apply(List.of(first, overlapping, sameInsert, secondInsert, beyond, unknownFile), Map.of("f", text)::get);
    assertThat(plan.applied()).containsExactly(first, sameInsert);
    assertThat(plan.conflicts()).containsOnlyKeys(overlapping, secondInsert, beyond, unknownFile);
    assertThat(plan.patched()).containsEntry("f", ">aXef!");
  }
}
