package dev.shipgate.scanner.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class YamlConfigParserTest {

  private static List<ConfigEntry> entries(String yaml) throws Exception {
    return YamlConfigParser.parse(yaml).entries();
  }

  @Test
  void nestedKeysFlattenToSpringsDottedNamesWithTheLineOfTheKey() throws Exception {
    assertThat(entries("management:\n  endpoints:\n    web:\n      exposure:\n        include: health\n"))
        .containsExactly(new ConfigEntry("management.endpoints.web.exposure.include", "health", 5));
  }

  @Test
  void listItemsBecomeIndexedKeysOnTheirOwnLines() throws Exception {
    assertThat(entries("a:\n  include:\n    - health\n    - env\n  flow: [x, \"*\"]\n")).containsExactly(
        new ConfigEntry("a.include[0]", "health", 3), new ConfigEntry("a.include[1]", "env", 4),
        new ConfigEntry("a.flow[0]", "x", 5), new ConfigEntry("a.flow[1]", "*", 5));
  }

  @Test
  void bracketedKeysAttachWithoutADot() throws Exception {
    assertThat(entries("logging:\n  level:\n    \"[org.hibernate.SQL]\": debug\n"))
        .containsExactly(new ConfigEntry("logging.level[org.hibernate.SQL]", "debug", 3));
  }

  @Test
  void plainYaml11BooleansAndNullsReadAsSpringReadsThem() throws Exception {
    assertThat(entries("a: yes\nb: Off\nc: \"no\"\nd:\ne: ~\n")).extracting(ConfigEntry::value)
        .containsExactly("true", "false", "no", "", "");
  }

  @Test
  void mergeKeysCopyTheAnchoredMappingAndOwnKeysWin() throws Exception {
    List<ConfigEntry> e = entries("base: &b\n  secure: false\n  name: S\ncookie:\n  <<: *b\n  secure: true\n");
    assertThat(e).filteredOn(x -> x.key().startsWith("cookie.")).extracting(ConfigEntry::key, ConfigEntry::value)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("cookie.secure", "false"),
            org.assertj.core.groups.Tuple.tuple("cookie.name", "S"),
            org.assertj.core.groups.Tuple.tuple("cookie.secure", "true"));
  }

  @Test
  void documentsKeepTheirActivationProfiles() throws Exception {
    ParsedConfig p = YamlConfigParser.parse("a: 1\n---\nspring:\n  config:\n    activate:\n      on-profile: dev\nb: 2\n---\nspring.profiles: [prod, eu]\n");
    assertThat(p.documents()).extracting(ConfigDocument::activation)
        .containsExactly(List.of(), List.of("dev"), List.of("prod", "eu"));
  }
}
