package dev.shipgate.scanner.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipgate.core.gate.Coverage;
import dev.shipgate.core.model.Confidence;
import dev.shipgate.core.model.Finding;
import dev.shipgate.core.model.Severity;
import dev.shipgate.core.scan.Binary;
import dev.shipgate.core.scan.SourceFile;
import dev.shipgate.testing.RecordingContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SecretsScannerTest {

  private final SecretsScanner scanner = new SecretsScanner();
  private final Samples samples = new Samples(42);

  private List<Finding> scan(String path, String text) throws IOException {
    return CatalogueTest.scan(path, text);
  }

  @Test
  void noFindingFieldEverContainsAPlantedSecret() throws IOException {
    List<String> planted = new ArrayList<>();
    StringBuilder file = new StringBuilder();
    for (Detector d : DetectorCatalog.builtIn().detectors()) {
      for (String t : d.trueSamples()) {
        Samples.Expanded e = samples.expand(t);
        planted.addAll(e.secrets());
        file.append(e.text()).append("\n\n\n\n\n\n\n\n\n\n");
      }
    }
    List<Finding> findings = scan("config/all.env", file.toString());
    assertThat(findings).hasSizeGreaterThan(DetectorCatalog.builtIn().detectors().size());
    for (Finding f : findings) {
      List<String> fields = new ArrayList<>(List.of(f.message(), f.snippet(), f.contextKey(), f.location().toString()));
      fields.addAll(f.properties().values());
      fields.addAll(f.properties().keySet());
      for (String field : fields) {
        for (String secret : planted) {
          assertThat(field).as("%s leaks a planted value", f.ruleId()).doesNotContain(secret);
        }
      }
    }
  }

  @Test
  void findingCarriesRedactedValueHashPrefixAndValidationButNotTheToken() throws IOException {
    String token = samples.githubToken("ghp_");
    Finding f = scan("src/main/resources/application.yml", "github:\n  token: " + token + "\n").get(0);
    assertThat(f.ruleId()).isEqualTo("secrets/github/pat-classic");
    assertThat(f.location().startLine()).isEqualTo(2);
    assertThat(f.location().startColumn()).isEqualTo(10);
    assertThat(f.confidence()).isEqualTo(Confidence.HIGH);
    assertThat(f.properties()).containsEntry("validated", "true")
        .containsEntry("secret_redacted", SecretText.redact(token))
        .containsEntry("secret_sha256_prefix", SecretText.sha256Hex(token).substring(0, 12));
    assertThat(f.snippet()).isEqualTo("token: " + SecretText.redact(token));
    assertThat(f.contextKey()).isEqualTo("secrets/github/pat-classic:" + SecretText.sha256Hex(token));
  }

  @Test
  void sameSecretOnAnotherLineKeepsItsContextKeyAndADifferentSecretDoesNot() throws IOException {
    String token = samples.githubToken("ghp_");
    Finding a = scan("a.py", "TOKEN = '" + token + "'\n").get(0);
    Finding b = scan("a.py", "\n\n# moved\nimport os\nTOKEN = '" + token + "'\n").get(0);
    Finding c = scan("a.py", "TOKEN = '" + samples.githubToken("ghp_") + "'\n").get(0);
    assertThat(b.location().startLine()).isEqualTo(5);
    assertThat(b.contextKey()).isEqualTo(a.contextKey());
    assertThat(c.contextKey()).isNotEqualTo(a.contextKey());
  }

  @Test
  void checksumMismatchKeepsTheFindingAtLowConfidence() throws IOException {
    String token = samples.githubToken("ghp_");
    char last = token.charAt(token.length() - 1);
    String broken = token.substring(0, token.length() - 1) + (last == 'a' ? 'b' : 'a');
    Finding f = scan("a.sh", "export GH=" + broken + "\n").get(0);
    assertThat(f.confidence()).isEqualTo(Confidence.LOW);
    assertThat(f.properties()).containsEntry("validated", "false");
  }

  @Test
  void pathsNamedFakeOrExampleAndLockfilesLowerConfidenceWithoutDropping() throws IOException {
    String line = "key = \"AIza" + samples.chars(Samples.charset("b64u"), 35) + "\"\n";
    assertThat(scan("src/app.py", line).get(0).confidence()).isEqualTo(Confidence.HIGH);
    Finding fake = scan("tests/fixtures/fake_keys.py", line).get(0);
    assertThat(fake.confidence()).isEqualTo(Confidence.MEDIUM);
    assertThat(fake.properties().get("notes")).contains("fake or example");
    assertThat(scan("web/package-lock.json", line).get(0).confidence()).isEqualTo(Confidence.MEDIUM);
    assertThat(scan("web/app.min.js", line).get(0).confidence()).isEqualTo(Confidence.MEDIUM);
  }

  @Test
  void documentationExamplesAndTemplatesAreNotReported() throws IOException {
    String text = String.join("\n",
        "aws_access_key_id = AKIAIOSFODNN7EXAMPLE",
        "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
        "GITHUB_TOKEN=ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
        "password: ${DB_PASSWORD}",
        "api_key: \"{{ vault_api_key }}\"",
        "secret = '%(secret)s'",
        "password = \"changeme\"",
        "API_KEY=your-api-key-here",
        "token = \"<token>\"",
        "client_secret = \"REDACTED_REDACTED_REDACTED\"",
        "SECRET_KEY = \"abcdefghijklmnopqrstuvwxyz0123456789\"",
        "AUTH_TOKEN = \"0000000000000000000000000000000000000000\"",
        "commit = 3f786850e387550fdab836ed7e6dc881de23001b",
        "id = 123e4567-e89b-12d3-a456-426614174000",
        "");
    assertThat(scan("README.md", text)).isEmpty();
  }

  @Test
  void specificationAndVendorDocumentationExamplesFoundInRealCodeAreNotReported() throws IOException {
    // Lines of this shape were the only findings in 338 MB of JDK and Python library sources (oauthlib, urllib, JMX)
    // and of npm's bundled packages (base64 of "not my real password").
    String text = String.join("\n",
        "Authorization: Basic czZCaGRSa3F0MzpnWDFmQmF0M2JW",
        "    \"access_token\":\"2YotnFZFEjr1zCsicMWpAA\",",
        "    \"refresh_token\":\"tGzv3JOkF0XG5Qx2TlKWIA\",",
        "            oauth_token=\"ad180jjd733klru7\",",
        "Authorization: Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==",
        "stripe.api_key = \"sk_test_4eC39HqLyjWDarjtT1zdp7dc\"",
        "    \"\"\"splitpasswd('user:passwd') -> 'user', 'passwd'.\"\"\"",
        " * below format. hashedPassword = base64_encoded_64_byte_salt W",
        "  password: 'bm90IG15IHJlYWwgcGFzc3dvcmQ=',",
        "");
    assertThat(scan("docs/oauth.py", text)).isEmpty();
    // A password that merely contains such words, and a dash-joined passphrase, are still candidates.
    assertThat(scan("app.env", "DB_PASSWORD=admin-Xq7!Lm2vR9\n")).extracting(f -> f.rule().id())
        .containsExactly("secrets/generic/password");
    assertThat(scan("app.env", "ADMIN_PASSWORD=summer-house-blue-2024\n")).extracting(f -> f.rule().id())
        .containsExactly("secrets/generic/password");
  }

  @Test
  void unsignedJwtIsReportedWithLowSeverity() throws IOException {
    Finding f = scan("a.js", "const t = '" + samples.jwt("none", false) + "';\n").get(0);
    assertThat(f.ruleId()).isEqualTo("secrets/jwt/token");
    assertThat(f.severity()).isEqualTo(Severity.LOW);
    Finding signed = scan("a.js", "const t = '" + samples.jwt("RS256", true) + "';\n").get(0);
    assertThat(signed.severity()).isEqualTo(Severity.MEDIUM);
  }

  @Test
  void escapedAndMultiLinePemOfTheSameKeyShareTheFingerprintContext() throws IOException {
    String multi = samples.pem("RSA PRIVATE KEY", "\n");
    String escaped = multi.replace("\n", "\\n");
    Finding a = scan("id_rsa", multi + "\n").get(0);
    Finding b = scan("creds.json", "{\"key\": \"" + escaped + "\"}\n").get(0);
    assertThat(a.ruleId()).isEqualTo(b.ruleId()).isEqualTo("secrets/private-key/pem");
    assertThat(a.contextKey()).isEqualTo(b.contextKey());
    assertThat(b.snippet()).doesNotContain("\\n").hasSizeLessThan(200);
  }

  @Test
  void providerDetectorWinsOverGenericAssignmentOnTheSameValue() throws IOException {
    List<Finding> f = scan("app.properties", "stripe.secret=sk_live_" + samples.chars(Samples.B62, 24) + "\n");
    assertThat(f).extracting(Finding::ruleId).containsExactly("secrets/stripe/live-secret-key");
  }

  @Test
  void longMinifiedLineGivesAShortSnippetAroundTheSecret() throws IOException {
    String token = samples.githubToken("ghp_");
    String line = "var a=1;".repeat(2000) + "t=\"" + token + "\";" + "b=2;".repeat(2000);
    Finding f = scan("dist/app.js", line).get(0);
    assertThat(f.snippet()).hasSizeLessThan(200).contains(SecretText.redact(token)).startsWith("…").endsWith("…");
    assertThat(f.confidence()).isEqualTo(Confidence.MEDIUM);
  }

  @Test
  void binaryNamesAreRejectedCheaplyAndTextIsAccepted() {
    assertThat(scanner.accepts("img/logo.png")).isFalse();
    assertThat(scanner.accepts("lib/native.so")).isFalse();
    assertThat(scanner.accepts("lib/app.jar")).as("archives are listed").isTrue();
    assertThat(scanner.accepts(".env")).isTrue();
    assertThat(scanner.accepts("src/Main.java")).isTrue();
    assertThat(scanner.accepts("icons/logo.svg")).isTrue();
  }

  @Test
  void controlBytesInvalidUtf8AndMultibyteTextNeitherFailNorShiftTheColumn() throws IOException {
    String token = samples.githubToken("ghp_");
    byte[] head = {(byte) 0xff, (byte) 0xfe, 1, 0x7f, '\n'};
    byte[] line = ("é€ x=" + token + "\n").getBytes(StandardCharsets.UTF_8);
    byte[] all = new byte[head.length + line.length];
    System.arraycopy(head, 0, all, 0, head.length);
    System.arraycopy(line, 0, all, head.length, line.length);
    RecordingContext ctx = new RecordingContext();
    scanner.scan(SourceFile.of("weird.txt", all), ctx);
    assertThat(ctx.errors()).isEmpty();
    assertThat(ctx.findings()).hasSize(1);
    assertThat(ctx.findings().get(0).location().startLine()).isEqualTo(2);
    assertThat(ctx.findings().get(0).location().startColumn()).isEqualTo(6);
    // With a NUL byte the file is binary (as git judges it), and only archives are asked for when binary.
    all[2] = 0;
    assertThat(Binary.looksBinary(all)).isTrue();
    assertThat(scanner.wantsBinary("weird.txt")).isFalse();
  }

  @Test
  void fileOverTheSizeLimitIsSkippedWithAReason() throws IOException {
    RecordingContext ctx = new RecordingContext();
    scanner.scan(SourceFile.lazy("huge.log", SecretsScanner.DEFAULT_MAX_FILE_SIZE + 1, () -> {
      throw new IOException("must not be read");
    }), ctx);
    assertThat(ctx.skippedFiles()).singleElement().satisfies(s -> assertThat(s.reason()).contains("max-file-size"));
  }

  @Test
  void awsSecretKeyNeedsAwsContextNearby() throws IOException {
    String secret = samples.chars(Samples.charset("b64"), 40);
    assertThat(scan("a.env", "AWS_SECRET_ACCESS_KEY=" + secret + "\n")).extracting(Finding::ruleId)
        .containsExactly("secrets/aws/secret-access-key");
    assertThat(scan("a.env", "checksum: " + secret + "\n")).isEmpty();
  }
}
