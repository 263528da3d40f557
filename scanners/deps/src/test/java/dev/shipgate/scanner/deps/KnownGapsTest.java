package dev.shipgate.scanner.deps;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipgate.core.scan.SourceFile;
import java.util.List;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

/** What the inventory does not do yet; each test states the behaviour we want. */
class KnownGapsTest {

  @Test
  @Disabled("MISSING: transitive Maven resolution (Maven Resolver over a local repository); pom.xml gives direct dependencies only")
  void mavenTransitiveDependenciesAreListed() {
    String pom = "<project><dependencies><dependency><groupId>org.springframework.boot</groupId>"
        + "<artifactId>spring-boot-starter-web</artifactId><version>2.7.0</version></dependency></dependencies></project>";
    List<Package> packages = Inventory.of(List.of(SourceFile.of("pom.xml", pom)), null).packages();
    assertThat(packages).anyMatch(p -> p.name().equals("org.springframework:spring-web") && !p.direct());
  }
}
