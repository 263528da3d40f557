package dev.shipgate.scanner.ci;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ExpressionsTest {

  private static String untrusted(String text) {
    List<Expressions.Expr> found = Expressions.find(text);
    assertThat(found).hasSize(1);
    return found.get(0).untrusted().orElse(null);
  }

  @Test
  void findsEveryExpressionWithItsOffsets() {
    String text = "a ${{ x }} b ${{y.z}} ${{ unterminated";
    List<Expressions.Expr> found = Expressions.find(text);
    assertThat(found).extracting(Expressions.Expr::body).containsExactly("x", "y.z");
    assertThat(text.substring(found.get(1).start(), found.get(1).end())).isEqualTo("${{y.z}}");
  }

  @Test
  void attackerTextIsRecognisedWhateverTheSpelling() {
    assertThat(untrusted("${{ github.event.issue.title }}")).isEqualTo("github.event.issue.title");
    assertThat(untrusted("${{ GitHub.Event.Pull_Request.Body }}")).isEqualTo("github.event.pull_request.body");
    assertThat(untrusted("${{ github.event['comment']['body'] }}")).isEqualTo("github.event.comment.body");
    assertThat(untrusted("${{ github.event.commits[3].author.name }}")).isEqualTo("github.event.commits.*.author.name");
    assertThat(untrusted("${{ github.event.pages.*.page_name }}")).isEqualTo("github.event.pages.*.page_name");
    assertThat(untrusted("${{ format('{0} {1}', github.event.issue.number, github.head_ref) }}")).isEqualTo("github.head_ref");
    assertThat(untrusted("${{ toJSON(github.event) }}")).isEqualTo("github.event");
    assertThat(untrusted("${{ github.event.review.body || 'none' }}")).isEqualTo("github.event.review.body");
  }

  @Test
  void numbersShasIdsAndStringLiteralsAreNotAttackerText() {
    for (String safe : List.of("github.event.pull_request.number", "github.event.pull_request.head.sha", "github.sha",
        "github.event.repository.id", "github.event_name", "github.base_ref", "github.event.issue.user.login",
        "contains(github.event.issue.labels.*.name, 'github.event.issue.title')", "steps.x.outputs.title", "inputs.title")) {
      assertThat(untrusted("${{ " + safe + " }}")).as(safe).isNull();
    }
  }

  @Test
  void secretsReferencesAreFound() {
    assertThat(Expressions.find("${{ secrets.NPM_TOKEN }}").get(0).references("secrets")).isTrue();
    assertThat(Expressions.find("${{ github.token }}").get(0).references("secrets")).isFalse();
  }
}
