package dev.shipgate.scanner.java.rules;

import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewArrayTree;
import com.sun.source.tree.Tree;
import dev.shipgate.core.model.Confidence;
import dev.shipgate.core.model.Rule;
import dev.shipgate.core.model.Severity;
import dev.shipgate.scanner.java.frontend.JavaProject;
import dev.shipgate.scanner.java.frontend.MethodInfo;
import dev.shipgate.scanner.java.frontend.TypeInfo;
import dev.shipgate.scanner.java.taint.JavaCheck;
import dev.shipgate.scanner.java.taint.Reporter;
import java.util.List;
import java.util.Set;

/**
 * CORS that lets any origin make credentialed requests: Spring {@code CorsConfiguration} or
 * {@code CorsRegistry} configuration in one type that allows the origin (pattern) {@code "*"} and sets
 * credentials to true, {@code @CrossOrigin(origins|originPatterns = "*", allowCredentials = "true")}, or a
 * response that echoes the request's {@code Origin} header next to {@code Access-Control-Allow-Credentials: true}.
 */
public final class CorsCredentialsCheck implements JavaCheck {

  static final Rule RULE = Rule.builder("java/web/cors-any-origin-with-credentials", "java")
      .title("CORS allows any origin with credentials")
      .severity(Severity.HIGH)
      .confidence(Confidence.HIGH)
      .cwe("CWE-942", "CWE-346")
      .tags("owasp-top10:A05:2021", "asvs:4.0.3-14.5.3")
      .description("Every website may send credentialed cross-origin requests and read the responses: a page the user"
          + " visits can call the API with the user's cookies and read their data.")
      .fix("List the trusted origins explicitly (allowedOrigins(\"https://app.example.com\")); never combine \"*\" (or an"
          + " echoed Origin header) with allowCredentials(true).")
      .build();

  private static final Set<String> ORIGIN_CALLS = Set.of("allowedOrigins", "allowedOriginPatterns", "addAllowedOrigin",
      "addAllowedOriginPattern", "setAllowedOrigins", "setAllowedOriginPatterns");
  private static final Set<String> HEADER_CALLS = Set.of("setHeader", "addHeader");
  private static final Set<String> CREDENTIAL_CALLS = Set.of("allowCredentials", "setAllowCredentials");

  @Override
  public List<Rule> rules() {
    return List.of(RULE);
  }

  @Override
  public void checkType(TypeInfo type, JavaProject project, Reporter reporter) {
    annotations(type, reporter);
    TypeCalls calls = TypeCalls.of(type);
    for (MethodInvocationTree c : calls.named(ORIGIN_CALLS)) {
      if (c.getArguments().stream().anyMatch(CorsCredentialsCheck::hasStar)
          && withCredentials(c, calls)) {
        reporter.report(RULE, c, "CORS allows origin \"*\" together with credentials", null);
      }
    }
    List<MethodInvocationTree> headerCalls = calls.named(HEADER_CALLS);
    boolean credentialsHeader = headerCalls.stream().anyMatch(c -> isHeaderCall(c, "Access-Control-Allow-Credentials")
        && isLiteral(c.getArguments().get(1), "true"));
    if (credentialsHeader) {
      for (MethodInvocationTree c : headerCalls) {
        if (isHeaderCall(c, "Access-Control-Allow-Origin") && echoesOrigin(c.getArguments().get(1))) {
          reporter.report(RULE, c, "The request's Origin header is echoed with Access-Control-Allow-Credentials: true", null);
        }
      }
    }
  }

  /**
   * Credentials are allowed for the same registration: later in the same {@code CorsRegistry} chain, or by a
   * {@code setAllowCredentials(true)} on the same {@code CorsConfiguration} receiver in this type.
   */
  private static boolean withCredentials(MethodInvocationTree origin, TypeCalls calls) {
    String receiver = receiver(origin);
    for (MethodInvocationTree c : calls.named(CREDENTIAL_CALLS)) {
      if (c.getArguments().size() != 1 || !isTrue(c.getArguments().get(0))) {
        continue;
      }
      if (CallChain.of(c).calls().contains(origin) || receiver != null && receiver.equals(receiver(c))) {
        return true;
      }
    }
    return false;
  }

