package dev.shipgate.core.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

class CompiledTreeTest {

  @Test
  void readsWhatSnakeyamlBuildsFromTheSameDocument() {
    Object yaml = new Load(LoadSettings.builder().build()).loadFromString("""
        a: [1, 2.5, true, null, "x\\ty", '# not a comment', 3000000000]
        b: {c: "line\\nbreak", d: '', e: 'back\\\\slash'}
        """);
    String text = CompiledTree.write(yaml, "test");
    assertThat(text).startsWith("# test\n");
    assertThat(CompiledTree.read("t.compiled", text)).isEqualTo(yaml);
  }

  @Property
  void anyTreeOfStringsSurvivesTheRoundTrip(@ForAll("trees") Object tree) {
    assertThat(CompiledTree.read("t", CompiledTree.write(tree, "h"))).isEqualTo(tree);
  }

  @Provide
  Arbitrary<Object> trees() {
    Arbitrary<Object> leaf = Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(20).map(s -> (Object) s),
        Arbitraries.integers().map(i -> (Object) i), Arbitraries.of(true, false).map(b -> (Object) b));
    return Arbitraries.recursive(() -> leaf, inner -> Arbitraries.oneOf(
        inner.list().ofMaxSize(4).map(l -> (Object) new ArrayList<>(l)),
        Arbitraries.maps(Arbitraries.strings().ofMaxLength(6), inner).ofMaxSize(4).map(m -> (Object) new LinkedHashMap<>(m))), 3);
  }

  @Test
  void aDamagedFileNamesItsLine() {
    assertThatThrownBy(() -> CompiledTree.read("x.compiled", "# header\nm 1\ns a\nq 1\n"))
        .hasMessageContaining("x.compiled:4: unknown node 'q 1'");
    assertThatThrownBy(() -> CompiledTree.read("x.compiled", "l 2\ns a\n")).hasMessageContaining("x.compiled:3: unexpected end");
    assertThatThrownBy(() -> CompiledTree.read("x.compiled", "i 12x\n")).hasMessageContaining("x.compiled:1: not a number");
    assertThatThrownBy(() -> CompiledTree.read("x.compiled", "s a\ns b\n")).hasMessageContaining("trailing content");
    assertThatThrownBy(() -> CompiledTree.write(List.of(new Object()), "h")).isInstanceOf(IllegalArgumentException.class);
    assertThat(CompiledTree.read("x", "m 0\n")).isEqualTo(Map.of());
  }
}
