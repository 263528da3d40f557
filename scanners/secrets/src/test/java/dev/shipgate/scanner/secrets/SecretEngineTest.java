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
}
