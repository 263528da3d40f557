package dev.shipgate.scanner.java;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

/** Flows the engine does not follow yet; each test states the expected behaviour once it does. */
class KnownMissesTest {

  @Test
  @Disabled("MISSING: field initializers of classes without an explicit constructor are not analysed")
  void fieldInitializerOfAClassWithoutConstructorsIsAnalysed() throws IOException {
    String code = """
        package p;
        class Tokens {
          private final String apiToken = Long.toHexString(new java.util.Random().nextLong());
        }
        """;
    assertThat(ScanSupport.findings(ScanSupport.file("p/Tokens.java", code)))
        .extracting(f -> f.location().startLine() + ":" + f.ruleId()).containsExactly("3:java/crypto/insecure-random");
  }
}
