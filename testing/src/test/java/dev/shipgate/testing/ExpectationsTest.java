package dev.shipgate.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ExpectationsTest {

  @Test
  void trailingMarkerAppliesToItsOwnLine() {
    List<Expectations.Mark> marks = Expectations.parse("a\nx = 1 // expect: java/a/b\n");
    assertThat(marks).containsExactly(new Expectations.Mark(2, "java/a/b", true));
  }

  @Test
  void markerAloneOnALineAppliesToTheNextLineThatIsNotAMarker() {
    String text = "# expect: config/a/b\n# ok: config/c/d\n\nkey=value\n";
    assertThat(Expectations.parse(text)).containsExactly(
        new Expectations.Mark(4, "config/a/b", true), new Expectations.Mark(4, "config/c/d", false));
  }

  @Test
  void severalRulesOnOneMarker() {
    assertThat(Expectations.parse("x # expect: a/b, c/d\n")).extracting(Expectations.Mark::ruleId).containsExactly("a/b", "c/d");
  }

  @Test
  void xmlCommentMarker() {
    assertThat(Expectations.parse("<a/> <!-- expect: config/x/y -->\n")).containsExactly(new Expectations.Mark(1, "config/x/y", true));
  }

  @Test
  void sidecarMarksOfABinaryFixtureNameTheirLines() {
    String text = "# marks of store.p12\n1 expect: secrets/a/b\n\n3 ok: secrets/c/d, secrets/e/f\n";
    assertThat(Expectations.parseSidecar(text)).containsExactly(new Expectations.Mark(1, "secrets/a/b", true),
        new Expectations.Mark(3, "secrets/c/d", false), new Expectations.Mark(3, "secrets/e/f", false));
  }

  @Test
  void aSidecarLineOfAnotherShapeIsAnError() {
    assertThatThrownBy(() -> Expectations.parseSidecar("expect: secrets/a/b\n")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("line 1");
  }

  @Test
  void danglingMarkerIsAnError() {
    assertThatThrownBy(() -> Expectations.parse("x\n// expect: a/b\n")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void unmarkedTextHasNoMarks() {
    assertThat(Expectations.parse("expect nothing here: just prose\n")).isEmpty();
  }
}
