package dev.shipgate.scanner.java.rules;

import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.Tree;
import dev.shipgate.core.model.Confidence;
import dev.shipgate.core.model.Rule;
import dev.shipgate.core.model.Severity;
import dev.shipgate.scanner.java.frontend.JavaProject;
import dev.shipgate.scanner.java.frontend.TypeInfo;
import dev.shipgate.scanner.java.taint.JavaCheck;
import dev.shipgate.scanner.java.taint.Reporter;
import java.util.List;
import java.util.Set;

/**
 * Spring Security CSRF protection switched off ({@code csrf().disable()}, {@code csrf(c -> c.disable())},
 * {@code csrf(AbstractHttpConfigurer::disable)}) in a configuration that logs users in with a session cookie
 * (form login, OAuth2/SAML login, remember-me) and does not make sessions stateless. Token-only APIs that
 * disable CSRF are not reported: browsers do not attach their bearer tokens on their own.
 */
public final class CsrfDisabledCheck implements JavaCheck {

  static final Rule RULE = Rule.builder("java/web/csrf-disabled", "java")
      .title("CSRF protection disabled for session login")
      .severity(Severity.MEDIUM)
      .confidence(Confidence.HIGH)
      .cwe("CWE-352")
      .tags("owasp-top10:A01:2021", "asvs:4.0.3-4.2.2", "asvs:4.0.3-3.5.1")
      .description("CSRF protection is disabled while users sign in with a session cookie. Any site the user visits can"
          + " then submit forms or requests to this application, and the browser sends the session cookie along:"
          + " password changes, transfers and deletions run as the victim.")
      .fix("Keep Spring Security's CSRF protection on (the default) and send the token from forms and JavaScript"
          + " (CookieCsrfTokenRepository for SPAs); exempt only endpoints authenticated by bearer tokens with"
          + " csrf.ignoringRequestMatchers(...).")
      .build();

  private static final Set<String> SESSION_LOGINS = Set.of("formLogin", "oauth2Login", "saml2Login", "rememberMe");

  @Override
  public List<Rule> rules() {
    return List.of(RULE);
  }

  @Override
  public void checkType(TypeInfo type, JavaProject project, Reporter reporter) {
    if (!type.unit().importsFrom("org.springframework.security.")) {
      return;
    }
    TypeCalls calls = TypeCalls.of(type);
    if (SESSION_LOGINS.stream().noneMatch(calls::calls) || calls.selects("STATELESS")) {
      return;
    }
    for (MethodInvocationTree c : calls.calls()) {
      if (disablesCsrf(c)) {
        reporter.report(RULE, c, "CSRF protection is disabled although users log in with a session", null);
      }
    }
  }

  /** {@code csrf().disable()} or {@code csrf(x -> x.disable())} / {@code csrf(AbstractHttpConfigurer::disable)}. */
  private static boolean disablesCsrf(MethodInvocationTree c) {
    String name = CallChain.name(c);
    if (name.equals("disable") && c.getArguments().isEmpty()) {
      List<MethodInvocationTree> chain = CallChain.of(c).calls();
      return chain.size() >= 2 && CallChain.name(chain.get(chain.size() - 2)).equals("csrf")
          && chain.get(chain.size() - 2).getArguments().isEmpty();
    }
    if (!name.equals("csrf") || c.getArguments().size() != 1) {
      return false;
    }
    ExpressionTree arg = c.getArguments().get(0);
    if (arg instanceof MemberReferenceTree r) {
      return r.getName().contentEquals("disable");
    }
    if (arg instanceof LambdaExpressionTree l) {
      Tree body = l.getBody();
      if (body instanceof com.sun.source.tree.BlockTree b && b.getStatements().size() == 1
          && b.getStatements().get(0) instanceof com.sun.source.tree.ExpressionStatementTree s) {
        body = s.getExpression();
      }
      return body instanceof MethodInvocationTree mi && CallChain.name(mi).equals("disable") && mi.getArguments().isEmpty();
    }
    return false;
  }
}
