package dev.shipgate.scanner.java.rules;

import com.sun.source.tree.NewClassTree;
import dev.shipgate.core.model.Confidence;
import dev.shipgate.core.model.Rule;
import dev.shipgate.core.model.Severity;
import dev.shipgate.scanner.java.frontend.JavaUnit;
import dev.shipgate.scanner.java.frontend.MethodInfo;
import dev.shipgate.scanner.java.taint.CallEvent;
import dev.shipgate.scanner.java.taint.JavaCheck;
import dev.shipgate.scanner.java.taint.MethodVisitor;
import java.util.List;

/**
 * A JWT built and signed in one fluent chain without an expiry: jjwt {@code Jwts.builder()...compact()},
 * auth0 {@code JWT.create()...sign(...)}, Nimbus {@code new JWTClaimsSet.Builder()...build()}. Chains that set
 * the claims from a map may carry {@code exp} and are not reported, nor are builders kept in variables.
 */
public final class JwtWithoutExpiryCheck implements JavaCheck {

  static final Rule RULE = Rule.builder("java/auth/jwt-without-expiry", "java")
      .title("JWT without expiry")
      .severity(Severity.MEDIUM)
      .confidence(Confidence.HIGH)
      .cwe("CWE-613")
      .tags("owasp-top10:A07:2021", "asvs:4.0.3-3.5.3", "asvs:4.0.3-3.3.1")
      .description("The token has no exp claim, so it stays valid forever: a token that leaks (logs, browser storage, a"
          + " proxy) or belongs to a user who has since been locked out keeps working, and it cannot be revoked without"
          + " changing the signing key.")
      .fix("Set a short expiry when issuing the token (jjwt expiration(...), auth0 withExpiresAt(...), Nimbus"
          + " expirationTime(...)), for example 15 minutes for access tokens, and use refresh tokens for longer sessions.")
      .build();

  @Override
  public List<Rule> rules() {
    return List.of(RULE);
  }

  /** Packages of the JWT libraries the JWT checks read: jjwt, auth0 java-jwt, Nimbus. */
  static boolean importsJwtLibrary(JavaUnit unit) {
    return unit.importsFrom("io.jsonwebtoken.") || unit.importsFrom("com.auth0.jwt.") || unit.importsFrom("com.nimbusds.jwt.");
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
      @Override
      public void call(CallEvent e) {
        String name = e.call().name();
        CallChain chain = CallChain.of(e.tree());
        boolean unbounded = switch (name) {
          case "compact" -> jjwt && chain.startsWith("io.jsonwebtoken.Jwts", "builder") && !chain.has("setExpiration")
              && !chain.has("expiration") && !chain.hasWithFirstArgument("claim", "exp") && !setsClaimsFromMap(chain);
          case "sign" -> auth0 && chain.startsWith("com.auth0.jwt.JWT", "create") && !chain.has("withExpiresAt")
              && !chain.has("withPayload") && !chain.hasWithFirstArgument("withClaim", "exp");
          case "build" -> nimbus && chain.root() instanceof NewClassTree n && n.getIdentifier().toString().endsWith("JWTClaimsSet.Builder")
              && n.getArguments().isEmpty() && !chain.has("expirationTime") && !chain.hasWithFirstArgument("claim", "exp");
          default -> false;
        };
        if (unbounded) {
          e.reporter().report(RULE, e.tree(), "The token is issued without an expiry (exp)", null);
        }
      }
    };
  }

  /** {@code setClaims(map)}, {@code claims(map)}, {@code addClaims(map)}: the map may hold exp. */
  private static boolean setsClaimsFromMap(CallChain chain) {
    return chain.calls().stream().anyMatch(c -> {
      String n = CallChain.name(c);
      return (n.equals("setClaims") || n.equals("addClaims") || n.equals("claims")) && !c.getArguments().isEmpty();
    });
  }
}
