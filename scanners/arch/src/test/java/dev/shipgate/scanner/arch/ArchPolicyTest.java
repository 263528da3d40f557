package dev.shipgate.scanner.arch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shipgate.core.policy.PolicyException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Malformed scanners.arch entries fail with the file, line and column of the offending value. */
class ArchPolicyTest {

  private static ArchPolicy parse(String archYaml) throws PolicyException {
    return ArchPolicy.parse(Fixtures.archSettings("version: 1\nscanners:\n  arch:\n" + archYaml));
  }

  static Stream<Arguments> malformed() {
    return Stream.of(
        Arguments.of("bad java pattern", "    forbidden:\n      - id: a\n        java: [java.net.Http-Conn]\n        message: m\n", "shipgate.yml:6:16:", "not a Java name pattern"),
        Arguments.of("member on new", "    forbidden:\n      - id: a\n        java: [\"new a.B#c\"]\n        message: m\n", "shipgate.yml:6:16:", "cannot have a #member"),
        Arguments.of("missing message", "    forbidden:\n      - id: a\n        java: [a.B]\n", "shipgate.yml:5:9:", "needs a 'message'"),
        Arguments.of("missing id", "    forbidden:\n      - java: [a.B]\n        message: m\n", "shipgate.yml:5:9:", "needs an 'id'"),
        Arguments.of("duplicate id", "    forbidden:\n      - {id: a, java: [a.B], message: m}\n      - {id: a, java: [c.D], message: m}\n", "shipgate.yml:6:14:", "duplicate id 'a'"),
        Arguments.of("unknown entry key", "    forbidden:\n      - {id: a, java: [a.B], message: m, allowd_in: [x]}\n", "shipgate.yml:5:42:", "unknown key 'allowd_in'"),
        Arguments.of("nothing forbidden", "    forbidden:\n      - {id: a, message: m}\n", "shipgate.yml:5:14:", "needs 'java' patterns and/or 'modules'"),
        Arguments.of("bad severity", "    forbidden:\n      - {id: a, java: [a.B], message: m, severity: urgent}\n", "shipgate.yml:5:52:", "not a severity"),
        Arguments.of("bad allowed glob", "    forbidden:\n      - {id: a, java: [a.B], message: m, allowed_in: [\"src/**x/\"]}\n", "shipgate.yml:5:55:", "bad allowed_in entry"),
        Arguments.of("bad module", "    forbidden:\n      - {id: a, modules: [\"re quests\"], message: m}\n", "shipgate.yml:5:27:", "not a Python or JavaScript module"),
        Arguments.of("forbidden not a list", "    forbidden: {id: a}\n", "shipgate.yml:4:16:", "must be a list of entries"),
        Arguments.of("unknown layer", "    layers: {web: [a.web.**]}\n    layer_rules:\n      - {id: r, from: web, deny: [repo], message: m}\n", "shipgate.yml:6:35:", "'repo' is not a layer"),
        Arguments.of("layer from unknown", "    layers: {web: [a.web.**]}\n    layer_rules:\n      - {id: r, from: api, deny: [web], message: m}\n", "shipgate.yml:6:23:", "'api' is not a layer"),
        Arguments.of("bad layer package", "    layers: {web: [a/web]}\n", "shipgate.yml:4:20:", "not a package pattern"),
        Arguments.of("bad coordinate", "    dependencies:\n      forbidden:\n        - {id: d, maven: [junit], message: m}\n", "shipgate.yml:6:27:", "not a Maven coordinate"),
        Arguments.of("require no inject", "    require:\n      - {id: q, annotated: a.B, message: m}\n", "shipgate.yml:5:14:", "needs 'annotated'"),
        Arguments.of("require wildcard", "    require:\n      - {id: q, annotated: a.*, inject: c.D, message: m}\n", "shipgate.yml:5:28:", "must name one annotation type"),
        Arguments.of("unknown arch key", "    forbiden: []\n", "shipgate.yml:4:5:", "unknown key"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformed")
  void malformedEntriesArePositioned(String name, String yaml, String position, String message) {
    assertThatThrownBy(() -> parse(yaml))
        .isInstanceOf(PolicyException.class)
        .hasMessageStartingWith(position)
        .hasMessageContaining(message);
  }

  @Test
  void completeSectionParses() throws PolicyException {
    ArchPolicy p = parse("""
            forbidden:
              - id: raw-http
                java: [java.net.HttpURLConnection, "org.apache.http.**", "java.sql.Statement#execute*", "new java.util.Random"]
                modules: [requests, "node:child_process", "@aws-sdk/client-s3"]
                allowed_in: [com.acme.http.**, "scripts/"]
                message: Use com.acme.http.Client
                severity: critical
            layers:
              web: [com.acme.web.**]
              repo: com.acme.repo.**
            layer_rules:
              - {id: web-repo, from: web, deny: [repo], message: Use services}
            require:
              - {id: audit, annotated: "@org.springframework.web.bind.annotation.RestController", inject: com.acme.audit.AuditLogger, message: Audit}
            dependencies:
              forbidden:
                - {id: no-axios, npm: [axios], maven: ["org.apache.httpcomponents:*"], message: Use fetch}
              required:
                - {id: audit-lib, maven: [com.acme:audit-logger], message: Ship audit}
        """.stripIndent().indent(4));
    assertThat(p.forbidden()).hasSize(1);
    ArchPolicy.Forbidden f = p.forbidden().get(0);
    assertThat(f.java()).extracting(JavaPattern::kind).containsExactly(JavaPattern.Kind.TYPE, JavaPattern.Kind.TYPE,
        JavaPattern.Kind.MEMBER, JavaPattern.Kind.CONSTRUCTOR);
    assertThat(f.modules()).containsExactly("requests", "child_process", "@aws-sdk/client-s3");
    assertThat(f.allowed().covers("com.acme.http.internal", "src/X.java")).isTrue();
    assertThat(f.allowed().covers("com.acme.web", "scripts/run.py")).isTrue();
    assertThat(f.allowed().covers("com.acme.httpx", "src/X.java")).isFalse();
    assertThat(p.layers().get("repo").contains("com.acme.repo.jpa")).isTrue();
    assertThat(p.requirements().get(0).annotated().simpleType()).isEqualTo("RestController");
    assertThat(p.dependencies()).extracting(ArchPolicy.Dependency::required).containsExactly(false, true);
    assertThat(p.dependencies().get(0).matchesMaven("org.apache.httpcomponents", "httpclient")).isTrue();
    assertThat(p.dependencies().get(0).matchesMaven("org.apache.httpcomponents.client5", "httpclient5")).isFalse();
  }

  @Test
  void javaPatternsMatchAsDocumented() {
    JavaPattern type = JavaPattern.parse("java.net.HttpURLConnection");
    assertThat(type.matchesType("java.net.HttpURLConnection")).isTrue();
    assertThat(type.matchesType("java.net.HttpURLConnection.Inner")).isTrue();
    assertThat(type.matchesType("java.net.HttpURLConnectionX")).isFalse();
    assertThat(type.coversPackage("java.net")).isFalse();
    JavaPattern deep = JavaPattern.parse("org.apache.http.**");
    assertThat(deep.matchesType("org.apache.http.client.HttpClient")).isTrue();
    assertThat(deep.coversPackage("org.apache.http.client")).isTrue();
    assertThat(deep.matchesType("org.apache.httpx.Client")).isFalse();
    JavaPattern shallow = JavaPattern.parse("org.apache.http.*");
    assertThat(shallow.matchesType("org.apache.http.HttpEntity")).isTrue();
    assertThat(shallow.matchesType("org.apache.http.client.HttpClient")).isFalse();
    JavaPattern member = JavaPattern.parse("java.sql.Statement#execute*");
    assertThat(member.matchesMember("executeQuery")).isTrue();
    assertThat(member.matchesMember("close")).isFalse();
    assertThat(member.simpleType()).isEqualTo("Statement");
  }
}
