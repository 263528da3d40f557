package dev.shipgate.scanner.java.rules;

import com.sun.source.tree.Tree;
import dev.shipgate.core.model.Confidence;
import dev.shipgate.core.model.Finding;
import dev.shipgate.core.model.Fix;
import dev.shipgate.core.model.Location;
import dev.shipgate.core.model.Rule;
import dev.shipgate.core.model.Severity;
import dev.shipgate.core.scan.SourceFile;
import dev.shipgate.scanner.java.frontend.MethodInfo;
import dev.shipgate.scanner.java.taint.CallEvent;
import dev.shipgate.scanner.java.taint.Fact;
import dev.shipgate.scanner.java.taint.JavaCheck;
import dev.shipgate.scanner.java.taint.MethodVisitor;
import dev.shipgate.scanner.java.taint.Reporter;
import dev.shipgate.scanner.java.taint.Step;
import dev.shipgate.scanner.java.taint.Value;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A value from {@code java.util.Random} or {@code Math.random()} stored in something security-named
 * (token, password, session id, key ...), returned from a security-named method, put in a cookie or kept in
 * the HTTP session (where per-user random values are identifiers, nonces or captcha answers).
 * Random numbers for shuffling, sampling or jitter are not reported.
 */
public final class InsecureRandomCheck implements JavaCheck {

  static final Rule RULE = Rule.builder("java/crypto/insecure-random", "java")
      .title("Predictable random value used for a secret")
      .severity(Severity.HIGH)
      .confidence(Confidence.MEDIUM)
      .cwe("CWE-330")
      .tags("owasp-top10:A02:2021", "asvs:4.0.3-6.3.1")
      .description("java.util.Random and Math.random() are predictable: after a few outputs an attacker can compute the"
          + " next ones, so tokens, keys, passwords or session ids made from them can be guessed.")
      .fix("Use java.security.SecureRandom (one shared instance) for anything an attacker must not guess.")
      .build();

  // Lower-cased names; "key" only as a word end so "keyboard" or "keyIndex" do not count.
  private static final Pattern SECURITY_NAME = Pattern.compile(
      "token|secret|passw|pwd|nonce|salt|otp|session|remember|csrf|xsrf|apikey|api_key|credential|auth(?!or)|signature"
          + "|verification|activation|resetcode|key$|^iv$|_iv$|ivbytes");

  @Override
  public List<Rule> rules() {
    return List.of(RULE);
  }

