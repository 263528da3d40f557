package dev.shipgate.scanner.java.rules;

import dev.shipgate.core.model.Confidence;
import dev.shipgate.core.model.Rule;
import dev.shipgate.core.model.Severity;
import dev.shipgate.scanner.java.frontend.MethodInfo;
import dev.shipgate.scanner.java.taint.CallEvent;
import dev.shipgate.scanner.java.taint.JavaCheck;
import dev.shipgate.scanner.java.taint.MethodVisitor;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * MD5, MD2, MD4 or SHA-1 requested from MessageDigest: the algorithm name as a literal or a folded constant, or a
 * constant passed to a repository method that hands its parameter to {@code getInstance} (reported at that call);
 * also the MD5/SHA-1 methods of Commons Codec's and Spring's {@code DigestUtils} and Guava's {@code Hashing}.
 */
public final class WeakHashCheck implements JavaCheck {

  static final Rule RULE = Rule.builder("java/crypto/weak-hash", "java")
      .title("Weak hash algorithm")
      .severity(Severity.MEDIUM)
      .confidence(Confidence.HIGH)
      .cwe("CWE-328")
      .tags("owasp-top10:A02:2021", "asvs:4.0.3-6.2.5")
      .description("MessageDigest (or a DigestUtils helper) is asked for MD5, MD2, MD4 or SHA-1, whose collisions are"
          + " practical; as a password or signature hash they protect nothing.")
      .fix("Use SHA-256 or stronger for integrity; for passwords use a slow, salted KDF (Argon2id, bcrypt, scrypt, PBKDF2).")
      .build();

  private static final Set<String> WEAK = Set.of("MD2", "MD4", "MD5", "SHA1", "SHA-1", "SHA");
  private static final String CODEC = "org.apache.commons.codec.digest.DigestUtils";
  /** Commons Codec's fixed-algorithm methods for MD2, MD5 and SHA-1 ({@code sha} is its old name for SHA-1). */
  private static final java.util.regex.Pattern CODEC_WEAK =
      java.util.regex.Pattern.compile("(?:md2|md5|sha1|sha)(?:Hex)?|get(?:Md2|Md5|Sha1|Sha)Digest");

  @Override
  public List<Rule> rules() {
    return List.of(RULE);
  }

  private final AlgorithmParameters parameters = new AlgorithmParameters();

  @Override
  public MethodVisitor begin(MethodInfo method) {
    return new MethodVisitor() {
      @Override
      public void call(CallEvent e) {
        if (e.is("java.security.MessageDigest", "getInstance") && !e.argTrees().isEmpty()) {
          if (!(e.constantArg(0) instanceof String alg)) {
            parameters.record(method, e.argTrees().get(0));
          } else if (WEAK.contains(alg.toUpperCase(Locale.ROOT))) {
            e.reporter().report(RULE, e.tree(), "MessageDigest.getInstance(\"" + alg + "\") uses a broken hash algorithm", null);
          }
          return;
        }
        String helper = weakHelper(e);
        if (helper != null) {
          e.reporter().report(RULE, e.tree(), helper + " computes a broken hash", null);
          return;
        }
        parameters.passed(e, method, (alg, target) -> {
          if (WEAK.contains(alg.toUpperCase(Locale.ROOT))) {
            e.reporter().report(RULE, e.tree(), "\"" + alg + "\" is passed to `" + target.name()
                + "`, which hands it to MessageDigest.getInstance: a broken hash algorithm", null);
          }
        });
      }
    };
  }

  /** A DigestUtils call that hashes with a broken algorithm, named for the message; else null. */
  private static String weakHelper(CallEvent e) {
    String type = e.call().declaringType();
    String name = e.call().name();
    if (type != null && type.endsWith("Hashing") && (name.equals("md5") || name.equals("sha1"))
        && e.is("com.google.common.hash.Hashing", name)) {
      return "Hashing." + name + "()";
    }
    if (type == null || !type.endsWith("DigestUtils")) {
      return null; // most calls: no subtype test
    }
    if (e.is(CODEC, name)) {
      if (CODEC_WEAK.matcher(name).matches()) {
        return "DigestUtils." + name;
      }
      boolean named = name.equals("getDigest") || name.equals("<init>");
      if (named && e.constantArg(0) instanceof String alg && WEAK.contains(alg.toUpperCase(Locale.ROOT))) {
        return (name.equals("<init>") ? "new DigestUtils" : "DigestUtils.getDigest") + "(\"" + alg + "\")";
      }
      return null;
    }
    return e.is("org.springframework.util.DigestUtils", name) && name.toLowerCase(Locale.ROOT).contains("md5")
        ? "Spring DigestUtils." + name : null;
  }
}
