package dev.shipgate.scanner.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipgate.core.model.Finding;
import dev.shipgate.core.model.Severity;
import dev.shipgate.core.scan.SourceFile;
import dev.shipgate.testing.RecordingContext;
import java.io.ByteArrayOutputStream;
import java.security.KeyStore;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import javax.crypto.KeyGenerator;
import org.junit.jupiter.api.Test;

class KeyStoreFilesTest {

  private static final char[] PASSWORD = "generated-at-test-time".toCharArray();

  private static RecordingContext scan(String path, byte[] content) throws Exception {
    RecordingContext ctx = new RecordingContext();
    new SecretsScanner().scan(SourceFile.of(path, content), ctx);
    return ctx;
  }

  private static byte[] store(KeyStore ks) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ks.store(out, PASSWORD);
    return out.toByteArray();
  }

  @Test
  void aJceksStoreWithASecretKeyIsReportedWithoutPrintingAnyOfItsBytes() throws Exception {
    KeyStore ks = KeyStore.getInstance("JCEKS");
    ks.load(null, null);
    ks.setEntry("db-encryption", new KeyStore.SecretKeyEntry(KeyGenerator.getInstance("AES").generateKey()),
        new KeyStore.PasswordProtection(PASSWORD));
    byte[] bytes = store(ks);
    List<Finding> found = scan("config/secrets.jceks", bytes).findings();
    assertThat(found).singleElement().satisfies(f -> {
      assertThat(f.ruleId()).isEqualTo(KeyStoreFiles.ID);
      assertThat(f.message()).startsWith("JCEKS key store committed");
      assertThat(f.severity()).isEqualTo(Severity.HIGH);
      assertThat(f.location().startLine()).isEqualTo(1);
      assertThat(f.toString()).doesNotContain(new String(bytes, 20, 16, java.nio.charset.StandardCharsets.ISO_8859_1));
    });
  }

  @Test
  void anEmptyPkcs12StoreIsStillAKeyStoreButAnEmptyJksStoreIsNot() throws Exception {
    // PKCS#12 hides its bags behind encryption; a JKS store's entry list is readable and here it has no entries.
    KeyStore p12 = KeyStore.getInstance("PKCS12");
    p12.load(null, null);
    assertThat(scan("a.p12", store(p12)).findings()).extracting(Finding::ruleId).containsExactly(KeyStoreFiles.ID);
    KeyStore jks = KeyStore.getInstance("JKS");
    jks.load(null, null);
    RecordingContext ctx = scan("empty.jks", store(jks));
    assertThat(ctx.findings()).isEmpty();
    assertThat(ctx.skippedFiles()).extracting(s -> s.path()).containsExactly("empty.jks");
  }

  @Test
  void hostileStoresNeitherFailNorLoop() throws Exception {
    Random r = new Random(5);
    byte[] noise = new byte[4096];
    r.nextBytes(noise);
    noise[0] = 0x01; // not a DER SEQUENCE, not a JKS magic
    RecordingContext ctx = scan("random.p12", noise);
    assertThat(ctx.findings()).isEmpty();
    assertThat(ctx.errors()).isEmpty();
    // A JKS header claiming 2^32-1 entries, then nothing: the walk stops at the end and counts it as a key store.
    byte[] claims = {(byte) 0xFE, (byte) 0xED, (byte) 0xFE, (byte) 0xED, 0, 0, 0, 2, -1, -1, -1, -1};
    assertThat(scan("huge.jks", claims).findings()).extracting(Finding::ruleId).containsExactly(KeyStoreFiles.ID);
    // Trusted-certificate entries whose lengths point past the end.
    byte[] truncated = Arrays.copyOf(new byte[] {(byte) 0xFE, (byte) 0xED, (byte) 0xFE, (byte) 0xED, 0, 0, 0, 2, 0, 0, 0, 1,
        0, 0, 0, 2, 0x7f, -1}, 18);
    assertThat(scan("cut.jks", truncated).findings()).extracting(Finding::ruleId).containsExactly(KeyStoreFiles.ID);
    assertThat(scan("tiny.pfx", new byte[] {0x30}).findings()).isEmpty();
  }

  @Test
  void aTextFileUnderAKeyStoreNameIsScannedAsText() throws Exception {
    String text = "# not a binary store\nstore_password = \"Xq7!Lm2vR9#kT4\"\n";
    assertThat(scan("signing.keystore", text.getBytes(java.nio.charset.StandardCharsets.UTF_8)).findings())
        .extracting(Finding::ruleId).containsExactly("secrets/generic/password");
  }

  @Test
  void onlyKeyStoreNamesAreOfferedAsBinary() {
    SecretsScanner s = new SecretsScanner();
    assertThat(s.wantsBinary("app/release.P12")).isTrue();
    assertThat(s.wantsBinary("android/app/upload.keystore")).isTrue();
    assertThat(s.wantsBinary("logo.png")).isFalse();
  }
}
