package dev.shipgate.scanner.java.rules;

import dev.shipgate.core.model.Confidence;
import dev.shipgate.core.model.Rule;
import dev.shipgate.core.model.Severity;
import dev.shipgate.scanner.java.frontend.MethodInfo;
import dev.shipgate.scanner.java.taint.CallEvent;
import dev.shipgate.scanner.java.taint.JavaCheck;
import dev.shipgate.scanner.java.taint.MethodVisitor;
import java.util.List;

/**
 * A Spring {@code ResponseCookie.from(...)...build()} chain without {@code sameSite(...)}. Browsers that do
 * not default to Lax then send the cookie on cross-site requests. Servlet {@code Cookie}s are not judged:
 * before Servlet 6 they cannot carry the attribute at all, and the container's session cookie settings
 * decide it.
 */
public final class CookieSameSiteCheck implements JavaCheck {

  static final Rule RULE = Rule.builder("java/web/cookie-without-samesite", "java")
      .title("Cookie without the SameSite attribute")
      .severity(Severity.LOW)
      .confidence(Confidence.HIGH)
      .cwe("CWE-1275")
      .tags("owasp-top10:A01:2021", "asvs:4.0.3-3.4.3")
      .description("The cookie has no SameSite attribute, so browsers that do not default to Lax attach it to requests"
          + " that other sites trigger, which helps cross-site request forgery.")
      .fix("Add .sameSite(\"Lax\") (or \"Strict\") to the ResponseCookie builder; use \"None\" only with Secure and only for"
          + " cookies that must travel cross-site.")
      .build();

  @Override
  public List<Rule> rules() {
    return List.of(RULE);
  }

  @Override
  public MethodVisitor begin(MethodInfo method) {
    if (!method.owner().unit().importsFrom("org.springframework.http.")) {
      return null;
    }
    return new MethodVisitor() {
      @Override
      public void call(CallEvent e) {
        if (!e.call().name().equals("build")) {
          return;
        }
        CallChain chain = CallChain.of(e.tree());
        if ((chain.startsWith("org.springframework.http.ResponseCookie", "from")
            || chain.startsWith("org.springframework.http.ResponseCookie", "fromClientResponse")) && !chain.has("sameSite")) {
          e.reporter().report(RULE, e.tree(), "ResponseCookie is built without sameSite(...)", null);
        }
      }
    };
  }
}
