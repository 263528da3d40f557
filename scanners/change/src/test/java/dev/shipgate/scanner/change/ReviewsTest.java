package dev.shipgate.scanner.change;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ReviewsTest {

  private static byte[] b(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void eachReviewersLatestDecisiveReviewStands() throws Exception {
    String json = "[" + ReviewPolicyTest.review("a", "APPROVED", "c1") + ",\n" + ReviewPolicyTest.review("b", "APPROVED", "c1")
        + ",\n" + ReviewPolicyTest.review("b", "DISMISSED", "c1") + ",\n" + ReviewPolicyTest.review("c", "CHANGES_REQUESTED", "c1")
        + ",\n" + ReviewPolicyTest.review("c", "APPROVED", "c2") + ",\n" + ReviewPolicyTest.review("a", "COMMENTED", "c2") + "]";
    assertThat(Reviews.parse(b(json))).extracting(Reviews.Approval::login, Reviews.Approval::commit, Reviews.Approval::line)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("a", "c1", 1), org.assertj.core.groups.Tuple.tuple("c", "c2", 5));
  }

  @Test
  void reviewsOfDeletedAccountsAreSkipped() throws Exception {
    String json = "[{\"user\": null, \"state\": \"APPROVED\", \"commit_id\": \"c\"}, " + ReviewPolicyTest.review("a", "APPROVED", "c") + "]";
    assertThat(Reviews.parse(b(json))).extracting(Reviews.Approval::login).containsExactly("a");
  }

  @Test
  void gitlabApprovalsHaveNoCommit() throws Exception {
    assertThat(Reviews.parse(b("{\"approved_by\": [{\"user\": {\"username\": \"x\"}}, {\"user\": {\"username\": \"y\"}}]}")))
        .extracting(Reviews.Approval::login, Reviews.Approval::commit)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("x", null), org.assertj.core.groups.Tuple.tuple("y", null));
  }

  @Test
  void malformedListsFailWithTheirLine() {
    assertThatThrownBy(() -> Reviews.parse(b("[\n1\n]"))).hasMessageContaining("review #1 is not an object")
        .extracting(e -> ((Reviews.ReviewsException) e).line()).isEqualTo(2);
    assertThatThrownBy(() -> Reviews.parse(b("[{\"user\": {\"login\": \"a\"}, \"state\": \"LGTM\"}]"))).hasMessageContaining("unknown state 'LGTM'");
    assertThatThrownBy(() -> Reviews.parse(b("{\"approved_by\": 3}"))).hasMessageContaining("'approved_by' array");
    assertThatThrownBy(() -> Reviews.parse(b("["))).hasMessageContaining("not valid JSON");
    assertThatThrownBy(() -> Reviews.parse(b("[" + "[".repeat(5000)))).isInstanceOf(Reviews.ReviewsException.class);
    assertThatThrownBy(() -> Reviews.parse(new byte[Reviews.MAX_BYTES + 1])).hasMessageContaining("not a review list");
  }
}
