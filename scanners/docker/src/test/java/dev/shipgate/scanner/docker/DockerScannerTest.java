package dev.shipgate.scanner.docker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipgate.core.model.Finding;
import dev.shipgate.core.scan.SourceFile;
import dev.shipgate.testing.RecordingContext;
import java.util.List;
import org.junit.jupiter.api.Test;

class DockerScannerTest {

  private final DockerScanner scanner = new DockerScanner();

  @Test
  void acceptsDockerfilesComposeFilesAndIgnoreFilesByName() {
    assertThat(List.of("Dockerfile", "svc/Dockerfile", "Dockerfile.prod", "docker/api.Dockerfile", "api.dockerfile", "Containerfile",
        "Containerfile.dev", "build.containerfile", "docker-compose.yml", "docker-compose.override.yaml", "deploy/compose.yaml",
        "compose.prod.yml", "docker-compose-dev.yml", ".dockerignore", "api.Dockerfile.dockerignore"))
        .allMatch(scanner::accepts);
    assertThat(List.of("Dockerfile.j2", "Dockerfile.tmpl", "Dockerfile.md", "composer.yaml", "compose.json", "docker-compose.yml.bak",
        "README.md", "Dockerfiles/readme.txt", "mydockerfile", "values.yaml",
        "src/main/java/dev/shipgate/scanner/docker/dockerfile/Dockerfile.java", "pkg/dockerfile.go", "Dockerfile.yml"))
        .noneMatch(scanner::accepts);
  }

  @Test
  void familyVersionAndSensitiveValues() {
    assertThat(scanner.family()).isEqualTo("docker");
    assertThat(scanner.version()).isEqualTo(DockerScanner.VERSION);
    assertThat(scanner.reportsSensitiveValues()).isTrue();
  }

  @Test
  void everyFindingCarriesASnippetBecauseTheEngineWillNotFillOne() throws Exception {
    RecordingContext ctx = new RecordingContext();
    scanner.scan(List.of(SourceFile.of("Dockerfile", "FROM node\nRUN curl -s https://x | sh\nADD a.txt /a\nEXPOSE 22\n"),
        SourceFile.of("compose.yml", "services:\n  a:\n    image: redis\n    privileged: true\n")), ctx);
    assertThat(ctx.findings()).hasSizeGreaterThanOrEqualTo(6).allSatisfy(f -> assertThat(f.snippet()).isNotBlank());
  }

  @Test
  void secretsAreNeverReportedInFull() throws Exception {
    // Assembled at run time so that shipgate's own secrets scan of this source does not see a Stripe key.
    String dockerSecret = "sk_" + "live_" + "51HxQyZkLmNoPqRsTuVwXyZ0123456789";
    // shipgate:ignore secrets/generic/api-key -- a made-up value: the test proves findings never print it whole
    String composeSecret = "Sup3r-S3cret-Passw0rd";
    String shortSecret = "hunt3r";
    RecordingContext ctx = new RecordingContext();
    scanner.scan(List.of(
        SourceFile.of("Dockerfile", "FROM node:20.11-alpine3.19\nENV STRIPE_SECRET_KEY=" + dockerSecret + "\nARG DB_PASS_WORD\nARG ADMIN_PASSWORD=" + shortSecret + "\nUSER node\n"),
        SourceFile.of("docker-compose.yml", "services:\n  db:\n    image: postgres:16.2\n    environment:\n      POSTGRES_PASSWORD: \"" + composeSecret + "\"\n")), ctx);
    List<Finding> secrets = ctx.findings().stream().filter(f -> f.ruleId().endsWith("/hardcoded-secret")).toList();
    assertThat(secrets).extracting(f -> f.location().path() + ":" + f.location().startLine())
        .containsExactlyInAnyOrder("Dockerfile:2", "Dockerfile:4", "docker-compose.yml:5");
    for (Finding f : secrets) {
      String everything = f.message() + f.snippet() + f.properties() + f.contextKey();
      assertThat(everything).doesNotContain(dockerSecret).doesNotContain(composeSecret).doesNotContain(shortSecret)
          .contains("…");
    }
    assertThat(secrets.get(0).snippet()).isEqualTo("ENV STRIPE_SECRET_KEY=sk_l…");
    assertThat(secrets.get(1).properties()).containsEntry("redacted", "hu…");
    assertThat(Snippets.redact("abc")).isEqualTo("a…");
    assertThat(Snippets.redact("ab")).isEqualTo("…");
  }

  @Test
  void secretsOnLinesReportedForOtherReasonsAreRedactedToo() throws Exception {
    String password = "Zq8" + "vR2mW7pL";
    String token = "tok" + "en1234567890";
    RecordingContext ctx = new RecordingContext();
    scanner.scan(List.of(
        SourceFile.of("compose.yml", "services:\n  a: {image: x:1.0, privileged: true, environment: {DB_PASSWORD: " + password + "}}\n"),
        SourceFile.of("Dockerfile", "FROM alpine:3.19\nADD https://ci:" + password + "@files.example.com/a.tgz?api_key=" + token + " /a\n"
            + "RUN curl -H \"X-Api-Token: " + token + "\" https://x.example/i.sh | sh\nENV NODE_TLS_REJECT_UNAUTHORIZED=0 DB_PASSWORD=" + password + "\n"
            + "ENV ADMIN_SECRET " + password + "\nUSER 1\n")), ctx);
    assertThat(ctx.findings()).hasSizeGreaterThanOrEqualTo(6);
    for (Finding f : ctx.findings()) {
      String everything = f.message() + f.snippet() + f.properties();
      assertThat(everything).as(f.ruleId()).doesNotContain(password).doesNotContain(token);
    }
    assertThat(Snippets.sanitize("url: https://deploy:" + password + "@git.example.com/x.git"))
        .isEqualTo("url: https://deploy:Zq8…@git.example.com/x.git");
    assertThat(Snippets.sanitize("ENV TOKEN_URL=https://auth/token LOG=debug")).isEqualTo("ENV TOKEN_URL=https://auth/token LOG=debug");
  }

  @Test
  void secretNameHeuristics() {
    assertThat(List.of("DB_PASSWORD", "dbPassword", "NPM_TOKEN", "GITHUB_TOKEN", "STRIPE_API_KEY", "apiKey", "AWS_SECRET_ACCESS_KEY",
        "JWT_SECRET", "PRIVATE_KEY", "BASIC_AUTH", "MYSQL_ROOT_PASSWORD", "client-secret")).allMatch(SecretNames::isSecretName);
    assertThat(List.of("PWD", "TOKEN_URL", "PASSWORD_FILE", "SECRET_NAME", "AUTH_ENABLED", "GPG_KEY", "KEYCLOAK_URL", "PASSWORD_MIN_LENGTH",
        "TOKEN_TTL", "LOG_LEVEL", "AWS_ACCESS_KEY_ID")).noneMatch(SecretNames::isSecretName);
    assertThat(List.of("hunter22", "s3cr3t!", "ghp" + "_abcdefghijklmnopqrstuvwxyz0123456789")).allMatch(SecretNames::isLiteral);
    assertThat(List.of("", "  ", "${TOKEN}", "$TOKEN", "true", "false", "1234", "<your-token>", "{{ token }}", "xxxx", "****", "abc"))
        .noneMatch(SecretNames::isLiteral);
  }
}
