package dev.shipgate.scanner.java.rules;

import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import dev.shipgate.core.model.Confidence;
import dev.shipgate.core.model.Rule;
import dev.shipgate.core.model.Severity;
import dev.shipgate.scanner.java.frontend.MethodInfo;
import dev.shipgate.scanner.java.taint.CallEvent;
import dev.shipgate.scanner.java.taint.JavaCheck;
import dev.shipgate.scanner.java.taint.MethodVisitor;
import dev.shipgate.scanner.java.taint.Value;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A signature, MAC, token or secret compared with {@code equals} ({@code String.equals},
 * {@code Arrays.equals}, {@code Objects.equals}, {@code contentEquals}), which returns at the first differing
 * character: response times tell an attacker how much of a guess is right. Comparisons with literals, and
 * values that only describe a secret (its type, name, length), are not reported.
 */
public final class TimingUnsafeComparisonCheck implements JavaCheck {

  static final Rule RULE = Rule.builder("java/crypto/timing-unsafe-comparison", "java")
      .title("Secret compared in non-constant time")
      .severity(Severity.MEDIUM)
      .confidence(Confidence.MEDIUM)
      .cwe("CWE-208")
      .tags("owasp-top10:A02:2021", "asvs:4.0.3-6.2.1", "asvs:4.0.3-2.9.1")
      .description("equals stops at the first differing byte, so the time it takes reveals how many leading bytes of a"
          + " guessed signature, MAC, token or key are right; an attacker can recover the expected value byte by byte.")
      .fix("Compare secrets with MessageDigest.isEqual(a, b) on their bytes (constant time), or compare hashes of both"
          + " values.")
      .build();

  /**
   * Camel-case words of a name that hold a secret to be checked. Not "digest" or "hash": comparing plain digests is
   * the remedy (an attacker cannot steer the digest of a guess byte by byte), and it is how integrity checks of
   * files and hash chains compare; keyed digests are MACs and signatures, which are here.
   */
  private static final Set<String> SECRET_WORDS = Set.of("signature", "sig", "hmac", "mac", "token", "secret", "apikey",
      "otp", "csrf", "xsrf");
  /** Words that make the name describe the secret rather than hold it. */
  private static final Set<String> DESCRIPTIVE = Set.of("type", "name", "kind", "status", "header", "prefix", "format",
      "length", "len", "count", "id", "version", "algorithm", "alg", "url", "endpoint", "code", "expiry", "expires", "expiration");
  private static final Set<String> AMBIGUOUS = Set.of("token");
  private static final Pattern WORD = Pattern.compile("[A-Z]?[a-z0-9]+|[A-Z]+(?![a-z])");

  @Override
  public List<Rule> rules() {
    return List.of(RULE);
  }

  @Override
  public MethodVisitor begin(MethodInfo method) {
    if (method.name().equals("equals") && method.paramTypes().size() == 1) {
      return new MethodVisitor() {}; // object equality (two signature records are equal), not verifying a secret
    }
    return new MethodVisitor() {
      @Override
      public void call(CallEvent e) {
        String name = e.call().name();
        ExpressionTree a;
        ExpressionTree b;
        Value va;
        Value vb;
        if ((name.equals("equals") || name.equals("contentEquals")) && e.argTrees().size() == 1
            && e.tree() instanceof MethodInvocationTree mi && mi.getMethodSelect() instanceof MemberSelectTree ms
            && !e.call().staticReceiver()) {
          a = ms.getExpression();
          b = e.argTrees().get(0);
          va = e.receiver();
          vb = e.args().get(0);
        } else if (name.equals("equals") && e.argTrees().size() == 2 && e.call().staticReceiver()
            && (e.is("java.util.Arrays", "equals") || e.is("java.util.Objects", "equals"))) {
          a = e.argTrees().get(0);
          b = e.argTrees().get(1);
          va = e.args().get(0);
          vb = e.args().get(1);
        } else {
          return;
        }
        if (isConstant(a) || isConstant(b) || e.constantArg(0) != null) {
          return;
        }
        String secretA = secretName(a);
        String secretB = secretName(b);
        String secret = secretA != null ? secretA : secretB;
        if (secret == null) {
          return;
        }
        // "token" alone also names lexer and parser tokens: it counts when the other side is a secret too or request data.
        boolean ambiguous = (secretA == null || isAmbiguous(secretA)) && (secretB == null || isAmbiguous(secretB));
        if (ambiguous && (secretA == null || secretB == null) && !(remote(va) || remote(vb))) {
          return;
        }
        e.reporter().report(RULE, e.tree(), "`" + secret + "` is compared with " + name + ", which is not constant-time", null);
      }
    };
  }

  private static boolean remote(Value v) {
    return v != null && v.hasSourceOfKind("remote");
  }

  /** Whether every secret word of {@code name} is an ambiguous one. */
  private static boolean isAmbiguous(String name) {
    return words(name).stream().filter(SECRET_WORDS::contains).allMatch(AMBIGUOUS::contains)
        && !name.toLowerCase(Locale.ROOT).endsWith("apikey");
  }

  private static List<String> words(String name) {
    return WORD.matcher(name).results().map(r -> r.group().toLowerCase(Locale.ROOT)).toList();
  }

  private static boolean isConstant(ExpressionTree e) {
    return e instanceof LiteralTree || e instanceof IdentifierTree id && id.getName().toString().matches("[A-Z][A-Z0-9_]*")
        || e instanceof MemberSelectTree ms && ms.getIdentifier().toString().matches("[A-Z][A-Z0-9_]*");
  }

  /** The variable, field or getter name when it names a secret to check, else null. */
  private static String secretName(ExpressionTree e) {
    String name = e instanceof IdentifierTree id ? id.getName().toString()
        : e instanceof MemberSelectTree ms ? ms.getIdentifier().toString()
        : e instanceof MethodInvocationTree mi && mi.getArguments().isEmpty() ? CallChain.name(mi) : null;
    if (name == null) {
      return null;
    }
    List<String> words = words(name);
    if (words.stream().anyMatch(DESCRIPTIVE::contains)) {
      return null;
    }
    return words.stream().anyMatch(SECRET_WORDS::contains) || name.toLowerCase(Locale.ROOT).endsWith("apikey") ? name : null;
  }
}
