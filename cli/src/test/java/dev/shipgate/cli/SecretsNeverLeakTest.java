package dev.shipgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Plants freshly generated credentials and checks that shipgate finds them and that no output format
 * (terminal, JSON, SARIF, Markdown, JUnit, baseline) contains any of them or their random part.
 */
class SecretsNeverLeakTest {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

  private static String random(String alphabet, int n) {
    StringBuilder sb = new StringBuilder(n);
    for (int i = 0; i < n; i++) {
      sb.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
    }
    return sb.toString();
  }

  @Test
  void plantedSecretsAreFoundAndNeverPrinted(@TempDir Path dir) throws Exception {
    KeyPairGenerator gen = KeyPairGenerator.getInstance("RSA");
    gen.initialize(2048);
    String pkcs8 = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(gen.generateKeyPair().getPrivate().getEncoded());
    String stripe = "sk_live_" + random(ALNUM, 24);
    String awsId = "AKIA" + random("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 16);
    String awsSecret = random(ALNUM + "+/", 40);
    String dbPassword = random(ALNUM, 20);
    String anthropic = "sk-ant-api03-" + random(ALNUM + "-_", 93) + "AA";

    Files.createDirectories(dir.resolve("src/main/resources"));
    Files.writeString(dir.resolve("src/main/resources/id_rsa.pem"), "-----BEGIN PRIVATE KEY-----\n" + pkcs8 + "\n-----END PRIVATE KEY-----\n");
    Files.writeString(dir.resolve("src/main/resources/payments.properties"), "stripe.api-key=" + stripe + "\n");
    Files.writeString(dir.resolve(".env"), "AWS_ACCESS_KEY_ID=" + awsId + "\nAWS_SECRET_ACCESS_KEY=" + awsSecret + "\n"
        + "DATABASE_URL=postgres://app:" + dbPassword + "@db.internal:5432/app\n");
    Files.writeString(dir.resolve("src/main/resources/llm.yml"), "anthropic:\n  api_key: \"" + anthropic + "\"\n");

    Path out = dir.resolve("out");
    Cli r = Cli.run("scan", dir.toString(), "--format",
        "json=" + out.resolve("r.json") + ",sarif=" + out.resolve("r.sarif") + ",markdown=" + out.resolve("r.md") + ",junit=" + out.resolve("r.xml"));
    assertThat(r.exit()).as(r.toString()).isEqualTo(1);
    Cli terminal = Cli.run("scan", dir.toString(), "--no-fail");
    Cli b = Cli.run("baseline", dir.toString(), "--output", out.resolve("baseline.json").toString());
    assertThat(b.exit()).as(b.toString()).isZero();

    JsonNode report = new ObjectMapper().readTree(out.resolve("r.json").toFile());
    List<String> paths = new ArrayList<>();
    for (JsonNode f : report.get("findings")) {
      if (f.get("rule_id").asText().startsWith("secrets/")) {
        paths.add(f.at("/location/path").asText());
      }
    }
    assertThat(paths).as("every planted credential is found")
        .contains("src/main/resources/id_rsa.pem", "src/main/resources/payments.properties", ".env", "src/main/resources/llm.yml");

    List<String> outputs = new ArrayList<>(List.of(r.out(), r.err(), terminal.out(), terminal.err(), b.out(), b.err()));
    for (String f : List.of("r.json", "r.sarif", "r.md", "r.xml", "baseline.json")) {
      outputs.add(Files.readString(out.resolve(f)));
    }
    List<String> secrets = List.of(stripe, stripe.substring(8), awsId.substring(4), awsSecret, dbPassword, anthropic.substring(13, 60),
        pkcs8.substring(100, 140));
    for (String output : outputs) {
      for (String secret : secrets) {
        assertThat(output).as("an output contains a planted secret").doesNotContain(secret);
      }
    }
  }
}
