package dev.shipgate.scanner.java;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shipgate.core.model.Finding;
import dev.shipgate.core.policy.PolicyException;
import dev.shipgate.core.policy.Settings;
import dev.shipgate.core.scan.SourceFile;
import dev.shipgate.testing.RecordingContext;
import dev.shipgate.testing.RuleCatalogChecks;
import dev.shipgate.testing.RuleCatalogChecks.TagScheme;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;

class ScannerContractTest {

  @Test
  void familyAcceptsJavaSourcesOnly() {
    JavaScanner s = ScanSupport.SCANNER;
    assertThat(s.family()).isEqualTo("java");
    assertThat(s.accepts("src/main/java/a/B.java")).isTrue();
    assertThat(s.accepts("src/main/java/module-info.java")).isFalse();
    assertThat(s.accepts("B.class")).isFalse();
    assertThat(s.accepts("notes.java.txt")).isFalse();
    assertThat(s.accepts("src/main/resources/app.properties")).as("read for configured values").isTrue();
    assertThat(s.accepts("src/main/resources/application-prod.yml")).as("read for configured values").isTrue();
    assertThat(s.accepts("docker-compose.yml")).isFalse();
    assertThat(s.accepts("src/main/resources/mapper/UserMapper.xml")).as("MyBatis mappers, judged by content").isTrue();
  }

  private static Settings section(String yaml) throws PolicyException {
    return Settings.of("shipgate.yml", new Compose(LoadSettings.builder().build()).composeString(yaml).orElseThrow(),
        "scanners.java");
  }

  @Test
  void jwtLifetimeLimitsComeFromThePolicyAndBadValuesNameTheirLine() throws Exception {
    String code = """
        package p;
        import io.jsonwebtoken.Jwts;
        class T {
          String issue(java.security.Key k) {
            return Jwts.builder().expiration(new java.util.Date(System.currentTimeMillis() + 2 * 3600 * 1000L)).signWith(k).compact();
          }
        }
        """;
    RecordingContext defaults = new RecordingContext(Path.of("."), section("enabled: true\n"));
    ScanSupport.SCANNER.scan(List.of(ScanSupport.file("p/T.java", code)), defaults);
    assertThat(defaults.findings()).as("2 h is within the default 24 h").isEmpty();

    RecordingContext strict = new RecordingContext(Path.of("."), section("jwt-max-lifetime: 15m\n"));
    ScanSupport.SCANNER.scan(List.of(ScanSupport.file("p/T.java", code)), strict);
    assertThat(strict.findings()).extracting(f -> f.ruleId() + ":" + f.location().startLine())
        .containsExactly("java/auth/jwt-excessive-lifetime:5");
    assertThat(strict.findings().get(0).message()).contains("2 h");

    assertThatThrownBy(() -> ScanSupport.SCANNER.validate(section("method-timeout-ms: 100\njwt-refresh-max-lifetime: soon\n")))
        .isInstanceOf(PolicyException.class)
        .hasMessageContaining("jwt-refresh-max-lifetime")
        .satisfies(e -> assertThat(((PolicyException) e).line()).isEqualTo(2));
    assertThatThrownBy(() -> ScanSupport.SCANNER.validate(section("jwt-max-lifetime: 0h\n"))).isInstanceOf(PolicyException.class);
  }

  @Test
  void everyRuleCarriesFullMetadataAndEverySettingIsDocumented() throws IOException {
    JavaScanner s = ScanSupport.SCANNER;
    // Rules come from classes and from the models' rules.yml, so no list counts them apart from rules() itself.
    RuleCatalogChecks.idsAreUniqueAndShaped(s, "java/[a-z]+/[a-z-]+", s.rules().size());
    RuleCatalogChecks.everyRuleCarriesCompleteMetadata(s,
        EnumSet.of(TagScheme.OWASP_TOP10, TagScheme.ASVS, TagScheme.OWASP_LLM, TagScheme.SSDF, TagScheme.ISO27001, TagScheme.SOC2),
        TagScheme.OWASP_TOP10, TagScheme.ASVS);
    RuleCatalogChecks.everyRuleIsDocumented(s, Path.of("README.md"));
    RuleCatalogChecks.everySettingIsDocumented(s, Path.of("README.md"));
  }

