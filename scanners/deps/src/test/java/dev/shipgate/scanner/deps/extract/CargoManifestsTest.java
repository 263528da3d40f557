package dev.shipgate.scanner.deps.extract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipgate.core.scan.SourceFile;
import dev.shipgate.scanner.deps.Package.Scope;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The less common spellings of Cargo.toml dependency tables; the common ones are in testdata/cargo-cargo-lock/workspace-manifests. */
class CargoManifestsTest {

  private final List<String> notes = new ArrayList<>();

  private ExtractContext context(Map<String, String> files) {
    return new ExtractContext() {
      @Override
      public Optional<SourceFile> find(String path) {
        return Optional.ofNullable(files.get(path)).map(t -> SourceFile.of(path, t.getBytes()));
      }

      @Override
      public List<SourceFile> named(String fileName) {
        return files.keySet().stream().filter(p -> Extractor.fileName(p).equals(fileName)).sorted().map(p -> SourceFile.of(p, files.get(p).getBytes())).toList();
      }

      @Override
      public void note(String path, int line, String message) {
        notes.add(path + ":" + line + ": " + message);
      }
    };
  }

  @Test
  void targetTablesPerDependencyRenamesUnderscoreSpellingsAndQuotedKeys() {
    String manifest = """
        [package]
        name = "tool"

        [target."cfg(target_os = 'linux')".dependencies.nix-rt]
        package = "nix"
        version = "0.27"

        [target.x86_64-pc-windows-msvc.dev_dependencies]
        "windows-sys" = "0.48"

        [build_dependencies]
        cc = { version = "1", optional = true }

        [dependencies]
        "rand".workspace = true
        """;
    Map<String, Map<String, Scope>> d = CargoManifests.declared("sub/Cargo.lock", Set.of("tool"), context(Map.of("sub/Cargo.toml", manifest,
        "other/Cargo.toml", "[package]\nname = \"tool\"\n[dev-dependencies]\nnix = \"1\"\n")));
    assertThat(d).containsOnlyKeys("tool");
    assertThat(d.get("tool")).containsEntry("nix", Scope.RUNTIME).containsEntry("windows-sys", Scope.DEV).containsEntry("cc", Scope.OPTIONAL)
        .containsEntry("rand", Scope.RUNTIME);
    assertThat(notes).isEmpty();
  }

  @Test
  void cratesThatAreNotInTheLockfileAndUnreadableManifestsAreLeftOut() {
    Map<String, Map<String, Scope>> d = CargoManifests.declared("Cargo.lock", Set.of("app"), context(Map.of(
        "Cargo.toml", "[package]\nname = \"app\"\n[dev-dependencies]\nproptest = \"1\"\n",
        "vendor/x/Cargo.toml", "[package]\nname = \"vendored\"\n[dependencies]\nproptest = \"1\"\n",
        "broken/Cargo.toml", "[package]\nname = \"app\"\n[dependencies]\ntokio = { version = \"1\", features = [\"full\"\n")));
    assertThat(d).containsOnlyKeys("app");
    assertThat(d.get("app")).containsExactly(Map.entry("proptest", Scope.DEV));
    assertThat(notes).singleElement().asString().startsWith("broken/Cargo.toml:4: Cargo.toml unreadable");
  }

  @Test
  void headersSplitOnDotsOutsideQuotes() {
    assertThat(CargoManifests.segments("target.'cfg(all(unix, target_arch = \"x86.64\"))'.dependencies"))
        .containsExactly("target", "cfg(all(unix, target_arch = \"x86.64\"))", "dependencies");
    assertThat(CargoManifests.segments("dependencies")).containsExactly("dependencies");
  }
}
