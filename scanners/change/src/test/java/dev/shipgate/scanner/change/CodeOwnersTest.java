package dev.shipgate.scanner.change;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CodeOwnersTest {

  private static final CodeOwners OWNERS = CodeOwners.parse(".github/CODEOWNERS", """
      # comment
      *                 @everyone
      *.js              @js-owner            # trailing comment
      /build/logs/      @doctocat
      docs/*            docs@example.com
      apps/             @octocat
      /scripts/         @doctocat @octocat
      **/logs           @octocat
      /apps/github
      /src/\\#odd.txt    @org/hash-team
      """);

  @Test
  void lastMatchingPatternWins() {
    assertThat(OWNERS.owners("src/app.js")).containsExactly("@js-owner");
    assertThat(OWNERS.owners("README.md")).containsExactly("@everyone");
    assertThat(OWNERS.owners("scripts/deploy.sh")).containsExactly("@doctocat", "@octocat");
    assertThat(OWNERS.match("scripts/deploy.sh").line()).isEqualTo(7);
  }

  @Test
  void patternSemanticsFollowGitHub() {
    assertThat(OWNERS.owners("build/logs/today.txt")).containsExactly("@octocat"); // **/logs comes later
    assertThat(OWNERS.owners("docs/getting-started.md")).containsExactly("docs@example.com");
    assertThat(OWNERS.owners("docs/build-app/troubleshooting.md")).containsExactly("@everyone"); // docs/* is one level
    assertThat(OWNERS.owners("x/apps/main.c")).containsExactly("@octocat"); // apps/ matches at any depth
    assertThat(OWNERS.owners("apps/github/x.c")).isEmpty(); // a pattern without owners clears them
    assertThat(OWNERS.owners("src/#odd.txt")).containsExactly("@org/hash-team");
    assertThat(OWNERS.problems()).isEmpty();
  }

  @Test
  void hostilePatternsMatchInLinearTime() {
    String pattern = "/" + "**/a".repeat(100) + "/x";
    CodeOwners o = CodeOwners.parse("CODEOWNERS", pattern + " @o\n");
    long start = System.nanoTime();
    assertThat(o.owners("a/".repeat(1000) + "y")).isEmpty(); // backtracking would be exponential here
    assertThat((System.nanoTime() - start) / 1_000_000).as("milliseconds").isLessThan(5000);
  }

  @Test
  void unsupportedSyntaxIsAProblemWithItsLine() {
    CodeOwners o = CodeOwners.parse("CODEOWNERS", "* @a\n!*.md @b\n*.[ch] @c\n*.txt @d e@f.io\n*.md notanowner\n");
    assertThat(o.problems()).extracting(CodeOwners.Problem::line).containsExactly(2, 3, 5);
    assertThat(o.problems().get(0).message()).contains("negation");
    assertThat(o.problems().get(1).message()).contains("character range");
    assertThat(o.owners("a.md")).containsExactly("@a");
    assertThat(o.owners("a.txt")).containsExactly("@d", "e@f.io");
  }
}
