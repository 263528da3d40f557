package dev.shipgate.scanner.deps.license;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CompatibilityTest {

  @ParameterizedTest(name = "{0} file in a {1} project: {2}")
  @CsvSource({
      "GPL-3.0-only, Apache-2.0, false",
      "GPL-2.0+, MIT, false",
      "AGPL-3.0-or-later, MIT, false",
      "LGPL-2.1-only, Apache-2.0, false",
      "GPL-3.0-only, LicenseRef-Proprietary, false",
      "Apache-2.0, GPL-2.0-only, false",
      "GPL-3.0-only, GPL-2.0-only, false",
      "GPL-2.0-only, GPL-3.0-or-later, false",
      "EPL-2.0, GPL-3.0-only, false",
      "LGPL-3.0-only, GPL-2.0-only, false",
      "MIT, Apache-2.0, true",
      "Apache-2.0, GPL-3.0-only, true",
      "Apache-2.0, GPL-2.0-or-later, true",
      "MPL-2.0, Apache-2.0, true",
      "MPL-2.0, GPL-2.0-only, true",
      "GPL-2.0-only, GPL-2.0-or-later, true",
      "AGPL-3.0-only, GPL-3.0-only, true",
      "LGPL-2.1-or-later, GPL-2.0-only, true",
      "CC-BY-4.0, MIT, true",
      "Made-Up-1.0, MIT, true"})
  void table(String file, String project, boolean compatible) throws Exception {
    assertThat(Compatibility.compatible(SpdxExpression.parse(file), SpdxExpression.parse(project))).isEqualTo(compatible);
  }

  @org.junit.jupiter.api.Test
  void licenceNamesAndUrlsMapOnlyWhenTheVersionIsKnown() {
    assertThat(LicenseNames.spdx("The Apache License, Version 2.0", null)).contains("Apache-2.0");
    assertThat(LicenseNames.spdx("Eclipse Public License v2.0", null)).contains("EPL-2.0");
    assertThat(LicenseNames.spdx("whatever", "https://www.apache.org/licenses/LICENSE-2.0.txt")).contains("Apache-2.0");
    assertThat(LicenseNames.spdx("MIT OR Apache-2.0", null)).contains("MIT OR Apache-2.0");
    assertThat(LicenseNames.spdx("Apache Software License", null)).isEmpty();
    assertThat(LicenseNames.spdx("GNU General Public License", "")).isEmpty();
  }

  @org.junit.jupiter.api.Test
  void licenceFileTexts() {
    assertThat(ProjectLicense.fromText("                                 Apache License\n                           Version 2.0, January 2004\n"))
        .contains("Apache-2.0");
    assertThat(ProjectLicense.fromText("MIT License\n\nCopyright (c) 2026 Acme\n\nPermission is hereby granted, free of charge, to any person"))
        .contains("MIT");
    assertThat(ProjectLicense.fromText("GNU GENERAL PUBLIC LICENSE\nVersion 2, June 1991\n")).contains("GPL-2.0-only");
    assertThat(ProjectLicense.fromText("All rights reserved.")).isEmpty();
  }

  @org.junit.jupiter.api.Test
  void headersAreTheFirstThingOnACommentLineNearTheTop() {
    assertThat(SourceHeaders.find("/*\n * SPDX-License-Identifier: GPL-2.0-only */\n")).get()
        .isEqualTo(new SourceHeaders.Header(2, "GPL-2.0-only"));
    assertThat(SourceHeaders.find("# SPDX-License-Identifier: MIT OR Apache-2.0\n")).get()
        .extracting(SourceHeaders.Header::expression).isEqualTo("MIT OR Apache-2.0");
    assertThat(SourceHeaders.find("<!-- SPDX-License-Identifier: MIT -->")).get()
        .extracting(SourceHeaders.Header::expression).isEqualTo("MIT");
    assertThat(SourceHeaders.find("String tag = \"SPDX-License-Identifier: GPL-3.0\";\n")).isEmpty();
    assertThat(SourceHeaders.find("\n".repeat(40) + "// SPDX-License-Identifier: GPL-3.0-only\n")).isEmpty();
  }
}
