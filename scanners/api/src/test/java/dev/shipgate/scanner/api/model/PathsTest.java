package dev.shipgate.scanner.api.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PathsTest {

  @Test
  void joinAndClean() {
    assertThat(Paths.join("/api/", "/users/")).isEqualTo("/api/users");
    assertThat(Paths.join("api", "")).isEqualTo("/api");
    assertThat(Paths.join("", "")).isEqualTo("/");
    assertThat(Paths.clean("//a///b/")).isEqualTo("/a/b");
  }

  @Test
  void keysIgnoreVariableNamesAndSyntax() {
    assertThat(Paths.key("/users/{id}/")).isEqualTo(Paths.key("/users/{userId}"));
    assertThat(Paths.key("/users/{id:\\d+}")).isEqualTo("/users/{}");
    assertThat(Paths.key("/users/:id")).isEqualTo("/users/{}");
    assertThat(Paths.key("/users/<int:id>")).isEqualTo("/users/{}");
    assertThat(Paths.variables("/t/{tenant}/u/{id:\\d+}/<int:n>")).containsExactly("tenant", "id", "n");
  }

  @Test
  void springPatternSemantics() {
    assertThat(Paths.matches("/api/**", "/api")).isTrue();
    assertThat(Paths.matches("/api/**", "/api/a/b/{id}")).isTrue();
    assertThat(Paths.matches("/api/*", "/api/a/b")).isFalse();
    assertThat(Paths.matches("/api/*", "/api/{id}")).isTrue();
    assertThat(Paths.matches("/api/{x}", "/api/{id}")).isTrue();
    assertThat(Paths.matches("/files/*.json", "/files/a.json")).isTrue();
    assertThat(Paths.matches("/files/?.txt", "/files/ab.txt")).isFalse();
    assertThat(Paths.matches("/docs/{*rest}", "/docs/a/b")).isTrue();
    assertThat(Paths.matches("/**/admin", "/x/y/admin")).isTrue();
    assertThat(Paths.matches("/health/", "/health")).isTrue();
  }

  @Test
  void aLiteralPatternDoesNotCoverATemplatedRoute() {
    assertThat(Paths.matches("/users/me", "/users/{id}")).isFalse();
    assertThat(Paths.matches("/users/a*", "/users/{id}")).isFalse();
  }

  @Test
  void manyDoubleStarsStayCheap() {
    String pattern = "/**".repeat(30) + "/z";
    String route = "/a".repeat(40);
    long start = System.nanoTime();
    assertThat(Paths.matches(pattern, route)).isFalse();
    assertThat(System.nanoTime() - start).isLessThan(5_000_000_000L);
  }
}
