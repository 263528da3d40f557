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
import java.util.Map;
import java.util.Set;

/**
 * An IV or nonce written into the source ({@code new IvParameterSpec(new byte[16])}, a literal array or
 * string, a constant field): every message is encrypted with the same IV. An IV filled by
 * {@code SecureRandom.nextBytes}, read from the ciphertext or returned by {@code cipher.getIV()} is fine.
 */
public final class StaticIvCheck implements JavaCheck {

  static final Rule RULE = Rule.builder("java/crypto/static-iv", "java")
      .title("Static initialization vector")
      .severity(Severity.HIGH)
      .confidence(Confidence.MEDIUM)
      .cwe("CWE-329", "CWE-1204")
      .tags("owasp-top10:A02:2021", "asvs:4.0.3-6.2.5")
      .description("The IV or nonce is a constant, so every message under the same key uses the same one. In CBC mode"
          + " equal plaintext prefixes give equal ciphertext; in GCM or CTR mode a repeated nonce leaks the XOR of the"
          + " plaintexts and lets an attacker forge authentication tags.")
      .fix("Generate a fresh IV per message with SecureRandom.nextBytes (12 bytes for GCM, 16 for CBC), send it with the"
          + " ciphertext (it is not secret), and read it back from there when decrypting.")
      .build();

  /** Parameter-spec constructors and which argument is the IV. */
  private static final Map<String, Integer> IV_ARGUMENT = Map.of("javax.crypto.spec.IvParameterSpec", 0,
      "javax.crypto.spec.GCMParameterSpec", 1, "javax.crypto.spec.ChaCha20ParameterSpec", 0);

  @Override
  public List<Rule> rules() {
    return List.of(RULE);
  }

  @Override
  public MethodVisitor begin(MethodInfo method) {
    LiteralBytes.Tracker locals = new LiteralBytes.Tracker(method);
    return new MethodVisitor() {
      @Override
      public void call(CallEvent e) {
        Integer iv = e.call().name().equals("<init>") ? IV_ARGUMENT.get(e.call().declaringType()) : null;
        if (iv != null && iv < e.argTrees().size() && locals.at(e.project()).isLiteral(e.argTrees().get(iv))) {
          String type = e.call().declaringType();
          e.reporter().report(RULE, e.tree(), "`new " + type.substring(type.lastIndexOf('.') + 1) + "` gets an IV written in the source",
              null);
        }
        locals.called(e, iv != null ? Set.of(iv) : Set.of());
      }

      @Override
      public void assign(String variable, Value value, Tree at, Reporter reporter) {
        locals.assigned(variable, at);
      }
    };
  }
}
