package dev.shipgate.scanner.java.rules;

import com.sun.source.tree.Tree;
import dev.shipgate.core.model.Confidence;
import dev.shipgate.core.model.Rule;
import dev.shipgate.core.model.Severity;
import dev.shipgate.scanner.java.frontend.MethodInfo;
import dev.shipgate.scanner.java.taint.CallEvent;
import dev.shipgate.scanner.java.taint.JavaCheck;
import dev.shipgate.scanner.java.taint.MethodVisitor;
import dev.shipgate.scanner.java.taint.Reporter;
import dev.shipgate.scanner.java.taint.Value;
import java.util.List;
import java.util.Set;

/**
 * A cryptographic or token-signing key written into the source: {@code new SecretKeySpec("...".getBytes(), ...)},
 * a literal byte array, jjwt {@code Keys.hmacShaKeyFor}/{@code signWith}/{@code setSigningKey}, auth0
 * {@code Algorithm.HMAC256("...")}, Nimbus {@code MACSigner}, a literal {@code PBEKeySpec} password.
 * Keys read from configuration, the environment or a key store are not literal and are not reported.
 */
public final class HardcodedKeyCheck implements JavaCheck {

  static final Rule RULE = Rule.builder("java/crypto/hardcoded-key", "java")
      .title("Hard-coded cryptographic key")
      .severity(Severity.HIGH)
      .confidence(Confidence.HIGH)
      .cwe("CWE-321", "CWE-798")
      .tags("owasp-top10:A02:2021", "asvs:4.0.3-6.4.1", "asvs:4.0.3-2.10.4")
      .description("The key that encrypts data or signs tokens is written in the source. Everyone with the code (the"
          + " repository, a build artifact, a decompiler) can decrypt the data or mint valid tokens, and the key cannot be"
          + " rotated without a release.")
      .fix("Load the key at run time from a secret store, key store or environment-provided secret (at least 256 random"
          + " bits for HMAC and AES), and keep it out of the repository.")
      .build();

  private static final Set<String> SPEC_TYPES = Set.of("javax.crypto.spec.SecretKeySpec", "javax.crypto.spec.DESKeySpec",
      "javax.crypto.spec.DESedeKeySpec", "javax.crypto.spec.PBEKeySpec", "com.nimbusds.jose.crypto.MACSigner",
      "com.nimbusds.jose.crypto.MACVerifier");
  private static final Set<String> HMAC_FACTORIES = Set.of("HMAC256", "HMAC384", "HMAC512");

  @Override
  public List<Rule> rules() {
    return List.of(RULE);
  }

  @Override
  public MethodVisitor begin(MethodInfo method) {
    boolean jjwt = method.owner().unit().imports().stream().anyMatch(i -> i.startsWith("io.jsonwebtoken."));
    LiteralBytes.Tracker locals = new LiteralBytes.Tracker(method);
    return new MethodVisitor() {
      @Override
      public void call(CallEvent e) {
        int key = keyArgument(e, jjwt);
        if (key >= 0 && key < e.argTrees().size() && locals.at(e.project()).isLiteralOrString(e.argTrees().get(key))) {
          e.reporter().report(RULE, e.tree(), "The key passed to `" + callName(e) + "` is written in the source", null);
        }
        locals.called(e, key >= 0 ? Set.of(key) : Set.of());
      }

      @Override
      public void assign(String variable, Value value, Tree at, Reporter reporter) {
        locals.assigned(variable, at);
      }
    };
  }

  /** Which argument of this call is the key, or -1. */
  private static int keyArgument(CallEvent e, boolean jjwt) {
    String name = e.call().name();
    String type = e.call().declaringType();
    if (name.equals("<init>") && type != null && SPEC_TYPES.contains(type)) {
      return 0;
    }
    if (e.is("io.jsonwebtoken.security.Keys", "hmacShaKeyFor")) {
      return 0;
    }
    if (HMAC_FACTORIES.contains(name) && e.is("com.auth0.jwt.algorithms.Algorithm", name)) {
      return 0;
    }
    if (jjwt && name.equals("signWith") && e.argTrees().size() == 2 && e.argTrees().get(0).toString().contains("SignatureAlgorithm.")) {
      return 1; // jjwt before 0.10: signWith(SignatureAlgorithm, String base64Key | byte[] key)
    }
    if (jjwt && name.equals("setSigningKey") && e.argTrees().size() == 1) {
      return 0;
    }
    return -1;
  }

  private static String callName(CallEvent e) {
    String type = e.call().declaringType();
    String simple = type == null ? "" : type.substring(type.lastIndexOf('.') + 1);
    return e.call().name().equals("<init>") ? "new " + simple : e.call().name();
  }
}
