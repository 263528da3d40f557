package dev.shipgate.scanner.k8s.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SecretInEnvRuleTest {

  @Test
  void credentialNamesAreToldApartFromSettingsAboutCredentials() {
    assertThat(List.of("DB_PASSWORD", "password", "API_KEY", "GITHUB_TOKEN", "AWS_SECRET_ACCESS_KEY", "JWT_SECRET",
        "SENTRY_DSN", "REDIS_PASS", "spring.datasource.password", "CLIENT_SECRET", "OPENAI_APIKEY", "ssh-private-key"))
        .allMatch(SecretInEnvRule::credentialName);
    assertThat(List.of("PASSWORD_FILE", "TOKEN_TTL", "SECRET_NAME", "AWS_ACCESS_KEY_ID", "API_KEY_HEADER", "TOKEN_URL",
        "KEYCLOAK_USER", "PASSWORD_MIN_LENGTH", "LOG_LEVEL", "PASSENGER_COUNT", "TOKENIZER", ""))
        .noneMatch(SecretInEnvRule::credentialName);
  }

  @Test
  void redactionShowsAtMostFourCharactersOfLongValues() {
    assertThat(SecretInEnvRule.redact("correct-horse-battery")).isEqualTo("corr…");
    assertThat(SecretInEnvRule.redact("short1")).isEqualTo("…");
  }

  @Test
  void imageReferencesSplitLikeARuntimeReadsThem() {
    assertThat(ImageRef.parse("nginx")).contains(new ImageRef("nginx", "", ""));
    assertThat(ImageRef.parse("localhost:5000/team/app")).contains(new ImageRef("localhost:5000/team/app", "", ""));
    assertThat(ImageRef.parse("ghcr.io/a/b:1.2@sha256:abc")).contains(new ImageRef("ghcr.io/a/b", "1.2", "sha256:abc"));
    assertThat(ImageRef.parse("${IMAGE}")).isEmpty();
    assertThat(ImageRef.parse(" ")).isEmpty();
  }
}
