package dev.shipgate.scanner.java.taint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipgate.core.model.Rule;
import dev.shipgate.core.yaml.CompiledTree;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * {@code models.compiled} holds the document trees of the model files {@code index.txt} lists (core's
 * {@link CompiledTree} form), which the scanner reads at start instead of parsing YAML. After editing a model file
 * or the index, regenerate it with
 * {@code ./mvnw -o -q -pl scanners/java test -Dtest=CompiledModelsTest -Djava.compile-models=true}.
 */
class CompiledModelsTest {

  private static final Path DIR = Path.of("src/main/resources" + Models.RESOURCE_DIR);

  @Test
  void theCompiledFormIsTheTreeOfEveryIndexedModelFile() throws Exception {
    Load load = new Load(LoadSettings.builder().build());
    Map<String, Object> trees = new LinkedHashMap<>();
    for (String name : Models.shippedFileNames()) {
      trees.put(name, load.loadFromString(Files.readString(DIR.resolve(name))));
    }
    String expected = CompiledTree.write(trees, "Generated from the model files of index.txt by CompiledModelsTest: do not edit.");
    Path compiled = DIR.resolve(Models.COMPILED);
    if (Boolean.getBoolean("java.compile-models")) {
      Files.writeString(compiled, expected);
    }
    assertThat(Files.readString(compiled)).as("%s is stale: regenerate it (see this class's comment)", compiled)
        .isEqualTo(expected);
  }

  @Test
  void theShippedRulesAreTheRulesOfTheWholeModel() {
    assertThat(Models.shippedRules()).extracting(Rule::id)
        .containsExactlyElementsOf(Models.loadDefault().rules().stream().map(Rule::id).toList());
  }
}
