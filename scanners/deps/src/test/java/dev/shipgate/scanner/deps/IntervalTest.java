package dev.shipgate.scanner.deps;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IntervalTest {

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(delimiter = '|', nullValues = "none", value = {
      "PYPI | >=1.0,<2.0 | 1.0 | 2.0 | false",
      "PYPI | <=1.4 | 0 | 1.4 | true",
      "PYPI | ~=1.4.2 | 1.4.2 | 1.5 | false",
      "PYPI | ~=2.2 | 2.2 | 3 | false",
      "PYPI | >1.0,!=1.5,<3 | 1.0 | 3 | false",
      "PYPI | >=1.0 | none | none | false",
      "PYPI | ==1.* | none | none | false",
      "MAVEN | [1.0,2.0) | 1.0 | 2.0 | false",
      "MAVEN | (,1.5] | 0 | 1.5 | true",
      "MAVEN | [1.0,) | none | none | false",
      "MAVEN | [1.0,2.0),[3.0,4.0) | none | none | false",
      "NPM | ^1.0.0 | none | none | false"})
  void readsTheBoundsOfRangesWithAnUpperBound(Ecosystem eco, String range, String lower, String upper, boolean inclusive) {
    Optional<Interval> i = Interval.of(eco, range);
    if (upper == null) {
      assertThat(i).isEmpty();
    } else {
      assertThat(i).contains(new Interval(lower, upper, inclusive));
    }
  }
}
