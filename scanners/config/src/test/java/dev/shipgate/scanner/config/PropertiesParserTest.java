package dev.shipgate.scanner.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class PropertiesParserTest {

  @Test
  void eachKeyCarriesTheLineItStartsOn() {
    String text = "# comment\n\na=1\nb = 2 \\\n   continued\n! bang comment\nc:3\r\nd 4\n";
    List<ConfigEntry> entries = PropertiesParser.parse(text).entries();
    assertThat(entries).containsExactly(
        new ConfigEntry("a", "1", 3), new ConfigEntry("b", "2 continued", 4),
        new ConfigEntry("c", "3", 7), new ConfigEntry("d", "4", 8));
  }

  @Test
  void hashAfterAValueIsPartOfTheValueNotAComment() {
    assertThat(PropertiesParser.parse("debug=true # really\n").entries())
        .containsExactly(new ConfigEntry("debug", "true # really", 1));
  }

  @Test
  void documentSeparatorsSplitDocumentsOnlyWhenAloneAtTheStartOfALine() {
    ParsedConfig parsed = PropertiesParser.parse("a=1\n#---\nspring.config.activate.on-profile=dev\nb=2\n  #---\nc=3\n!---\nd=4\n");
    assertThat(parsed.documents()).hasSize(3);
    assertThat(parsed.documents().get(1).activation()).containsExactly("dev");
    assertThat(parsed.documents().get(1).entries()).extracting(ConfigEntry::key)
        .containsExactly("spring.config.activate.on-profile", "b", "c");
  }

  @Test
  void unicodeEscapesDecodeInKeysAndValues() {
    assertThat(PropertiesParser.parse("de\\u0062ug=\\u0074rue\n").entries())
        .containsExactly(new ConfigEntry("debug", "true", 1));
  }

  @Test
  void aLoneBackslashLineStartsTheLogicalLineAfreshAsJavaDoes() {
    // Found by the property test: once a continuation leaves nothing behind, the next line is a new line,
    // so a comment there is a comment and whitespace alone yields no key.
    assertThat(PropertiesParser.parse("\\\n#x\n").entries()).isEmpty();
    assertThat(PropertiesParser.parse("\\\r\n  ").entries()).isEmpty();
    assertThat(PropertiesParser.parse("\\\ndebug=true\n").entries()).containsExactly(new ConfigEntry("debug", "true", 2));
    assertThat(PropertiesParser.parse("a=b\\\n#c\n").entries()).containsExactly(new ConfigEntry("a", "b#c", 1));
  }

  @Property(tries = 300)
  void neverThrowsAndEveryKeyHasALineInsideTheText(@ForAll("propertiesText") String text) {
    assertThatCode(() -> PropertiesParser.parse(text)).doesNotThrowAnyException();
    ParsedConfig parsed = PropertiesParser.parse(text);
    long lines = text.chars().filter(c -> c == '\n').count() + 1;
    for (ConfigEntry e : parsed.entries()) {
      assertThat(e.line()).isBetween(1, (int) lines);
    }
    for (ParsedConfig.Problem p : parsed.problems()) {
      assertThat(p.line()).isBetween(1, (int) lines);
    }
  }

  @Property(tries = 300)
  void agreesWithJavaUtilProperties(@ForAll("propertiesText") String text) throws Exception {
    Properties expected = new Properties();
    boolean javaRejects = false;
    try {
      expected.load(new StringReader(text));
    } catch (IllegalArgumentException e) {
      javaRejects = true;
    }
    ParsedConfig parsed = PropertiesParser.parse(text);
    if (javaRejects) {
      assertThat(parsed.problems()).isNotEmpty();
      return;
    }
    assertThat(parsed.problems()).isEmpty();
    Map<String, String> actual = new LinkedHashMap<>();
    for (ConfigEntry e : parsed.entries()) {
      actual.put(e.key(), e.value());
    }
    Map<String, String> expectedMap = new LinkedHashMap<>();
    expected.forEach((k, v) -> expectedMap.put((String) k, (String) v));
    assertThat(actual).isEqualTo(expectedMap);
  }

  @Property(tries = 200)
  void neverThrowsOnArbitraryStrings(@ForAll String text) {
    ParsedConfig parsed = PropertiesParser.parse(text);
    long lines = text.chars().filter(c -> c == '\n').count() + 1;
    assertThat(parsed.entries()).allSatisfy(e -> assertThat(e.line()).isBetween(1, (int) lines));
  }

  /** Text built from the characters that matter to the format, so the tricky cases come up often. */
  @Provide
  Arbitrary<String> propertiesText() {
    Arbitrary<String> pieces = Arbitraries.of("a", "b", "key", ".", "=", ":", " ", "\t", "\f", "\\", "\\\\", "\n", "\r",
        "\r\n", "#", "!", "#---", "\\u0041", "\\u00", "\\uZZZZ", "\\n", "\\t", "x y", "é", "${A}", ",");
    return pieces.list().ofMaxSize(40).map(l -> String.join("", l));
  }
}
