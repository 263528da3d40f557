package dev.shipgate.git;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SimilarRefsTest {

  private static final List<String> REFS =
      List.of("main", "origin/main", "origin/master", "develop", "release/2.0", "v1.0.0", "feature/login");

  @Test
  void sameBranchOnAnotherRemoteRanksFirst() {
    assertThat(SimilarRefs.rank("upstream/main", REFS)).startsWith("main", "origin/main");
  }

  @Test
  void localBranchIsSuggestedForAMissingRemoteBranch() {
    assertThat(SimilarRefs.rank("origin/develop", REFS)).first().isEqualTo("develop");
  }

  @Test
  void typosWithinAFewEditsAreSuggested() {
    assertThat(SimilarRefs.rank("mian", REFS)).contains("main");
    assertThat(SimilarRefs.rank("v1.0.1", REFS)).containsExactly("v1.0.0");
  }

  @Test
  void unrelatedNamesAreNotSuggested() {
    assertThat(SimilarRefs.rank("completely-different", REFS)).isEmpty();
  }

  @Test
  void atMostFiveSuggestions() {
    List<String> many = List.of("a/x", "b/x", "c/x", "d/x", "e/x", "f/x", "g/x");
    assertThat(SimilarRefs.rank("x", many)).hasSize(5);
  }

  @Test
  void editDistanceCountsInsertionsDeletionsAndSubstitutions() {
    assertThat(SimilarRefs.distance("main", "main")).isZero();
    assertThat(SimilarRefs.distance("main", "mian")).isEqualTo(2);
    assertThat(SimilarRefs.distance("main", "mains")).isEqualTo(1);
    assertThat(SimilarRefs.distance("", "abc")).isEqualTo(3);
  }
}
