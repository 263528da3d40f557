package dev.shipgate.scanner.java.taint;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The pattern shapes the ReDoS rule reports, and the near misses it must leave alone. Not recognised yet: a
 * mandatory separator that overlaps the repeated element ({@code ^(([a-z])+.)+$}, where {@code .} also
 * matches letters).
 */
class BacktrackingTest {

  @ParameterizedTest
  @ValueSource(strings = {"^(a+)+$", "(\\w+\\s?)*$", "^(\\d+)*x", "(a|a)+b", "(\\w|\\d)+!", "(.|\\s)*end", "^([a-z]*)*$",
      "(?:x?\\d+)+;", "^([a-zA-Z0-9])(([\\-.]|[_]+)?([a-zA-Z0-9]+))*(@){1}[a-z]+$"})
  void nestedRepetitionFollowedBySomethingThatCanFail(String regex) {
    assertThat(Backtracking.catastrophic(regex, false)).as(regex).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"^[\\w\\s]*$", "([a-z]+\\.)+[a-z]+", "^(\\w++\\s?)*$", "^(?>\\w+\\s?)*$", "(\\w+)+", "(ab|cd)+x",
      "^\\d{3}-\\d{4}$", "(a+b)+c", "[(a+)+]", "\\(a+\\)+x", "(a|b)*c", "((unclosed"})
  void linearOrUnanchoredShapesAreNotReported(String regex) {
    assertThat(Backtracking.catastrophic(regex, false)).as(regex).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"(\\w+)+", "(a*)*"})
  void aWholeInputMatchCanFailAfterAnyGroup(String regex) {
    assertThat(Backtracking.catastrophic(regex, true)).as(regex).isTrue();
  }
}
