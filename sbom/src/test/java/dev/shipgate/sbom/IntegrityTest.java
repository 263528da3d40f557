package dev.shipgate.sbom;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipgate.scanner.deps.Ecosystem;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class IntegrityTest {

  private static final String HEX64 = "a".repeat(64);
  private static final String HEX128 = "0123456789abcdef".repeat(8);

  private static String b64(String hex) {
    return Base64.getEncoder().encodeToString(HexFormat.of().parseHex(hex));
  }

  @Test
  void subresourceIntegrityBecomesHex() {
    assertThat(Integrity.parse(Ecosystem.NPM, "sha512-" + b64(HEX128)))
        .containsExactly(new Digest("SHA-512", HEX128));
  }

  @Test
  void everyTokenOfAMultiHashIntegrityCounts() {
    String sha1 = "b447f6670a0455bbfeedd11392eff330ea097548";
    assertThat(Integrity.parse(Ecosystem.NPM, "sha512-" + b64(HEX128) + " sha1-" + b64(sha1)))
        .containsExactly(new Digest("SHA-512", HEX128), new Digest("SHA-1", sha1));
  }

  @Test
  void prefixedHexFormsOfPythonGradleAndYarn() {
    assertThat(Integrity.parse(Ecosystem.PYPI, "sha256:" + HEX64 + " (+2)")).containsExactly(new Digest("SHA-256", HEX64));
    assertThat(Integrity.parse(Ecosystem.PYPI, "sha256:" + HEX64 + " sha256:" + "b".repeat(64)))
        .containsExactly(new Digest("SHA-256", HEX64), new Digest("SHA-256", "b".repeat(64)));
    assertThat(Integrity.parse(Ecosystem.NPM, "sha1-hex:" + "C".repeat(40))).containsExactly(new Digest("SHA-1", "c".repeat(40)));
  }

  @Test
  void bareHexOnlyWhereTheFormatDefinesIt() {
    assertThat(Integrity.parse(Ecosystem.CRATES_IO, HEX64)).containsExactly(new Digest("SHA-256", HEX64));
    assertThat(Integrity.parse(Ecosystem.PACKAGIST, "d".repeat(40))).containsExactly(new Digest("SHA-1", "d".repeat(40)));
    // yarn Berry's checksum hashes yarn's own archive, not the registry tarball.
    assertThat(Integrity.parse(Ecosystem.NPM, HEX128)).isEmpty();
    assertThat(Integrity.parse(Ecosystem.NPM, "10c0/" + HEX128)).isEmpty();
  }

  @Test
  void nugetContentHashIsBase64Sha512() {
    assertThat(Integrity.parse(Ecosystem.NUGET, b64(HEX128))).containsExactly(new Digest("SHA-512", HEX128));
  }

  @Test
  void hashesThatNameNoArtifactOrHaveTheWrongLengthAreDropped() {
    assertThat(Integrity.parse(Ecosystem.GO, "h1:" + b64(HEX64))).isEmpty();
    assertThat(Integrity.parse(Ecosystem.NPM, "bundled:sha512-" + b64(HEX128))).isEmpty();
    assertThat(Integrity.parse(Ecosystem.NPM, "sha512-parent")).isEmpty();
    assertThat(Integrity.parse(Ecosystem.NUGET, "abc==")).isEmpty();
    assertThat(Integrity.parse(Ecosystem.PYPI, "sha256:" + "a".repeat(63))).isEmpty();
    assertThat(Integrity.parse(Ecosystem.PYPI, "")).isEmpty();
  }
}
