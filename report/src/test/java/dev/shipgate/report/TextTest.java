package dev.shipgate.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextTest {

  @Test
  void semverKeepsValidVersionsAndRepairsCommonOnes() {
    assertThat(Text.semver("0.1.0-SNAPSHOT")).isEqualTo("0.1.0-SNAPSHOT");
    assertThat(Text.semver("1.2.3+build.7")).isEqualTo("1.2.3+build.7");
    assertThat(Text.semver("v2.0.1")).isEqualTo("2.0.1");
    assertThat(Text.semver("1.2")).isEqualTo("1.2.0");
    assertThat(Text.semver("1.2-SNAPSHOT")).isEqualTo("1.2.0-SNAPSHOT");
    assertThat(Text.semver("01.2.3")).isEqualTo("1.2.3");
    assertThat(Text.semver("1.0.0_beta 2")).isEqualTo("1.0.0-beta-2");
    assertThat(Text.semver("dev")).isNull();
    assertThat(Text.semver(null)).isNull();
  }

  @Test
  void semverResultIsAlwaysValidSemver() {
    List<String> versions = new ArrayList<>(HostileStrings.sample(300));
    for (String v : HostileStrings.sample(300)) {
      versions.add("1.2" + v);
      versions.add("0.1.0-" + v);
    }
    for (String version : versions) {
      String s = Text.semver(version);
      if (s != null) {
        assertThat(Text.isSemver(s)).as("semver(%s) = %s", version, s).isTrue();
      }
    }
  }

  @Test
  void pascalCaseJoinsIdSegments() {
    assertThat(Text.pascalCase("java/injection/sql-string-concat")).isEqualTo("JavaInjectionSqlStringConcat");
    assertThat(Text.pascalCase("config/k8s.pod/run-as-root")).isEqualTo("ConfigK8sPodRunAsRoot");
  }

  @Test
  void cleanReplacesControlsBidiAndLoneSurrogatesButKeepsTextAndEmoji() {
    assertThat(Text.clean("a\u001b[31mb\u0000c\u202Ed\tx\ny")).isEqualTo("a\uFFFD[31mb\uFFFDc\uFFFDd\tx\ny");
    assertThat(Text.clean("ok \uD83D\uDE00 \u00fc")).isEqualTo("ok \uD83D\uDE00 \u00fc");
    assertThat(Text.clean("x\uD83Dy")).isEqualTo("x\uFFFDy");
    assertThat(Text.clean(null)).isEmpty();
  }

  @Test
  void truncateNeverExceedsTheLimitOrSplitsASurrogatePair() {
    for (String s : HostileStrings.sample(300)) {
      String clean = Text.clean(s);
      for (int max = 1; max <= 12; max++) {
        String t = Text.truncate(clean, max);
        assertThat(t.codePointCount(0, t.length())).as("truncate(%s, %d)", s, max).isLessThanOrEqualTo(max);
        assertThat(Text.clean(t)).as("no split surrogate in truncate(%s, %d)", s, max).isEqualTo(t);
        if (!t.equals(clean)) {
          assertThat(t).endsWith(Text.ELLIPSIS);
        }
      }
    }
  }
}
