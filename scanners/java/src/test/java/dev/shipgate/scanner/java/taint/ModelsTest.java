package dev.shipgate.scanner.java.taint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ModelsTest {

  private static final String RULE = """
      rules:
        - id: java/injection/sql
          title: SQL injection
          severity: critical
          confidence: high
          cwe: [CWE-89]
          tags: [owasp-top10:A03:2021]
          sink: a SQL query
          description: d
          fix: f
      """;

  private static Models parse(String... nameAndText) {
    Map<String, String> files = new LinkedHashMap<>();
    for (int i = 0; i < nameAndText.length; i += 2) {
      files.put(nameAndText[i], nameAndText[i + 1]);
    }
    return Models.parse(files);
  }

  @Test
  void shippedModelsLoadWithEveryTaintRuleAndSinksThatNameThem() {
    Models m = Models.loadDefault();
    assertThat(m.rules()).extracting(r -> r.id()).contains("java/injection/sql", "java/injection/command",
        "java/injection/ldap", "java/injection/xpath", "java/file/path-traversal", "java/web/xss", "java/web/ssrf");
    assertThat(m.sinks("executeQuery")).extracting(Models.SinkModel::rule).contains("java/injection/sql");
    assertThat(m.sources("getParameter")).isNotEmpty();
    assertThat(m.supertypes("java.sql.PreparedStatement")).contains("java.sql.Statement");
    assertThat(m.returnType("java.sql.Connection", "createStatement")).isEqualTo("java.sql.Statement");
    assertThat(m.ruleBit("java/web/xss")).isNotZero().isNotEqualTo(m.ruleBit("java/injection/sql"));
  }

  @Test
  void serviceSourcesAndModelAttributesAreReadAndValidated() {
    Models m = parse("r.yml", RULE, "llm.yml", """
        serviceSources:
          - types: [dev.langchain4j.service.AiServices]
            methods: [create]
            annotations: [dev.langchain4j.service.spring.AiService]
            label: LLM response
        modelAttributes:
          - {types: [org.springframework.ui.Model], methods: [addAttribute]}
        """);
    assertThat(m.serviceSources()).singleElement().satisfies(ss -> {
      assertThat(ss.factories().methods()).containsExactly("create");
      assertThat(ss.annotations()).containsExactly("dev.langchain4j.service.spring.AiService");
    });
    assertThat(m.modelAttributes()).extracting(Models.MethodPattern::methods).containsExactly(java.util.Set.of("addAttribute"));
    assertThatThrownBy(() -> parse("r.yml", RULE, "llm.yml", """
        serviceSources:
          - types: [AiServices]
            methods: [create]
            annotations: []
            label: LLM response
        """)).isInstanceOf(ModelException.class).hasMessageContaining("llm.yml").hasMessageContaining("fully qualified");
    assertThatThrownBy(() -> parse("r.yml", RULE, "t.yml", """
        modelAttributes:
          - {types: [org.springframework.ui.Model], methods: [addAttribute], args: [1]}
        """)).isInstanceOf(ModelException.class).hasMessageContaining("t.yml").hasMessageContaining("unknown key 'args'");
  }

  @Test
  void unknownKeyIsAnErrorNamingFileAndEntry() {
    assertThatThrownBy(() -> parse("r.yml", RULE, "s.yml", """
        sinks:
          - types: [java.sql.Statement]
            methods: [execute]
            args: [0]
            rule: java/injection/sql
            severity: high
        """)).isInstanceOf(ModelException.class)
        .hasMessageContaining("s.yml")
        .hasMessageContaining("sink [java.sql.Statement] [execute]")
        .hasMessageContaining("unknown key 'severity'");
  }

  @Test
  void sinkNamingAnUndefinedRuleIsAnError() {
    assertThatThrownBy(() -> parse("s.yml", """
        sinks:
          - {types: [java.sql.Statement], methods: [execute], args: [0], rule: java/injection/nosql}
        """)).isInstanceOf(ModelException.class).hasMessageContaining("java/injection/nosql");
  }

  @Test
  void argumentSlotsMustBeReturnReceiverArgsOrAnIndex() {
    assertThatThrownBy(() -> parse("r.yml", RULE, "p.yml", """
        propagators:
          - {types: [java.lang.String], methods: [trim], from: [this], to: [return]}
        """)).isInstanceOf(ModelException.class).hasMessageContaining("'this' is not return, receiver, args");
  }

  @Test
  void typesMustBeFullyQualified() {
    assertThatThrownBy(() -> parse("r.yml", RULE, "s.yml", """
        sinks:
          - {types: [Statement], methods: [execute], args: [0], rule: java/injection/sql}
        """)).isInstanceOf(ModelException.class).hasMessageContaining("must be fully qualified");
  }

  @Test
  void malformedYamlIsReportedWithTheFileName() {
    assertThatThrownBy(() -> parse("bad.yml", "sinks: [ {")).isInstanceOf(ModelException.class)
        .hasMessageStartingWith("bad.yml: not valid YAML");
  }

  @Test
  void ruleWithoutFixGuidanceIsRejected() {
    assertThatThrownBy(() -> parse("r.yml", RULE.replace("    fix: f\n", ""))).isInstanceOf(ModelException.class)
        .hasMessageContaining("'fix' is required");
  }

  @Test
  void sanitizerForAllRulesRemovesRequestTaintKeepsRandomnessAndCleansParametersForEveryRule() {
    Models m = parse("r.yml", RULE, "s.yml", """
        sanitizers:
          - {types: [java.lang.Integer], methods: [parseInt], rules: all}
        """);
    assertThat(m.sanitizers("parseInt")).singleElement().satisfies(s -> assertThat(s.rules()).isEmpty());
    Value v = Value.of(java.util.List.of(
        new Fact(Fact.SOURCE, "remote", 0, Step.start(dev.shipgate.core.model.Location.line("a", 1), "src")),
        new Fact(Fact.SOURCE, "random", 0, Step.start(dev.shipgate.core.model.Location.line("a", 2), "rnd")),
        new Fact(0, "param", 0, Step.start(dev.shipgate.core.model.Location.line("a", 3), "parameter"))));
    assertThat(v.toNumber().deepFacts()).extracting(Fact::sourceKind).containsExactly("random", "param");
    assertThat(v.toNumber().deepFacts().get(1).sanitized()).isEqualTo(-1L);
  }

  @Test
  void theRuleFileAloneGivesTheSameRulesAsEveryModel() {
    // The scanner lists rules from rules.yml at start-up and parses the other models on first use.
    assertThat(Models.shippedRules()).isNotEmpty().containsExactlyElementsOf(Models.loadDefault().rules());
  }
}
