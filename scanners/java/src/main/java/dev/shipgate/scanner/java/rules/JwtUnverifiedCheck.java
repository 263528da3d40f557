package dev.shipgate.scanner.java.rules;

import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.util.TreeScanner;
import dev.shipgate.core.model.Confidence;
import dev.shipgate.core.model.Rule;
import dev.shipgate.core.model.Severity;
import dev.shipgate.scanner.java.frontend.JavaUnit;
import dev.shipgate.scanner.java.frontend.MethodInfo;
import dev.shipgate.scanner.java.taint.CallEvent;
import dev.shipgate.scanner.java.taint.JavaCheck;
import dev.shipgate.scanner.java.taint.MethodVisitor;
import java.util.List;
import java.util.Set;

/**
 * JWTs accepted without a verified signature: jjwt's unsigned parse methods ({@code parseClaimsJwt},
 * {@code parseUnsecuredClaims} ...), {@code unsecured()}, and {@code Jwts.parser()...parse(token)} of the
 * pre-0.12 API, which returns unsigned tokens as readily as signed ones; auth0 {@code Algorithm.none()}, and
 * {@code JWT.decode} in a file that never verifies a token; Nimbus {@code PlainJWT.parse}.
 */
public final class JwtUnverifiedCheck implements JavaCheck {

  static final Rule RULE = Rule.builder("java/auth/jwt-unverified", "java")
      .title("JWT accepted without signature verification")
      .severity(Severity.HIGH)
      .confidence(Confidence.HIGH)
      .cwe("CWE-347", "CWE-345")
      .tags("owasp-top10:A02:2021", "owasp-top10:A07:2021", "asvs:4.0.3-3.5.3")
      .description("The token's claims are read without checking its signature (or with alg \"none\" allowed), so anyone"
          + " can write a token with any subject, roles or expiry and the application trusts it.")
      .fix("Verify before reading: jjwt Jwts.parser().verifyWith(key).build().parseSignedClaims(token), auth0"
          + " JWT.require(Algorithm.HMAC256(secret)).build().verify(token), Nimbus SignedJWT.parse(token).verify(verifier);"
          + " never accept unsigned tokens.")
      .build();

  private static final Set<String> UNSIGNED_PARSE = Set.of("parseClaimsJwt", "parsePlaintextJwt", "parseUnsecuredClaims",
      "parseUnsecuredContent");

  @Override
  public List<Rule> rules() {
    return List.of(RULE);
  }

  @Override
  public MethodVisitor begin(MethodInfo method) {
    JavaUnit unit = method.owner().unit();
    boolean jjwt = unit.importsFrom("io.jsonwebtoken.");
    boolean auth0 = unit.importsFrom("com.auth0.jwt.");
    boolean nimbus = unit.importsFrom("com.nimbusds.jwt.");
    if (!jjwt && !auth0 && !nimbus) {
      return null;
    }
    return new MethodVisitor() {
      Boolean verifies;

      @Override
      public void call(CallEvent e) {
        String name = e.call().name();
        String type = e.call().declaringType();
        String why = null;
        if (jjwt && UNSIGNED_PARSE.contains(name)) {
          why = "`" + name + "` parses tokens that carry no signature";
        } else if (jjwt && name.equals("unsecured") && CallChain.of(e.tree()).startsWith("io.jsonwebtoken.Jwts", "parser")) {
          why = "`unsecured()` lets the parser accept tokens with alg \"none\"";
        } else if (jjwt && name.equals("parse") && e.argTrees().size() == 1) {
          CallChain chain = CallChain.of(e.tree());
          if (chain.startsWith("io.jsonwebtoken.Jwts", "parser") && !chain.has("build")) {
            why = "jjwt's `parse` (before 0.12) returns unsigned tokens too; use `parseClaimsJws`";
          }
        } else if (auth0 && name.equals("none") && "com.auth0.jwt.algorithms.Algorithm".equals(type)) {
          why = "`Algorithm.none()` signs and verifies nothing";
        } else if (auth0 && name.equals("decode") && "com.auth0.jwt.JWT".equals(type) && !verifies()) {
          why = "`JWT.decode` only decodes; nothing in this file verifies the token";
        } else if (nimbus && name.equals("parse") && "com.nimbusds.jwt.PlainJWT".equals(type)) {
          why = "`PlainJWT` is an unsigned token";
        }
        if (why != null) {
          e.reporter().report(RULE, e.tree(), why, null);
        }
      }

      /** Whether the file calls {@code verify} anywhere (a JWTVerifier built elsewhere in the class). */
      boolean verifies() {
        if (verifies == null) {
          boolean[] found = {false};
          new TreeScanner<Void, Void>() {
            @Override
            public Void visitMethodInvocation(MethodInvocationTree node, Void p) {
              found[0] |= CallChain.name(node).equals("verify");
              return super.visitMethodInvocation(node, p);
            }
          }.scan(unit.tree(), null);
          verifies = found[0];
        }
        return verifies;
      }
    };
  }
}
