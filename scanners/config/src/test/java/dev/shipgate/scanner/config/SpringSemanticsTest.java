package dev.shipgate.scanner.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SpringSemanticsTest {

  @Test
  void relaxedNamesFoldKebabCamelSnakeAndUpperCase() {
    String canonical = RelaxedNames.uniform("server.error.include-stacktrace");
    assertThat(List.of("server.error.includeStacktrace", "server.error.include_stacktrace",
        "SERVER.ERROR.INCLUDE-STACKTRACE", "server.error.includestacktrace"))
        .allSatisfy(n -> assertThat(RelaxedNames.uniform(n)).isEqualTo(canonical));
    assertThat(RelaxedNames.uniform("server.error-include.stacktrace")).isNotEqualTo(canonical);
  }

  @Test
  void bracketedElementsKeepTheirCaseAndDotsAndIndexesAreDroppedForTheBaseName() {
    assertThat(RelaxedNames.uniform("logging.level[org.Hibernate.SQL]")).isEqualTo("logging.level[org.Hibernate.SQL]");
    assertThat(RelaxedNames.base(RelaxedNames.uniform("a.B-c[3][0]"))).isEqualTo("a.bc");
    assertThat(RelaxedNames.base(RelaxedNames.uniform("a.b[]"))).isEqualTo("a.b");
    assertThat(RelaxedNames.base("a.map[key]")).isEqualTo("a.map[key]");
  }

  @Test
  void enumsBindLeniently() {
    assertThat(Values.isEnum("ON_PARAM", "on-param")).isTrue();
    assertThat(Values.isEnum("onParam", "on-param")).isTrue();
    assertThat(Values.isEnum("never", "on-param")).isFalse();
  }

  @Test
  void booleansFollowSpringsConverter() {
    assertThat(List.of("true", "ON", "yes", "1", " True ")).allMatch(Values::isTrue);
    assertThat(List.of("false", "OFF", "no", "0")).allMatch(Values::isFalse);
    assertThat(Values.isTrue("enabled")).isFalse();
    assertThat(Values.isFalse("")).isFalse();
  }

  @Test
  void placeholdersWithoutDefaultAreUndecidedAndDefaultsAreTheValue() {
    assertThat(Placeholder.resolve("${DEBUG}").decided()).isFalse();
    assertThat(Placeholder.resolve("${DEBUG:true}")).isEqualTo(new Placeholder(true, "true"));
    assertThat(Placeholder.resolve("${A:${B:always}}").value()).isEqualTo("always");
    assertThat(Placeholder.resolve("${A:${B}}").decided()).isFalse();
    assertThat(Placeholder.resolve("${A:}").value()).isEmpty();
    assertThat(Placeholder.resolve("jdbc:x://${HOST}/db")).isEqualTo(new Placeholder(false, "jdbc:x://${HOST}/db"));
    assertThat(Placeholder.resolve("${A}-${B}").fromEnvironment()).isFalse();
  }

  @Test
  void profileNamesAreJudgedByWholeWords() {
    assertThat(Profile.ofNames(List.of("dev")).kind()).isEqualTo(Profile.Kind.DEVELOPMENT);
    assertThat(Profile.ofNames(List.of("dev | local")).kind()).isEqualTo(Profile.Kind.DEVELOPMENT);
    assertThat(Profile.ofNames(List.of("dev-eu")).kind()).isEqualTo(Profile.Kind.DEVELOPMENT);
    assertThat(Profile.ofNames(List.of("devops")).kind()).isEqualTo(Profile.Kind.GENERAL);
    assertThat(Profile.ofNames(List.of("preprod")).kind()).isEqualTo(Profile.Kind.GENERAL);
    assertThat(Profile.ofNames(List.of("!prod")).kind()).isEqualTo(Profile.Kind.GENERAL);
    assertThat(Profile.ofNames(List.of("dev & !cloud")).kind()).isEqualTo(Profile.Kind.GENERAL);
    assertThat(Profile.ofNames(List.of("prod & eu")).kind()).isEqualTo(Profile.Kind.PRODUCTION);
    assertThat(Profile.ofNames(List.of("test", "staging")).kind()).isEqualTo(Profile.Kind.GENERAL);
  }

  @Test
  void fileNamesAndTestResourcesSetTheProfile() {
    assertThat(Profile.ofFile("src/main/resources/application-dev.yml").kind()).isEqualTo(Profile.Kind.DEVELOPMENT);
    assertThat(Profile.ofFile("svc/src/test/resources/application.yml").kind()).isEqualTo(Profile.Kind.DEVELOPMENT);
    assertThat(Profile.ofFile("config/application-production.properties").kind()).isEqualTo(Profile.Kind.PRODUCTION);
    assertThat(Profile.ofFile("application.yml").kind()).isEqualTo(Profile.Kind.GENERAL);
    assertThat(Profile.ofFile("bootstrap-staging.yml").kind()).isEqualTo(Profile.Kind.GENERAL);
    assertThat(Profile.ofFile("app/src/integrationTest/resources/application.yml").kind()).isEqualTo(Profile.Kind.DEVELOPMENT);
    assertThat(Profile.ofFile("src/testFixtures/resources/application.yml").kind()).isEqualTo(Profile.Kind.DEVELOPMENT);
    assertThat(Profile.ofFile("src/main/resources/test/application.yml").kind()).isEqualTo(Profile.Kind.GENERAL);
    assertThat(Profile.ofFile("latest/src/main/resources/application.yml").kind()).isEqualTo(Profile.Kind.GENERAL);
  }
}