  @Test
  void settingsFromTheRepositoryPropertiesDecideConfiguredAlgorithms() throws IOException {
    String code = """
        package p;
        class Hashes {
          byte[] h(byte[] d) throws Exception {
            java.util.Properties props = new java.util.Properties();
            props.load(getClass().getClassLoader().getResourceAsStream("app.properties"));
            java.security.MessageDigest.getInstance(props.getProperty("hashAlg1", "SHA512"));
            java.security.MessageDigest.getInstance(props.getProperty("hashAlg2", "SHA512"));
            java.security.MessageDigest.getInstance(props.getProperty("missing", "MD5"));
            return javax.crypto.Cipher.getInstance(props.getProperty("cryptoAlg1", "AES/GCM/NoPadding")).doFinal(d);
          }
        }
        """;
    String properties = "hashAlg1=MD5\nhashAlg2=SHA-256\ncryptoAlg1=DES/ECB/PKCS5Padding\n";
    List<Finding> findings = ScanSupport.findings(ScanSupport.file("src/main/java/p/Hashes.java", code),
        ScanSupport.file("src/main/resources/app.properties", properties));
    assertThat(findings).extracting(f -> f.location().startLine() + ":" + f.ruleId())
        .containsExactly("6:java/crypto/weak-hash", "8:java/crypto/weak-hash", "9:java/crypto/weak-cipher");
  }

  @Test
  void springValuePlaceholdersResolveFromApplicationYamlOrTheirDefault() throws IOException {
    String code = """
        package p;
        class Crypto {
          @org.springframework.beans.factory.annotation.Value("${security.hash-alg:SHA-256}")
          private String hashAlg;
          @org.springframework.beans.factory.annotation.Value("${security.cipher:AES/GCM/NoPadding}")
          private String cipher;
          Crypto(@org.springframework.beans.factory.annotation.Value("${security.legacy-hash:MD5}") String legacy) throws Exception {
            java.security.MessageDigest.getInstance(legacy);
          }
          byte[] h(byte[] d) throws Exception {
            java.security.MessageDigest.getInstance(hashAlg);
            return javax.crypto.Cipher.getInstance(cipher).doFinal(d);
          }
        }
        """;
    String yaml = "security:\n  hash-alg: SHA1\nserver:\n  port: 8080\n";
    List<Finding> findings = ScanSupport.findings(ScanSupport.file("src/main/java/p/Crypto.java", code),
        ScanSupport.file("src/main/resources/application.yml", yaml));
    assertThat(findings).extracting(f -> f.location().startLine() + ":" + f.ruleId())
        .containsExactly("8:java/crypto/weak-hash", "11:java/crypto/weak-hash");
  }

  @Test
  void resultsAreIdenticalRunToRunAndIndependentOfInputOrder() throws IOException {
    List<SourceFile> files = new ArrayList<>(ScanSupport.fixtureDir("flow"));
    files.addAll(ScanSupport.fixtureDir("injection"));
    List<String> first = render(files);
    Collections.reverse(files);
    List<String> second = render(files);
    assertThat(first).isNotEmpty().isEqualTo(second);
  }

  private static List<String> render(List<SourceFile> files) throws IOException {
    RecordingContext ctx = new RecordingContext();
    ScanSupport.SCANNER.scan(files, ctx);
    List<String> out = new ArrayList<>();
    for (Finding f : ctx.findings()) {
      out.add(f.location() + " " + f.ruleId() + " " + f.message() + " " + f.flow());
    }
    return out;
  }
}
