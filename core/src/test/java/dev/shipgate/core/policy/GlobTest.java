package dev.shipgate.core.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class GlobTest {

  @Test
  void patternWithoutSlashMatchesFileNameAtAnyDepth() {
    Glob g = Glob.compile("*.min.js");
    assertThat(g.matches("app.min.js")).isTrue();
    assertThat(g.matches("web/static/app.min.js")).isTrue();
    assertThat(g.matches("web/static/app.js")).isFalse();
  }

  @Test
  void patternWithSlashIsAnchoredAtTheBase() {
    Glob g = Glob.compile("src/test/**");
    assertThat(g.matches("src/test/java/A.java")).isTrue();
    assertThat(g.matches("module/src/test/java/A.java")).isFalse();
  }

  @Test
  void leadingDoubleStarMatchesAtTheTopToo() {
    Glob g = Glob.compile("**/fixtures/**");
    assertThat(g.matches("fixtures/a.txt")).isTrue();
    assertThat(g.matches("a/b/fixtures/c/d.txt")).isTrue();
    assertThat(g.matches("a/fixturesX/d.txt")).isFalse();
  }

  @Test
  void singleStarStaysInOneSegment() {
    Glob g = Glob.compile("/src/*.java");
    assertThat(g.matches("src/A.java")).isTrue();
    assertThat(g.matches("src/x/A.java")).isFalse();
  }

  @Test
  void directoryPatternCoversEverythingBelow() {
    Glob g = Glob.compile("node_modules/");
    assertThat(g.matches("node_modules/x/y.js")).isTrue();
    assertThat(g.matches("web/node_modules/x/y.js")).isTrue();
  }

  @Test
  void characterClassesAndEscapes() {
    assertThat(Glob.compile("file[0-9].txt").matches("file7.txt")).isTrue();
    assertThat(Glob.compile("file[!0-9].txt").matches("file7.txt")).isFalse();
    assertThat(Glob.compile("a\\*b").matches("a*b")).isTrue();
    assertThat(Glob.compile("a\\*b").matches("axb")).isFalse();
  }

  @Test
  void regexMetacharactersAreLiteral() {
    assertThat(Glob.compile("a+(b).txt").matches("a+(b).txt")).isTrue();
    assertThat(Glob.compile("a+(b).txt").matches("aa(b)xtxt")).isFalse();
  }

  @Test
  void malformedGlobsAreRejectedWithThePosition() {
    assertThatThrownBy(() -> Glob.compile("src/[abc")).hasMessageContaining("unclosed '['").hasMessageContaining("index 4");
    assertThatThrownBy(() -> Glob.compile("src/a**b")).hasMessageContaining("'**' must be a whole path segment");
    assertThatThrownBy(() -> Glob.compile("")).hasMessageContaining("empty");
  }
}
