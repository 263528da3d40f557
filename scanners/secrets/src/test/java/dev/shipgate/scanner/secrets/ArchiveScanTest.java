package dev.shipgate.scanner.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipgate.core.gate.Coverage;
import dev.shipgate.core.model.Finding;
import dev.shipgate.core.scan.SourceFile;
import dev.shipgate.testing.RecordingContext;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

class ArchiveScanTest {

  private final Samples samples = new Samples(7);
  private final SecretsScanner scanner = new SecretsScanner();

  private static byte[] zip(Map<String, byte[]> entries) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream z = new ZipOutputStream(out)) {
      for (Map.Entry<String, byte[]> e : entries.entrySet()) {
        z.putNextEntry(new ZipEntry(e.getKey()));
        z.write(e.getValue());
        z.closeEntry();
      }
    }
    return out.toByteArray();
  }

  private RecordingContext scan(String path, byte[] content) throws IOException {
    RecordingContext ctx = new RecordingContext();
    assertThat(scanner.accepts(path)).isTrue();
    scanner.scan(SourceFile.of(path, content), ctx);
    return ctx;
  }

  private String githubToken() {
    return samples.expand("ghp_[[b62:30]][[crc]]").text();
  }

  @Test
  void findsASecretInATextEntryOfAJarAndPointsInsideTheArchive() throws IOException {
    String token = githubToken();
    Map<String, byte[]> entries = new LinkedHashMap<>();
    entries.put("META-INF/MANIFEST.MF", "Manifest-Version: 1.0\n".getBytes(StandardCharsets.UTF_8));
    entries.put("com/acme/App.class", new byte[] {(byte) 0xca, (byte) 0xfe, (byte) 0xba, (byte) 0xbe, 0, 0, 0, 61});
    entries.put("BOOT-INF/classes/application.properties",
        ("server.port=8080\ngithub.token=" + token + "\n").getBytes(StandardCharsets.UTF_8));
    RecordingContext ctx = scan("libs/app.jar", zip(entries));
    assertThat(ctx.findings()).singleElement().satisfies(f -> {
      assertThat(f.ruleId()).isEqualTo("secrets/github/pat-classic");
      assertThat(f.location().path()).isEqualTo("libs/app.jar!/BOOT-INF/classes/application.properties");
      assertThat(f.location().startLine()).isEqualTo(2);
      assertThat(f.message() + f.snippet() + f.properties()).doesNotContain(token);
    });
    assertThat(ctx.skippedFiles()).extracting(Coverage.Skipped::reason).containsExactly("1 binary entry in the archive not scanned");
    assertThat(ctx.errors()).isEmpty();
  }

  @Test
  void nestedArchivesOversizedEntriesAndBombsAreSkippedWithTheirReasons() throws IOException {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    entries.put("lib/inner.jar", zip(Map.of("a.properties", ("token=" + githubToken()).getBytes(StandardCharsets.UTF_8))));
    byte[] zeros = new byte[11 * 1024 * 1024];
    Arrays.fill(zeros, (byte) ' ');
    entries.put("big.txt", zeros);
    RecordingContext ctx = scan("dist/app.war", zip(entries));
    assertThat(ctx.findings()).isEmpty();
    assertThat(ctx.skippedFiles()).extracting(s -> s.path() + ": " + s.reason()).containsExactly(
        "dist/app.war!/lib/inner.jar: nested archive (not opened)",
        "dist/app.war!/big.txt: archive expands beyond 100x its size (zip bomb?); the rest were not scanned");
  }

  @Test
  void anEntryAboveMaxFileSizeIsSkippedAndTheNextOneScanned() throws IOException {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    entries.put("dump.txt", samples.chars(Samples.charset("b64"), 10 * 1024 * 1024 + 1).getBytes(StandardCharsets.US_ASCII));
    entries.put("config/.env", ("GITHUB_TOKEN=" + githubToken() + "\n").getBytes(StandardCharsets.UTF_8));
    RecordingContext ctx = scan("backup.zip", zip(entries));
    assertThat(ctx.skippedFiles()).extracting(s -> s.path() + ": " + s.reason())
        .containsExactly("backup.zip!/dump.txt: larger than the secrets scanner's max-file-size (10485760 bytes) uncompressed");
    assertThat(ctx.findings()).extracting(f -> f.location().path()).containsExactly("backup.zip!/config/.env");
  }

  @Test
  void aDamagedArchiveIsAnErrorNamingItAndOtherBinaryFilesAreSkipped() throws IOException {
    byte[] ok = zip(Map.of("a.env", ("GITHUB_TOKEN=" + githubToken() + "\n").getBytes(StandardCharsets.UTF_8)));
    byte[] damaged = Arrays.copyOf(ok, ok.length / 2);
    Arrays.fill(damaged, 30, damaged.length, (byte) 0x55);
    RecordingContext ctx = scan("release.zip", damaged);
    assertThat(ctx.errors()).singleElement().satisfies(e -> {
      assertThat(e.path()).isEqualTo("release.zip");
      assertThat(e.message()).startsWith("cannot read archive: ");
    });
    // Only archive names are asked for when binary; the engine skips every other binary file and reports it.
    assertThat(new SecretsScanner().wantsBinary("lib/app.jar")).isTrue();
    assertThat(new SecretsScanner().wantsBinary("data/blob.dat")).isFalse();
    RecordingContext bin = scan("old.zip", new byte[] {1, 0, 2, 0});
    assertThat(bin.skippedFiles()).extracting(Coverage.Skipped::reason).containsExactly("binary content");
    assertThat(scan("notes.zip", "not a zip: token=ghp_".getBytes(StandardCharsets.UTF_8)).errors()).isEmpty();
  }
}
