package dev.shipgate.scanner.java;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipgate.core.model.Confidence;
import dev.shipgate.core.model.Finding;
import dev.shipgate.core.scan.SourceFile;
import dev.shipgate.scanner.java.frontend.ProjectConfig;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** SnakeYAML's default {@code load} is judged by the version the build declares (2.0 rejects global tags). */
class DependencyVersionsTest {

  static final SourceFile CODE = ScanSupport.file("src/main/java/p/Loader.java", """
      package p;
      import org.yaml.snakeyaml.Yaml;
      class Loader {
        Object load(javax.servlet.http.HttpServletRequest request) {
          return new Yaml().load(request.getParameter("doc"));
        }
      }
      """);

  static SourceFile pom(String dependencies, String extra) {
    return ScanSupport.file("pom.xml", """
        <project>
          EXTRA
          <properties><snakeyaml.version>1.33</snakeyaml.version></properties>
          <dependencies>DEPS</dependencies>
        </project>
        """.replace("EXTRA", extra).replace("DEPS", dependencies));
  }

  static List<Finding> scan(SourceFile... build) throws IOException {
    SourceFile[] all = new SourceFile[build.length + 1];
    all[0] = CODE;
    System.arraycopy(build, 0, all, 1, build.length);
    return ScanSupport.findings(all).stream().filter(f -> f.ruleId().equals("java/deserialization/untrusted-data")).toList();
  }

  static final String YAML_2 = "<dependency><groupId>org.yaml</groupId><artifactId>snakeyaml</artifactId><version>2.2</version></dependency>";
  static final String YAML_PROPERTY = "<dependency><groupId>org.yaml</groupId><artifactId>snakeyaml</artifactId>"
      + "<version>${snakeyaml.version}</version></dependency>";
  static final String YAML_MANAGED = "<dependency><groupId>org.yaml</groupId><artifactId>snakeyaml</artifactId></dependency>";

  @Test
  void snakeYaml2DeclaredInThePomIsNotReported() throws IOException {
    assertThat(scan(pom(YAML_2, ""))).isEmpty();
  }

  @Test
  void snakeYaml1FromAPomPropertyIsReportedWithHighConfidence() throws IOException {
    assertThat(scan(pom(YAML_PROPERTY, ""))).extracting(Finding::confidence).containsExactly(Confidence.HIGH);
  }

  @Test
  void theSpringBootParentDecidesAnUnversionedDependency() throws IOException {
    String parent = "<parent><groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter-parent</artifactId>"
        + "<version>VERSION</version></parent>";
    assertThat(scan(pom(YAML_MANAGED, parent.replace("VERSION", "3.2.1")))).isEmpty();
    assertThat(scan(pom(YAML_MANAGED, parent.replace("VERSION", "2.7.18")))).hasSize(1);
  }

  @Test
  void gradleCoordinatesAreRead() throws IOException {
    assertThat(scan(ScanSupport.file("build.gradle", "dependencies { implementation 'org.yaml:snakeyaml:1.30' }")))
        .extracting(Finding::confidence).containsExactly(Confidence.HIGH);
    assertThat(scan(ScanSupport.file("app/build.gradle.kts", "dependencies { implementation(\"org.yaml:snakeyaml:2.0\") }")))
        .isEmpty();
  }

  @Test
  void anUndeclaredOrConflictingVersionIsReportedWithMediumConfidence() throws IOException {
    assertThat(scan()).extracting(Finding::confidence).containsExactly(Confidence.MEDIUM);
    assertThat(scan(pom(YAML_2, ""), ScanSupport.file("legacy/pom.xml", pom(YAML_PROPERTY, "").text())))
        .extracting(Finding::confidence).containsExactly(Confidence.MEDIUM);
  }

  @Test
  void versionsCompareByTheirNumbers() {
    assertThat(ProjectConfig.compareVersions("2.0", "1.33")).isPositive();
    assertThat(ProjectConfig.compareVersions("1.33", "2.0")).isNegative();
    assertThat(ProjectConfig.compareVersions("2.0-RC1", "2.0")).isZero();
    assertThat(ProjectConfig.compareVersions("2.10", "2.9")).isPositive();
  }
}