  static boolean securityNamed(String name) {
    String n = name.startsWith("this.") ? name.substring(5) : name;
    n = n.substring(n.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
    return SECURITY_NAME.matcher(n).find();
  }

  /**
   * The path of a random value that reached here as a value (through variables, calls and returns). A
   * random number stored inside some object does not make the whole object a secret, so paths through a
   * "stored by" step (the engine's object-level field summary) do not count.
   */
  private static Step randomPath(Value v) {
    for (Fact f : v.deepFacts()) {
      if (f.isSource() && f.sourceKind().equals("random") && !throughObject(f.path())) {
        return f.path();
      }
    }
    return null;
  }

  private static boolean throughObject(Step path) {
    for (Step s = path; s != null; s = s.previous()) {
      if (s.message().startsWith("stored by")) {
        return true;
      }
    }
    return false;
  }

  /** Where the random value was made, and what makes the same kind of value securely. */
  private static final List<Map.Entry<Pattern, String>> SECURE_REPLACEMENTS = List.of(
      Map.entry(Pattern.compile("new\\s+(?:java\\.util\\.)?Random\\s*\\(\\s*\\)"), "new java.security.SecureRandom()"),
      Map.entry(Pattern.compile("(?<![\\w.])(?:java\\.lang\\.)?Math\\.random\\s*\\(\\s*\\)"), "new java.security.SecureRandom().nextDouble()"),
      // Only as an inline call: a ThreadLocalRandom-typed variable could not hold a SecureRandom.
      Map.entry(Pattern.compile("(?<![\\w.])(?:java\\.util\\.concurrent\\.)?ThreadLocalRandom\\.current\\s*\\(\\s*\\)(?=\\s*\\.\\s*next)"),
          "new java.security.SecureRandom()"));

  /**
   * Replaces the generator where the flow starts ({@code new Random()}, {@code Math.random()}, an inline
   * {@code ThreadLocalRandom.current()}) with {@code SecureRandom}, a subclass of {@code Random} with the same
   * methods. A seeded {@code new Random(seed)} is left alone: a seed means someone wants repeatable values.
   */
  @Override
  public Map<Finding, Fix> fixes(List<Finding> findings, Function<String, SourceFile> sources,
      dev.shipgate.scanner.java.frontend.JavaProject project) {
    Map<Finding, Fix> out = new HashMap<>();
    for (Finding f : findings) {
      if (f.flow().isEmpty()) {
        continue;
      }
      Location origin = f.flow().get(0).location();
      SourceFile file = sources.apply(origin.path());
      if (file == null || origin.startLine() < 1) {
        continue;
      }
      String line = file.line(origin.startLine());
      int lineStart = file.lineStart(origin.startLine());
      Fix fix = null;
      int matches = 0;
      for (Map.Entry<Pattern, String> r : SECURE_REPLACEMENTS) {
        Matcher m = r.getKey().matcher(line);
        while (m.find()) {
          matches++;
          fix = Fix.of("use java.security.SecureRandom", new Fix.Edit(origin.path(), lineStart + m.start(), lineStart + m.end(), r.getValue()));
        }
      }
      if (matches == 0) {
        fix = atDeclaration(file, origin.path(), line);
        matches = fix == null ? 0 : 1;
      }
      if (matches == 1) {
        out.put(f, fix);
      }
    }
    return out;
  }

  private static final Pattern NEXT_CALL = Pattern.compile("(?<![\\w.])(\\w+)\\s*\\.\\s*next\\w*\\s*\\(");

  /**
   * The value came from {@code generator.nextX()}: replace the generator where the file declares it, when
   * the file declares that name with {@code new Random()} exactly once. The declared type changes too
   * ({@code Random} or {@code var}), since calls on a {@code Random}-typed variable are judged by its type.
   */
  private static Fix atDeclaration(SourceFile file, String path, String sourceLine) {
    Matcher call = NEXT_CALL.matcher(sourceLine);
    if (!call.find()) {
      return null;
    }
    Matcher decl = Pattern.compile("\\b(?:(?:java\\.util\\.)?Random|var)(\\s+" + Pattern.quote(call.group(1))
        + "\\s*=\\s*)new\\s+(?:java\\.util\\.)?Random\\s*\\(\\s*\\)").matcher(file.text());
    if (!decl.find()) {
      return null;
    }
    String replacement = (decl.group().startsWith("var") ? "var" : "java.security.SecureRandom") + decl.group(1)
        + "new java.security.SecureRandom()";
    int start = decl.start();
    int end = decl.end();
    return decl.find() ? null : Fix.of("use java.security.SecureRandom", new Fix.Edit(path, start, end, replacement));
  }

  @Override
  public MethodVisitor begin(MethodInfo method) {
    return new MethodVisitor() {
      @Override
      public void assign(String variable, Value value, Tree at, Reporter reporter) {
        Step p = randomPath(value);
        if (p != null && securityNamed(variable)) {
          reporter.report(RULE, at, "A java.util.Random value is stored in `" + variable + "`", p);
        }
      }

      @Override
      public void returns(Value value, Tree at, Reporter reporter) {
        Step p = randomPath(value);
        // the name test (a regular expression) only once a random value is returned: most methods return none
        if (p != null && securityNamed(method.name()) && !method.name().startsWith("set")) {
          reporter.report(RULE, at, "`" + method.name() + "` returns a java.util.Random value", p);
        }
      }

      @Override
      public void call(CallEvent e) {
        boolean cookie = e.call().name().equals("<init>") && e.call().declaringType() != null
            && e.call().declaringType().endsWith(".Cookie") && e.args().size() == 2;
        if (cookie) {
          Step p = randomPath(e.args().get(1));
          if (p != null) {
            e.reporter().report(RULE, e.tree(), "A cookie value comes from java.util.Random", p);
          }
        }
        boolean session = e.args().size() == 2 && (e.call().name().equals("setAttribute") || e.call().name().equals("putValue"))
            && (e.is("javax.servlet.http.HttpSession", e.call().name()) || e.is("jakarta.servlet.http.HttpSession", e.call().name()));
        if (session) {
          Step p = randomPath(e.args().get(1));
          if (p != null) {
            e.reporter().report(RULE, e.tree(), "A session attribute comes from java.util.Random", p);
          }
        }
      }
    };
  }
}
