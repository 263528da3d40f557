package dev.shipgate.scanner.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.re2j.Matcher;
import org.junit.jupiter.api.Test;

class SecretEngineTest {

  @Test
  void groupOneIsTheWholeMatchOnlyForAnOuterGroupBetweenWordBoundaries() {
    assertThat(SecretEngine.groupOneIsWholeMatch("\\b(ghp_[A-Za-z0-9]{36})\\b")).isTrue();
    assertThat(SecretEngine.groupOneIsWholeMatch("(eyJ[a-z]+)")).isTrue();
    assertThat(SecretEngine.groupOneIsWholeMatch("\\b(a[)(]b\\)c)\\b")).isTrue();
    assertThat(SecretEngine.groupOneIsWholeMatch("\\b([])]x)\\b")).isTrue();
    assertThat(SecretEngine.groupOneIsWholeMatch("(a)(b)")).isFalse();
    assertThat(SecretEngine.groupOneIsWholeMatch("(a)+")).isFalse();
    assertThat(SecretEngine.groupOneIsWholeMatch("(a)\\\\b")).isFalse();
    assertThat(SecretEngine.groupOneIsWholeMatch("(?i)(a)")).isFalse();
    assertThat(SecretEngine.groupOneIsWholeMatch("(?:x)(a)")).isFalse();
    assertThat(SecretEngine.groupOneIsWholeMatch("key=(a)")).isFalse();
    assertThat(SecretEngine.groupOneIsWholeMatch("\\b(tok_(?P<secret>[a-z]+))\\b")).isFalse();
  }

  @Test
  void everyCatalogueRegexJudgedWholeReallyCapturesItsWholeMatchInGroupOne() {
    Samples samples = new Samples(7);
    int whole = 0;
    for (Detector d : DetectorCatalog.builtIn().detectors()) {
      if (!SecretEngine.groupOneIsWholeMatch(d.regex().pattern())) {
        continue;
      }
      whole++;
      for (String t : d.trueSamples()) {
        String text = samples.expand(t).text();
        Matcher m = d.regex().matcher(text);
        assertThat(m.find()).as(d.id()).isTrue();
        assertThat(m.start(1)).as(d.id()).isEqualTo(m.start());
        assertThat(m.end(1)).as(d.id()).isEqualTo(m.end());
      }
    }
    assertThat(whole).isGreaterThan(50);
  }

  @Test
  void aValidChecksumOutweighsAPlaceholderWordInsideTheRandomBody() throws Exception {
    // Seen in a generated corpus: a random npm token body that happened to spell "FAKE".
    String body = "ttl1Jllfaq4tzoig8FAKEPnrmT0S9M";
    String token = "npm_" + body + Validators.base62(Validators.crc32(body), 6);
    assertThat(CatalogueTest.scan("src/.npmrc", "//registry.npmjs.org/:_authToken=" + token))
        .extracting(f -> f.rule().id()).contains("secrets/npm/access-token");
    String wrongSum = "npm_" + body + "000000";
    assertThat(CatalogueTest.scan("src/.npmrc", "//registry.npmjs.org/:_authToken=" + wrongSum))
        .extracting(f -> f.rule().id()).doesNotContain("secrets/npm/access-token");
  }

  @Test
  void fixedMatchLengthIsReadOnlyFromThePlainSubset() {
    assertThat(SecretEngine.fixedMatchLength("\\b(ghp_[A-Za-z0-9]{36})\\b")).isEqualTo(40);
    assertThat(SecretEngine.fixedMatchLength("\\b((?:AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16})\\b")).isEqualTo(20);
    assertThat(SecretEngine.fixedMatchLength("(x\\.\\d\\w.[]a]{2})")).isEqualTo(7);
    assertThat(SecretEngine.fixedMatchLength("((?:ab|c)x)")).isEqualTo(-1);
    assertThat(SecretEngine.fixedMatchLength("(a+)")).isEqualTo(-1);
    assertThat(SecretEngine.fixedMatchLength("(a{2,3})")).isEqualTo(-1);
    assertThat(SecretEngine.fixedMatchLength("(a?)")).isEqualTo(-1);
    assertThat(SecretEngine.fixedMatchLength("(a{3}?)")).isEqualTo(-1);
    assertThat(SecretEngine.fixedMatchLength("(?i)(abc)")).isEqualTo(-1);
    assertThat(SecretEngine.fixedMatchLength("(a\\b)")).isEqualTo(-1);
    assertThat(SecretEngine.fixedMatchLength("(a\\pLb)")).isEqualTo(-1);
    assertThat(SecretEngine.fixedMatchLength("(ab)(c)")).isEqualTo(3);
    assertThat(SecretEngine.fixedMatchLength("(ab))")).isEqualTo(-1);
    assertThat(SecretEngine.fixedMatchLength("^(ab)")).isEqualTo(-1);
    // A POSIX class is one character, and its ] does not close the enclosing class.
    assertThat(SecretEngine.fixedMatchLength("(x[[:alnum:]_]{4})")).isEqualTo(5);
    assertThat(SecretEngine.fixedMatchLength("(x[[:alnum:)")).isEqualTo(-1);
    assertThat(SecretEngine.fixedMatchLength("([[:alpha:]]x)")).isEqualTo(2);
  }

