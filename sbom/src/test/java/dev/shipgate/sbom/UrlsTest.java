package dev.shipgate.sbom;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UrlsTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "https://registry.npmjs.org/a/-/a-1.0.0.tgz | https://registry.npmjs.org/a/-/a-1.0.0.tgz",
      // shipgate:ignore secrets/url/basic-auth -- a made-up credential: the test proves it is stripped
      "https://user:s3cret@npm.example.com/a/-/a-1.0.0.tgz | https://npm.example.com/a/-/a-1.0.0.tgz",
      "https://ghp_token123@github.com/o/r.git | https://github.com/o/r.git",
      "https://user:p@ss@host.example/x.tgz | https://host.example/x.tgz",
      "https://host.example/x.tgz?token=abc&v=1 | https://host.example/x.tgz",
      "https://host.example/x.tgz?sig=abc#sha1=deadbeef | https://host.example/x.tgz#sha1=deadbeef",
      "git+https://deploy:tok@github.com/o/r.git#2fca615 | git+https://github.com/o/r.git#2fca615",
      "git+ssh://git@github.com/o/r.git#v1.0 | git+ssh://github.com/o/r.git#v1.0",
      "https://host.example/a#frag?notaquery | https://host.example/a#frag?notaquery",
      "HTTPS://user:pw@Host.Example | HTTPS://Host.Example",
  })
  void publishedWithoutCredentials(String resolved, String expected) {
    assertThat(Urls.publishable(resolved)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "../local/pkg",
      "file:../local/pkg",
      "file:///home/me/pkg.tgz",
      "git@github.com:o/r.git",
      "link:packages/a",
      "https://user:pw@/nohost",
      "https://host.example/a b",
      "''",
  })
  void notPublishedWhenNotANetworkLocation(String resolved) {
    assertThat(Urls.publishable(resolved)).isEmpty();
  }
}