  /** The receiver of a call on a plain variable ({@code config.setAllowCredentials}), else null. */
  private static String receiver(MethodInvocationTree c) {
    return c.getMethodSelect() instanceof com.sun.source.tree.MemberSelectTree ms
        && ms.getExpression() instanceof com.sun.source.tree.IdentifierTree id ? id.getName().toString() : null;
  }

  private static void annotations(TypeInfo type, Reporter reporter) {
    ClassTree cls = type.tree();
    crossOrigin(cls.getModifiers().getAnnotations(), reporter);
    for (MethodInfo m : type.methods()) {
      MethodTree t = m.tree();
      if (t != null) {
        crossOrigin(t.getModifiers().getAnnotations(), reporter);
      }
    }
  }

  private static void crossOrigin(List<? extends AnnotationTree> annotations, Reporter reporter) {
    for (AnnotationTree a : annotations) {
      if (!a.getAnnotationType().toString().endsWith("CrossOrigin")) {
        continue;
      }
      boolean star = false;
      boolean credentials = false;
      for (ExpressionTree arg : a.getArguments()) {
        if (arg instanceof AssignmentTree as) {
          String key = as.getVariable().toString();
          if ((key.equals("origins") || key.equals("originPatterns") || key.equals("value")) && hasStar(as.getExpression())) {
            star = true;
          }
          credentials |= key.equals("allowCredentials") && isLiteral(as.getExpression(), "true");
        }
      }
      if (star && credentials) {
        reporter.report(RULE, a, "@CrossOrigin allows origin \"*\" together with credentials", null);
      }
    }
  }

  private static boolean isHeaderCall(MethodInvocationTree c, String header) {
    return HEADER_CALLS.contains(CallChain.name(c)) && c.getArguments().size() == 2
        && c.getArguments().get(0) instanceof LiteralTree l && header.equalsIgnoreCase(String.valueOf(l.getValue()));
  }

  /** {@code request.getHeader("Origin")}, directly. */
  private static boolean echoesOrigin(ExpressionTree e) {
    return e instanceof MethodInvocationTree mi && CallChain.name(mi).equals("getHeader") && mi.getArguments().size() == 1
        && isLiteralIgnoreCase(mi.getArguments().get(0), "origin");
  }

  /** {@code "*"} as the argument, inside {@code List.of(...)}/{@code Arrays.asList(...)}, or in an array. */
  private static boolean hasStar(Tree e) {
    if (e instanceof LiteralTree l) {
      return "*".equals(l.getValue());
    }
    if (e instanceof NewArrayTree a && a.getInitializers() != null) {
      return a.getInitializers().stream().anyMatch(CorsCredentialsCheck::hasStar);
    }
    if (e instanceof MethodInvocationTree mi) {
      String n = CallChain.name(mi);
      return (n.equals("of") || n.equals("asList") || n.equals("singletonList")) && mi.getArguments().stream().anyMatch(CorsCredentialsCheck::hasStar);
    }
    return false;
  }

  private static boolean isTrue(ExpressionTree e) {
    return e instanceof LiteralTree l && Boolean.TRUE.equals(l.getValue()) || e.toString().equals("Boolean.TRUE");
  }

  private static boolean isLiteral(ExpressionTree e, String value) {
    return e instanceof LiteralTree l && value.equals(String.valueOf(l.getValue()));
  }

  private static boolean isLiteralIgnoreCase(ExpressionTree e, String value) {
    return e instanceof LiteralTree l && value.equalsIgnoreCase(String.valueOf(l.getValue()));
  }
}
