package dev.shipgate.scanner.java.rules;

import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.VariableTree;
import dev.shipgate.core.model.Confidence;
import dev.shipgate.core.model.Rule;
import dev.shipgate.core.model.Severity;
import dev.shipgate.scanner.java.frontend.JavaProject;
import dev.shipgate.scanner.java.frontend.MethodInfo;
import dev.shipgate.scanner.java.frontend.TypeInfo;
import dev.shipgate.scanner.java.taint.JavaCheck;
import dev.shipgate.scanner.java.taint.Reporter;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A password, secret or API key accepted as a query parameter of a GET endpoint: a Spring
 * {@code @GetMapping} (or {@code @RequestMapping(method = GET)}) handler with such a {@code @RequestParam},
 * or a servlet's {@code doGet} reading such a parameter. One-time tokens in e-mailed links (reset,
 * verification) are the accepted exception and are not reported.
 */
public final class CredentialsInQueryCheck implements JavaCheck {

  static final Rule RULE = Rule.builder("java/web/credentials-in-query", "java")
      .title("Credential accepted in the URL query string")
      .severity(Severity.MEDIUM)
      .confidence(Confidence.HIGH)
      .cwe("CWE-598")
      .tags("owasp-top10:A04:2021", "asvs:4.0.3-13.1.3", "asvs:4.0.3-3.1.1")
      .description("A GET endpoint takes a password, secret or API key as a query parameter. URLs are kept in browser"
          + " history, proxy and server access logs, Referer headers and analytics, so the credential is copied to places"
          + " that are not protected like a credential store.")
      .fix("Accept credentials only in a POST body or an Authorization header, and reject them in the query string.")
      .build();

  /** Whole camel-case words naming a long-lived credential. */
  private static final Pattern CREDENTIAL = Pattern.compile(
      "(?:^|[_-])(password|passwd|pwd|passphrase|secret|secret_key|apikey|api_key|api-key|clientsecret|client_secret|privatekey)$");

  @Override
  public List<Rule> rules() {
    return List.of(RULE);
  }

  @Override
  public void checkType(TypeInfo type, JavaProject project, Reporter reporter) {
    boolean servlet = type.supertypes().stream().anyMatch(s -> s.endsWith("HttpServlet"));
    for (MethodInfo m : type.methods()) {
      MethodTree t = m.tree();
      if (t == null) {
        continue;
      }
      if (isGetHandler(t)) {
        for (VariableTree p : t.getParameters()) {
          String name = requestParamName(p);
          if (name != null && isCredential(name)) {
            reporter.report(RULE, p, "GET handler `" + m.name() + "` takes `" + name + "` from the query string", null);
          }
        }
      }
      if (servlet && m.name().equals("doGet") && m.body() != null) {
        for (MethodInvocationTree c : TypeCalls.of(m).calls()) {
          if (CallChain.name(c).equals("getParameter") && c.getArguments().size() == 1
              && c.getArguments().get(0) instanceof LiteralTree l && l.getValue() instanceof String n && isCredential(n)) {
            reporter.report(RULE, c, "doGet reads `" + n + "` from the query string", null);
          }
        }
      }
    }
  }

  static boolean isCredential(String name) {
    String n = name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    return CREDENTIAL.matcher(n).find() || CREDENTIAL.matcher(name.toLowerCase(Locale.ROOT)).find();
  }

  private static boolean isGetHandler(MethodTree t) {
    for (AnnotationTree a : t.getModifiers().getAnnotations()) {
      String n = a.getAnnotationType().toString();
      if (n.endsWith("GetMapping")) {
        return true;
      }
      if (n.endsWith("RequestMapping")) {
        return a.getArguments().stream().anyMatch(arg -> arg instanceof AssignmentTree as
            && as.getVariable().toString().equals("method") && as.getExpression().toString().endsWith("GET")
            && !as.getExpression().toString().contains(","));
      }
    }
    return false;
  }

  /** The request parameter a {@code @RequestParam} binds: its value/name attribute or the parameter's name. */
  private static String requestParamName(VariableTree p) {
    for (AnnotationTree a : p.getModifiers().getAnnotations()) {
      if (!a.getAnnotationType().toString().endsWith("RequestParam")) {
        continue;
      }
      for (ExpressionTree arg : a.getArguments()) {
        ExpressionTree value = arg instanceof AssignmentTree as
            ? (as.getVariable().toString().equals("value") || as.getVariable().toString().equals("name") ? as.getExpression() : null)
            : arg;
        if (value instanceof LiteralTree l && l.getValue() instanceof String s) {
          return s;
        }
      }
      return p.getName().toString();
    }
    return null;
  }
}
