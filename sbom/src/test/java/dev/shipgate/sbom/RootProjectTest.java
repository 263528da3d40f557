package dev.shipgate.sbom;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RootProjectTest {

  @TempDir Path dir;

  @Test
  void theDirectoryNameWithoutAPom() {
    assertThat(RootProject.of(dir)).isEqualTo(new RootProject("", dir.getFileName().toString(), "", ""));
  }

  @Test
  void thePomsCoordinates() throws Exception {
    Files.writeString(dir.resolve("pom.xml"), """
        <project><modelVersion>4.0.0</modelVersion>
          <groupId>com.example</groupId><artifactId>shop</artifactId><version>1.2.0</version>
          <dependencies><dependency><groupId>x</groupId><artifactId>y</artifactId><version>9</version></dependency></dependencies>
        </project>""");
    RootProject root = RootProject.of(dir);
    assertThat(root).isEqualTo(new RootProject("com.example", "shop", "1.2.0", "pkg:maven/com.example/shop@1.2.0"));
    assertThat(root.displayName()).isEqualTo("com.example:shop");
  }

  @Test
  void groupAndVersionInheritedFromTheParentElementAndPropertiesLeftUnresolved() throws Exception {
    Files.writeString(dir.resolve("pom.xml"), """
        <project>
          <parent><groupId>com.example</groupId><artifactId>parent</artifactId><version>${revision}</version></parent>
          <artifactId>api</artifactId>
        </project>""");
    assertThat(RootProject.of(dir)).isEqualTo(new RootProject("com.example", "api", "", "pkg:maven/com.example/api"));
  }

  @Test
  void aPomWithADoctypeIsNotParsed() throws Exception {
    Files.writeString(dir.resolve("pom.xml"), """
        <?xml version="1.0"?>
        <!DOCTYPE project [<!ENTITY x SYSTEM "file:///etc/passwd">]>
        <project><groupId>&x;</groupId><artifactId>evil</artifactId><version>1</version></project>""");
    assertThat(RootProject.of(dir).name()).isEqualTo(dir.getFileName().toString());
  }

  @Test
  void aMalformedPomFallsBackToTheDirectoryName() throws Exception {
    Files.writeString(dir.resolve("pom.xml"), "<project><artifactId>x</artifactId>");
    assertThat(RootProject.of(dir).name()).isEqualTo(dir.getFileName().toString());
  }
}
