package dev.shipgate.core.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.nodes.Node;

class YamlFileTest {

  @Test
  void positionsAndOffsetsPointAtTheSourceText() throws Exception {
    String text = "a: 1\r\nname: \"héllo 😀\"\r\nafter: x\r\n";
    YamlFile f = YamlFile.parse("f.yml", text);
    Node doc = f.documents().get(0);
    Node after = YamlFile.get(doc, "after").orElseThrow();
    assertThat(YamlFile.line(after)).isEqualTo(3);
    assertThat(f.source(after)).isEqualTo("x");
    assertThat(f.source(YamlFile.get(doc, "name").orElseThrow())).isEqualTo("\"héllo 😀\"");
    assertThat(f.lineStart(3)).isEqualTo(text.indexOf("after"));
  }

  @Test
  void keepsEveryDocumentAndResolvesAliases() throws Exception {
    YamlFile f = YamlFile.parse("k.yml", "---\nbase: &b {x: 1}\nuse: *b\n---\n---\nkind: Pod\n");
    assertThat(f.documents()).hasSize(2);
    assertThat(YamlFile.at(f.documents().get(0), "use", "x").flatMap(YamlFile::scalar)).contains("1");
    assertThat(YamlFile.string(f.documents().get(1), "kind")).contains("Pod");
    assertThat(f.indentOf(YamlFile.get(f.documents().get(1), "kind").orElseThrow())).isEmpty();
  }

  @Test
  void malformedInputNamesTheLine() {
    assertThatThrownBy(() -> YamlFile.parse("t.yml", "a: 1\nb: c: d\n"))
        .isInstanceOfSatisfying(YamlException.class, e -> assertThat(e.line()).isEqualTo(2));
  }

  @Test
  void aliasBombsAndDeepNestingAreRefusedNotCrashedOn() throws Exception {
    StringBuilder bomb = new StringBuilder("a: &a [x,x,x,x,x,x,x,x,x]\n");
    for (char c = 'b'; c <= 'p'; c++) {
      bomb.append(c).append(": &").append(c).append(" [").append("*").append((char) (c - 1));
      bomb.append((",*" + (char) (c - 1)).repeat(8)).append("]\n");
    }
    assertThatThrownBy(() -> YamlFile.parse("bomb.yml", bomb.toString())).isInstanceOf(YamlException.class);
    // Under the alias limit a walk still visits each shared node once, not once per path.
    YamlFile small = YamlFile.parse("dag.yml", bomb.toString().lines().limit(8).collect(java.util.stream.Collectors.joining("\n")));
    java.util.concurrent.atomic.AtomicInteger visits = new java.util.concurrent.atomic.AtomicInteger();
    small.walk(n -> visits.incrementAndGet());
    assertThat(visits.get()).isLessThan(200);
    String deep = "[".repeat(200_000);
    assertThatThrownBy(() -> YamlFile.parse("deep.yml", deep)).isInstanceOf(YamlException.class);
  }
}
