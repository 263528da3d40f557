package dev.shipgate.scanner.java.rules;

import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreeScanner;
import dev.shipgate.core.model.Confidence;
import dev.shipgate.core.model.Rule;
import dev.shipgate.core.model.Severity;
import dev.shipgate.scanner.java.frontend.JavaProject;
import dev.shipgate.scanner.java.frontend.MethodInfo;
import dev.shipgate.scanner.java.frontend.MethodScope;
import dev.shipgate.scanner.java.frontend.ResolvedCall;
import dev.shipgate.scanner.java.taint.CallEvent;
import dev.shipgate.scanner.java.taint.JavaCheck;
import dev.shipgate.scanner.java.taint.MethodVisitor;
import dev.shipgate.scanner.java.taint.Reporter;
import dev.shipgate.scanner.java.taint.Value;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A cryptographic or token-signing key written into the source: {@code new SecretKeySpec("...".getBytes(), ...)},
 * a literal byte array, jjwt {@code Keys.hmacShaKeyFor}/{@code signWith}/{@code setSigningKey}, auth0
 * {@code Algorithm.HMAC256("...")}, Nimbus {@code MACSigner}, a literal {@code PBEKeySpec} password.
 * Keys read from configuration, the environment or a key store are not literal and are not reported. A literal passed
 * to a repository method that hands that parameter (as it is, as its bytes or chars, or decoded) to one of these
 * APIs, directly or through further such methods, is reported at the call that passes it.
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
    boolean jjwt = method.owner().unit().importsFrom("io.jsonwebtoken.");
    LiteralBytes.Tracker locals = new LiteralBytes.Tracker(method);
    return new MethodVisitor() {
      @Override
      public void call(CallEvent e) {
        int key = keyArgument(e.call(), e.argTrees(), e.project(), jjwt);
        if (key >= 0 && key < e.argTrees().size() && locals.at(e.project()).isLiteralOrString(e.argTrees().get(key))) {
          e.reporter().report(RULE, e.tree(), "The key passed to `" + callName(e) + "` is written in the source", null);
        }
        Set<Integer> helperKeys = new TreeSet<>();
        for (MethodInfo target : e.call().targets()) {
          helperKeys.addAll(keyParameters(target, e.project(), 0));
        }
        for (int i : helperKeys) {
          if (i < e.argTrees().size() && locals.at(e.project()).isLiteralOrString(e.argTrees().get(i))) {
            e.reporter().report(RULE, e.tree(), "The key passed to `" + e.call().name() + "`, which uses it as key material,"
                + " is written in the source", null);
            break;
          }
        }
        Set<Integer> judged = new TreeSet<>(helperKeys);
        if (key >= 0) {
          judged.add(key);
        }
        locals.called(e, judged);
      }

      @Override
      public void assign(String variable, Value value, Tree at, Reporter reporter) {
        locals.assigned(variable, at);
      }
    };
  }

  /** Which argument of this call is the key, or -1. */
  private static int keyArgument(ResolvedCall call, List<? extends ExpressionTree> args, JavaProject project, boolean jjwt) {
    String name = call.name();
    String type = call.declaringType();
    if (name.equals("<init>") && type != null && SPEC_TYPES.contains(type)) {
      return 0;
    }
    if (type != null && name.equals("hmacShaKeyFor") && project.isSubtype(type, "io.jsonwebtoken.security.Keys")) {
      return 0;
    }
    if (type != null && HMAC_FACTORIES.contains(name) && project.isSubtype(type, "com.auth0.jwt.algorithms.Algorithm")) {
      return 0;
    }
    if (jjwt && name.equals("signWith") && args.size() == 2 && args.get(0).toString().contains("SignatureAlgorithm.")) {
      return 1; // jjwt before 0.10: signWith(SignatureAlgorithm, String base64Key | byte[] key)
    }
    if (jjwt && name.equals("setSigningKey") && args.size() == 1) {
      return 0;
    }
    return -1;
  }

  /** Helpers' key parameters, per project (the check outlives one scan). */
  private final Map<MethodInfo, Set<Integer>> keyParams = new ConcurrentHashMap<>();
  private volatile JavaProject keyParamsProject;
  private static final int MAX_HELPER_DEPTH = 3;
  private static final Set<String> PASS_THROUGH = Set.of("getBytes", "toCharArray", "decode", "decodeHex", "parseHexBinary",
      "parseBase64Binary", "decodeBase64");

  /**
   * Parameters that {@code m} hands, unchanged, as its bytes or chars or decoded, to a key API or to another method's key
   * parameter; none when the parameter is assigned in {@code m}.
   */
  private Set<Integer> keyParameters(MethodInfo m, JavaProject project, int depth) {
    if (keyParamsProject != project) {
      keyParams.clear();
      keyParamsProject = project;
    }
    Set<Integer> cached = keyParams.get(m);
    if (cached != null) {
      return cached;
    }
    if (m.body() == null || m.paramNames().isEmpty() || depth > MAX_HELPER_DEPTH) {
      return Set.of();
    }
    keyParams.put(m, Set.of()); // recursion ends here
    boolean jjwt = m.owner().unit().importsFrom("io.jsonwebtoken.");
    Set<String> assigned = new HashSet<>();
    Set<Integer> out = new TreeSet<>();
    MethodScope scope = project.scope(m);
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitAssignment(AssignmentTree node, Void p) {
        if (node.getVariable() instanceof IdentifierTree id) {
          assigned.add(id.getName().toString());
        }
        return super.visitAssignment(node, p);
      }

      @Override
      public Void visitNewClass(NewClassTree node, Void p) {
        ResolvedCall rc = project.resolveNew(scope, node);
        judge(rc, node.getArguments());
        return super.visitNewClass(node, p);
      }

      @Override
      public Void visitMethodInvocation(MethodInvocationTree node, Void p) {
        judge(project.resolveCall(scope, node), node.getArguments());
        return super.visitMethodInvocation(node, p);
      }

      private void judge(ResolvedCall rc, List<? extends ExpressionTree> args) {
        Set<Integer> keys = new TreeSet<>();
        int direct = keyArgument(rc, args, project, jjwt);
        if (direct >= 0) {
          keys.add(direct);
        }
        for (MethodInfo t : rc.targets()) {
          if (!t.equals(m)) {
            keys.addAll(keyParameters(t, project, depth + 1));
          }
        }
        for (int k : keys) {
          int param = k < args.size() ? m.paramNames().indexOf(parameterRead(args.get(k))) : -1;
          if (param >= 0) {
            out.add(param);
          }
        }
      }
    }.scan(m.body(), null);
    out.removeIf(i -> assigned.contains(m.paramNames().get(i)));
    Set<Integer> result = Set.copyOf(out);
    keyParams.put(m, result);
    return result;
  }

  /** The name read by {@code p}, {@code p.getBytes(...)}, {@code decoder.decode(p)} and the like, or null. */
  private static String parameterRead(ExpressionTree e) {
    for (int i = 0; i < 4; i++) {
      if (e instanceof IdentifierTree id) {
        return id.getName().toString();
      }
      if (!(e instanceof MethodInvocationTree mi) || !PASS_THROUGH.contains(CallChain.name(mi))) {
        return null;
      }
      e = mi.getArguments().isEmpty() && mi.getMethodSelect() instanceof MemberSelectTree ms ? ms.getExpression()
          : mi.getArguments().size() == 1 && !CallChain.name(mi).equals("getBytes") ? mi.getArguments().get(0)
          : mi.getMethodSelect() instanceof MemberSelectTree ms2 ? ms2.getExpression() : null;
    }
    return null;
  }

  private static String callName(CallEvent e) {
    String type = e.call().declaringType();
    String simple = type == null ? "" : type.substring(type.lastIndexOf('.') + 1);
    return e.call().name().equals("<init>") ? "new " + simple : e.call().name();
  }
}
