package dev.shipgate.scanner.java.rules;

import dev.shipgate.core.model.Confidence;
import dev.shipgate.core.model.Finding;
import dev.shipgate.core.model.Rule;
import dev.shipgate.core.model.Severity;
import dev.shipgate.scanner.java.taint.JavaCheck;
import dev.shipgate.scanner.java.taint.ParameterSink;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * MyBatis {@code ${...}} substitutions ({@link MyBatisMappers}). Where the substituted parameter of the mapper
 * method is a String or object, the statement becomes a SQL sink for that parameter ({@link #sinks}): callers
 * passing request data are {@code java/injection/sql} findings at the substitution. Substitutions that no such
 * flow reaches are reported by this rule at medium confidence, because the values they paste are not seen to be
 * constant; numbers, booleans, enums and {@code <include>} properties are not reported.
 */
public final class MyBatisSubstitutionCheck implements JavaCheck {

  static final String SQL_RULE = "java/injection/sql";

  static final Rule RULE = Rule.builder("java/injection/mybatis-substitution", "java")
      .title("MyBatis ${} substitution in SQL")
      .severity(Severity.MEDIUM)
      .confidence(Confidence.MEDIUM)
      .cwe("CWE-89")
      .tags("owasp-top10:A03:2021", "asvs:4.0.3-5.3.4")
      .description("A MyBatis statement pastes a String or object parameter into its SQL text with ${...} instead of"
          + " binding it with #{...}; whoever controls that value controls the statement. No caller was seen passing"
          + " request data, but nothing shows the value is constant either.")
      .fix("Bind values with #{name}. For identifiers (sort column, direction, table) map the input to a fixed"
          + " allow-list in Java and pass only the chosen constant, or use an enum parameter.")
      .build();

  @Override
  public List<Rule> rules() {
    return List.of(RULE);
  }

  /**
   * The parameter sinks of substitutions that name a non-scalar parameter of a body-less mapper method, and of
   * mapper parameters that SQL providers paste into their text.
   */
  public static List<ParameterSink> sinks(MyBatisMappers.Result found) {
    List<ParameterSink> out = new ArrayList<>();
    for (MyBatisMappers.Substitution s : found.substitutions()) {
      if (!s.safe() && s.param() >= 0 && !s.method().hasBody()) {
        out.add(new ParameterSink(s.method(), s.param(), SQL_RULE, s.at(), "MyBatis `${" + s.expression().strip() + "}`"));
      }
    }
    out.addAll(found.providerSinks());
    return out;
  }

  /** Findings for substitutions where no {@code java/injection/sql} flow was reported (flows take precedence). */
  public static List<Finding> unreached(MyBatisMappers.Result found, List<Finding> flows) {
    Set<String> reported = new HashSet<>();
    for (Finding f : flows) {
      if (f.ruleId().equals(SQL_RULE)) {
        reported.add(f.location().path() + ":" + f.location().startLine());
      }
    }
    List<Finding> out = new ArrayList<>();
    for (MyBatisMappers.Substitution s : found.substitutions()) {
      String key = s.at().path() + ":" + s.at().startLine();
      if (!s.safe() && reported.add(key)) {
        String where = s.method() == null ? "" : " of `" + s.method().owner().simpleName() + "." + s.method().name() + "`";
        out.add(Finding.builder(RULE).at(s.at())
            .message("`${" + s.expression().strip() + "}`" + where + " pastes its value into the SQL text instead of binding it")
            .build());
      }
    }
    return out;
  }
}
