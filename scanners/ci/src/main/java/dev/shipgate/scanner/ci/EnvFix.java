package dev.shipgate.scanner.ci;

import dev.shipgate.core.model.Fix;
import dev.shipgate.core.yaml.YamlFile;
import dev.shipgate.scanner.ci.Workflow.Step;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/**
 * The standard remedy for script injection: each untrusted expression moves into the step's {@code env:} and
 * the script reads the variable, so the shell sees data instead of code. Only offered where the edit is
 * certainly right: a bash/sh script written as a plain or block scalar, and a block-style {@code env:} or none.
 */
public final class EnvFix {

  /** Quoting is re-read from the script's start for each expression; past this many, no fix is offered. */
  static final int MAX_EXPRESSIONS = 64;

  private EnvFix() {}

  /** The fix for every untrusted expression of one step's {@code run:}, or empty when it cannot be made safely. */
  public static Optional<Fix> of(Step step, Node run, List<Expressions.Expr> untrusted) {
    CiFile file = step.job().workflow().file();
    YamlFile yaml = file.yaml();
    String shell = step.shell();
    boolean posix = shell.equals("bash") || shell.equals("sh") || shell.startsWith("bash ") || shell.startsWith("sh ");
    if (untrusted.size() > MAX_EXPRESSIONS || !(run instanceof ScalarNode scalar) || !posix) {
      return Optional.empty();
    }
    ScalarStyle style = scalar.getScalarStyle();
    String src = yaml.source(run);
    int contentStart = 0;
    if (style == ScalarStyle.LITERAL || style == ScalarStyle.FOLDED) {
      if (src.matches("(?s)^[|>][0-9-]*\\+.*")) {
        return Optional.empty();
      }
      contentStart = src.indexOf('\n') + 1;
    } else if (style != ScalarStyle.PLAIN) {
      return Optional.empty();
    }
    Optional<Node> env = step.get("env");
    if (env.isPresent() && !Edits.isBlockMapping(env.get())) {
      return Optional.empty();
    }
    Map<String, String> existing = new LinkedHashMap<>();
    env.ifPresent(e -> {
      for (NodeTuple t : ((org.snakeyaml.engine.v2.nodes.MappingNode) e).getValue()) {
        if (t.getKeyNode() instanceof ScalarNode k) {
          existing.put(k.getValue(), yaml.source(t.getValueNode()).strip());
        }
      }
    });
    int base = yaml.start(run);
    String script = src.substring(contentStart);
    Map<String, String> added = new LinkedHashMap<>();
    List<Fix.Edit> edits = new ArrayList<>();
    for (Expressions.Expr e : untrusted) {
      // An expression written over several lines would need a block scalar in env; left to a person.
      if (e.start() < contentStart || (style == ScalarStyle.PLAIN && e.start() == 0) || e.body().indexOf('\n') >= 0) {
        return Optional.empty();
      }
      String value = yamlValue("${{ " + e.body() + " }}");
      String name = nameFor(e, value, existing, added);
      String ref = switch (Shell.quoteAt(script, e.start() - contentStart)) {
        case NONE -> "\"$" + name + "\"";
        case DOUBLE, HEREDOC -> "${" + name + "}";
        case SINGLE -> "'\"$" + name + "\"'";
        case QUOTED_HEREDOC -> null;
      };
      if (ref == null) {
        return Optional.empty();
      }
      edits.add(new Fix.Edit(file.path(), base + e.start(), base + e.end(), ref));
    }
    if (!added.isEmpty()) {
      edits.add(envLines(file, step, run, env, added));
    }
    String names = String.join(", ", added.isEmpty() ? existing.keySet() : added.keySet());
    return Optional.of(new Fix("move the untrusted expressions into the step's env (" + names + ") and read them as shell variables", edits));
  }

  private static Fix.Edit envLines(CiFile file, Step step, Node run, Optional<Node> env, Map<String, String> added) {
    YamlFile yaml = file.yaml();
    String nl = file.newline();
    StringBuilder lines = new StringBuilder();
    if (env.isPresent()) {
      Node firstKey = ((org.snakeyaml.engine.v2.nodes.MappingNode) env.get()).getValue().get(0).getKeyNode();
      String indent = Edits.indent(firstKey);
      added.forEach((k, v) -> lines.append(indent).append(k).append(": ").append(v).append(nl));
      return Edits.insertLines(file, Edits.afterLastLine(yaml, env.get()), lines.toString());
    }
    Node runKey = step.key("run").orElseThrow();
    String indent = Edits.indent(runKey);
    lines.append(indent).append("env:").append(nl);
    added.forEach((k, v) -> lines.append(indent).append("  ").append(k).append(": ").append(v).append(nl));
    return Edits.insertLines(file, Edits.afterLastLine(yaml, run), lines.toString());
  }

  /** An UPPER_SNAKE name from the context read (never GITHUB_*, which the runner reserves), unique in the step. */
  private static String nameFor(Expressions.Expr e, String value, Map<String, String> existing, Map<String, String> added) {
    for (Map.Entry<String, String> x : added.entrySet()) {
      if (x.getValue().equals(value)) {
        return x.getKey();
      }
    }
    for (Map.Entry<String, String> x : existing.entrySet()) {
      if (x.getValue().equals(value)) {
        return x.getKey();
      }
    }
    String path = e.untrusted().orElse("value").replaceFirst("^github\\.event\\.", "").replaceFirst("^github\\.", "");
    String base = path.replace(".*", "").replaceAll("[^A-Za-z0-9]+", "_").replaceAll("^_+|_+$", "").toUpperCase(Locale.ROOT);
    if (base.isEmpty() || base.equals("EVENT") || base.startsWith("GITHUB")) {
      base = "EVENT_JSON";
    }
    if (Character.isDigit(base.charAt(0))) {
      base = "V_" + base;
    }
    String name = base;
    for (int i = 2; existing.containsKey(name) || added.containsKey(name); i++) {
      name = base + "_" + i;
    }
    added.put(name, value);
    return name;
  }

  /** A YAML scalar for the expression: plain when that reads back the same, else single-quoted. */
  private static String yamlValue(String expr) {
    boolean plainSafe = !expr.contains(": ") && !expr.contains(" #") && !expr.contains("'") && !expr.contains("\"") && !expr.contains("\\");
    return plainSafe ? expr : "'" + expr.replace("'", "''") + "'";
  }
}
