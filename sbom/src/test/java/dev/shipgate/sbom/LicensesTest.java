package dev.shipgate.sbom;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LicensesTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "MIT | ID",
      "Apache-2.0 | ID",
      "Apache-2.0+ | EXPRESSION",
      "MIT OR GPL-3.0-only | EXPRESSION",
      "(MIT OR Apache-2.0) AND BSD-3-Clause | EXPRESSION",
      "((MIT)) | EXPRESSION",
      "GPL-2.0-only WITH Classpath-exception-2.0 | EXPRESSION",
      "mit or Apache-2.0 | TEXT",
      "MIT or Apache-2.0 | EXPRESSION",
      "LicenseRef-Company-Internal | EXPRESSION",
      "DocumentRef-spdx-tool-1.2:LicenseRef-MIT-Style-2 | EXPRESSION",
      "Apache 2 | TEXT",
      "SEE LICENSE IN LICENSE.md | TEXT",
      "MIT OR | TEXT",
      "(MIT | TEXT",
      "MIT) | TEXT",
      "MIT WITH MIT-Whatever | TEXT",
      "Made-Up-1.0 | TEXT",
      "MIT, Apache-2.0 | TEXT",
  })
  void classifiesAgainstTheSpdxList(String text, Licenses.Kind kind) {
    assertThat(Licenses.classify(text)).isEqualTo(kind);
  }
}