  @Test
  void everyCatalogueMatchHasTheFixedLengthReadFromItsRegex() {
    Samples samples = new Samples(11);
    int fixed = 0;
    for (Detector d : DetectorCatalog.builtIn().detectors()) {
      int n = SecretEngine.fixedMatchLength(d.regex().pattern());
      if (n < 0) {
        continue;
      }
      fixed++;
      for (String t : d.trueSamples()) {
        String text = samples.expand(t).text();
        Matcher m = d.regex().matcher(text);
        assertThat(m.find()).as(d.id()).isTrue();
        assertThat(m.end() - m.start()).as(d.id()).isEqualTo(n);
      }
    }
    assertThat(fixed).isGreaterThan(20);
  }

  @Test
  void theJwtPrecheckPassesExactlyWhereTheRegexCanMatch() {
    Detector jwt = DetectorCatalog.builtIn().detectors().stream().filter(d -> d.id().equals("secrets/jwt/token")).findFirst().orElseThrow();
    String[] texts = {
        "eyJa.eyJb.c", "eyJa.eyJb.", "eyJa.eyJb.c;", "eyJa.eyJb.c.", "eyJa.eyJb.c.d", "eyJa.eyJb", "eyJ.eyJb.c",
        "eyJa.eyJ.c", "eyJa.eyj.c", "EYJa.eyJb.c", "eyJa-_9.eyJb-_9.c-_9 x", "eyJa.eyJb.c\u00e9", "eyJa.eyJb.\u00e9", "eyJ",
        "eyJa", "eyJa.", "eyJa.ey", "eyJaX.eyJbY.cZ\"", "eyJa.eyJb.c\n"};
    for (String t : texts) {
      byte[] b = t.getBytes(java.nio.charset.StandardCharsets.UTF_8);
      boolean regex = jwt.regex().matcher(t).lookingAt();
      assertThat(SecretEngine.precheck(jwt, b, 0, b.length)).as(t).isEqualTo(regex);
    }
  }

  @Test
  void nextRunFindsExactlyTheMaximalRunsOfTheLengthInTheWindow() {
    boolean[] cls = DetectorCatalog.charClass("test", "a-c");
    java.util.Random r = new java.util.Random(9);
    for (int round = 0; round < 5_000; round++) {
      byte[] b = new byte[r.nextInt(40)];
      for (int i = 0; i < b.length; i++) {
        b[i] = (byte) "abc.\u00e9".charAt(r.nextInt(r.nextBoolean() ? 3 : 5));
      }
      int n = 1 + r.nextInt(6);
      int from = b.length == 0 ? 0 : r.nextInt(b.length);
      int to = from + r.nextInt(b.length - from + 1);
      java.util.List<Integer> expected = new java.util.ArrayList<>();
      for (int i = from; i < to; ) {
        int j = i;
        while (j < to && b[j] >= 0 && cls[b[j]]) {
          j++;
        }
        if (j - i == n) {
          expected.add(i);
        }
        i = Math.max(j, i + 1);
      }
      java.util.List<Integer> found = new java.util.ArrayList<>();
      for (int s = SecretEngine.nextRun(cls, n, b, from, to); s >= 0; s = SecretEngine.nextRun(cls, n, b, s + n + 1, to)) {
        found.add(s);
      }
      assertThat(found).as("%s [%d, %d) n=%d", new String(b, java.nio.charset.StandardCharsets.ISO_8859_1), from, to, n)
          .isEqualTo(expected);
    }
  }

  @Test
  void prechecksStopAtTheLineEndThemselves() {
    // The engine hands prechecks a reach bound instead of the line's end: the outcome must be the same.
    String[] parts = {"=", ":", "\"", "'", " ", "\t", "\r", "\n", "\r\n", "@", "//", "a", "B", "9", "_", ".", "-", "(", ">",
        "eyJ", "xyzAB12", "Q7pL9x2Kd8Wm4Zr", "example", "${X}"};
    java.util.Random r = new java.util.Random(13);
    int checked = 0;
    for (Detector d : DetectorCatalog.builtIn().detectors()) {
      if (d.precheck() == Detector.Precheck.NONE) {
        continue;
      }
      for (int round = 0; round < 400; round++) {
        StringBuilder t = new StringBuilder(d.keywords().get(r.nextInt(d.keywords().size())));
        int n = r.nextInt(14);
        for (int i = 0; i < n; i++) {
          t.append(parts[r.nextInt(parts.length)]);
        }
        byte[] b = t.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        int lineEnd = new Lines(b).endOfLineAt(0, SecretEngine.NEAR_AFTER);
        int bound = Math.min(b.length, SecretEngine.NEAR_AFTER);
        assertThat(SecretEngine.precheck(d, b, 0, bound)).as("%s: %s", d.id(), t).isEqualTo(SecretEngine.precheck(d, b, 0, lineEnd));
        checked++;
      }
    }
    assertThat(checked).isGreaterThan(1_000);
  }
}
