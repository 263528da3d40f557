package dev.shipgate.scanner.java.rules;

import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreeScanner;
import dev.shipgate.core.model.Confidence;
import dev.shipgate.core.model.Finding;
import dev.shipgate.core.model.Fix;
import dev.shipgate.core.model.Location;
import dev.shipgate.core.model.Rule;
import dev.shipgate.core.model.Severity;
import dev.shipgate.core.scan.SourceFile;
import dev.shipgate.scanner.java.frontend.JavaProject;
import dev.shipgate.scanner.java.frontend.MethodInfo;
import dev.shipgate.scanner.java.frontend.MethodScope;
import dev.shipgate.scanner.java.taint.CallEvent;
import dev.shipgate.scanner.java.taint.JavaCheck;
import dev.shipgate.scanner.java.taint.MethodVisitor;
import dev.shipgate.scanner.java.taint.Reporter;
import dev.shipgate.scanner.java.taint.Value;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * A servlet cookie created in a method (or returned by a repository factory that creates it) and added to the
 * response without {@code setSecure(true)} or {@code setHttpOnly(true)} before {@code addCookie}, there or in a
 * repository method the cookie is handed to. A flag set from a non-constant value (a helper's parameter counts as
 * the constant its caller passes), and cookies passed to library code or created elsewhere, are not judged.
 */
public final class InsecureCookieCheck implements JavaCheck {

  static final Rule NOT_SECURE = Rule.builder("java/web/cookie-without-secure", "java")
      .title("Cookie without the Secure flag")
      .severity(Severity.MEDIUM)
      .confidence(Confidence.HIGH)
      .cwe("CWE-614")
      .tags("owasp-top10:A05:2021", "asvs:4.0.3-3.4.1")
      .description("The cookie is sent without the Secure attribute, so browsers also send it over plain HTTP where"
          + " anyone on the network can read it.")
      .fix("Call cookie.setSecure(true) before response.addCookie(cookie) (or set server.servlet.session.cookie.secure).")
      .build();

  static final Rule NOT_HTTP_ONLY = Rule.builder("java/web/cookie-without-httponly", "java")
      .title("Cookie without the HttpOnly flag")
      .severity(Severity.LOW)
      .confidence(Confidence.HIGH)
      .cwe("CWE-1004")
      .tags("owasp-top10:A05:2021", "asvs:4.0.3-3.4.2")
      .description("The cookie is readable from JavaScript, so a cross-site scripting bug can steal it.")
      .fix("Call cookie.setHttpOnly(true) before response.addCookie(cookie) unless scripts must read it.")
      .build();

  @Override
  public List<Rule> rules() {
    return List.of(NOT_SECURE, NOT_HTTP_ONLY);
  }

  private static final Pattern ADD_COOKIE = Pattern.compile("^(\\s*)[\\w.]+(?:\\(\\))?\\.addCookie\\(\\s*(\\w+)\\s*\\)\\s*;");

  /**
   * Inserts {@code cookie.setSecure(true);} and/or {@code cookie.setHttpOnly(true);} right before the
   * {@code addCookie} statement, with its indentation. Both findings on one line share one edit. Offered only
   * when the statement stands alone on its line after a completed statement or block, so that the insertion
   * cannot fall under a brace-less {@code if}.
   */
  @Override
  public Map<Finding, Fix> fixes(List<Finding> findings, Function<String, SourceFile> sources,
      JavaProject project) {
    Map<String, List<Finding>> byLine = new java.util.LinkedHashMap<>();
    for (Finding f : findings) {
      byLine.computeIfAbsent(f.location().path() + ":" + f.location().startLine(), k -> new java.util.ArrayList<>()).add(f);
    }
    Map<Finding, Fix> out = new HashMap<>();
    for (List<Finding> group : byLine.values()) {
      Location at = group.get(0).location();
      SourceFile file = sources.apply(at.path());
      if (file == null) {
        continue;
      }
      java.util.regex.Matcher m = ADD_COOKIE.matcher(file.line(at.startLine()));
      if (!m.find()) {
        continue;
      }
      String cookie = m.group(2);
      boolean secure = group.stream().anyMatch(f -> f.rule().equals(NOT_SECURE));
      boolean httpOnly = group.stream().anyMatch(f -> f.rule().equals(NOT_HTTP_ONLY));
      List<String> calls = new java.util.ArrayList<>();
      if (secure) {
        calls.add(cookie + ".setSecure(true);");
      }
      if (httpOnly) {
        calls.add(cookie + ".setHttpOnly(true);");
      }
      Fix.Edit edit = StatementInsert.before(file, at.path(), at.startLine(), calls.toArray(String[]::new));
      if (edit == null) {
        continue;
      }
      Fix fix = Fix.of("set the cookie's " + (secure && httpOnly ? "Secure and HttpOnly flags" : secure ? "Secure flag" : "HttpOnly flag"), edit);
      group.forEach(f -> out.put(f, fix));
    }
    return out;
  }

  /** What is known of one flag: set, explicitly or never set, or unknown (then nothing is reported). */
  private enum Flag { SET, NOT_SET, UNKNOWN }

  private static final class CookieState {
    Flag secure = Flag.NOT_SET;
    Flag httpOnly = Flag.NOT_SET;
  }

  /**
   * The flag a {@code setSecure}/{@code setHttpOnly} argument gives: a constant (literal, constant local or field,
   * configured value) decides; anything else (e.g. {@code request.isSecure()}) is unknown.
   */
  private static Flag flag(Object constant) {
    if (Boolean.TRUE.equals(constant) || "true".equals(constant)) {
      return Flag.SET;
    }
    return Boolean.FALSE.equals(constant) || "false".equals(constant) ? Flag.NOT_SET : Flag.UNKNOWN;
  }

  private static void report(CookieState s, CallEvent e, String cookie, String where) {
    if (s.secure == Flag.NOT_SET) {
      e.reporter().report(NOT_SECURE, e.tree(), "Cookie `" + cookie + "` is added" + where + " without setSecure(true)", null);
    }
    if (s.httpOnly == Flag.NOT_SET) {
      e.reporter().report(NOT_HTTP_ONLY, e.tree(), "Cookie `" + cookie + "` is added" + where + " without setHttpOnly(true)",
          null);
    }
  }

  /**
   * What a repository method does, in source order, with the cookie it receives as parameter {@code index}:
   * flags it sets (literal arguments, or a parameter given a constant by the caller: {@code constants} by
   * parameter index; others are unknown), helpers it hands the cookie on to (up to three deep), and whether it
   * adds the cookie to a response. Updates {@code s} and returns the state the cookie was added in, or null.
   * Flags set only on some paths count as set (the method is read, not executed).
   */
  private static CookieState helper(JavaProject project, MethodInfo target, int index, List<Object> constants,
      CookieState s, int depth) {
    if (!target.hasBody() || index >= target.paramNames().size() || depth > 3) {
      s.secure = Flag.UNKNOWN;
      s.httpOnly = Flag.UNKNOWN;
      return null;
    }
    return follow(project, target, target.paramNames().get(index), constants, s, depth);
  }

  /** As {@link #helper}, for the cookie held by {@code variable} (a parameter or a local) of {@code target}. */
  private static CookieState follow(JavaProject project, MethodInfo target, String param, List<Object> constants,
      CookieState s, int depth) {
    MethodScope scope = project.scope(target);
    CookieState[] added = {null};
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitMethodInvocation(MethodInvocationTree mi, Void p) {
        super.visitMethodInvocation(mi, p);
        String name = mi.getMethodSelect() instanceof MemberSelectTree ms ? ms.getIdentifier().toString()
            : mi.getMethodSelect() instanceof IdentifierTree id ? id.getName().toString() : "";
        boolean onParam = mi.getMethodSelect() instanceof MemberSelectTree ms && isParam(ms.getExpression());
        if (onParam && mi.getArguments().size() == 1 && (name.equals("setSecure") || name.equals("setHttpOnly"))) {
          Flag f = flag(constant(mi.getArguments().get(0)));
          if (name.equals("setSecure")) {
            s.secure = f;
          } else {
            s.httpOnly = f;
          }
          return null;
        }
        for (int i = 0; i < mi.getArguments().size(); i++) {
          if (!isParam(mi.getArguments().get(i))) {
            continue;
          }
          if (name.equals("addCookie")) {
            if (added[0] == null) {
              added[0] = copy(s);
            }
            continue;
          }
          List<MethodInfo> next = project.resolveCall(scope, mi).targets();
          CookieState inner = next.size() == 1
              ? helper(project, next.get(0), i, mi.getArguments().stream().map(a -> constant(a)).toList(), s, depth + 1)
              : null;
          if (next.size() != 1) {
            s.secure = Flag.UNKNOWN;
            s.httpOnly = Flag.UNKNOWN;
          }
          if (inner != null && added[0] == null) {
            added[0] = inner;
          }
        }
        return null;
      }

      private boolean isParam(ExpressionTree e) {
        return e instanceof IdentifierTree id && id.getName().contentEquals(param);
      }

      /** A literal, or a parameter of {@code target} whose caller passed a constant; else null. */
      private Object constant(ExpressionTree e) {
        if (e instanceof LiteralTree l) {
          return l.getValue();
        }
        int at = e instanceof IdentifierTree id ? target.paramNames().indexOf(id.getName().toString()) : -1;
        return at >= 0 && at < constants.size() ? constants.get(at) : null;
      }

      @Override
      public Void visitClass(com.sun.source.tree.ClassTree node, Void p) {
        return null;
      }
    }.scan(target.body(), null);
    return added[0];
  }

  /**
   * The flags of the cookie a repository factory returns: every {@code return} names one local initialised with
   * {@code new Cookie(...)}, whose flags are read as for {@link #helper}; null when the method is not such a
   * factory or adds the cookie itself.
   */
  private static CookieState factory(JavaProject project, MethodInfo target, List<Object> constants) {
    if (!target.hasBody()) {
      return null;
    }
    String[] returned = {null};
    boolean[] other = {false};
    java.util.Set<String> created = new java.util.HashSet<>();
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitReturn(com.sun.source.tree.ReturnTree r, Void p) {
        String name = r.getExpression() instanceof IdentifierTree id ? id.getName().toString() : null;
        other[0] |= name == null || returned[0] != null && !returned[0].equals(name);
        returned[0] = name;
        return null;
      }

      @Override
      public Void visitVariable(com.sun.source.tree.VariableTree v, Void p) {
        if (v.getInitializer() instanceof com.sun.source.tree.NewClassTree n && n.getIdentifier().toString().endsWith("Cookie")) {
          created.add(v.getName().toString());
        }
        return super.visitVariable(v, p);
      }

      @Override
      public Void visitClass(com.sun.source.tree.ClassTree node, Void p) {
        return null;
      }

      @Override
      public Void visitLambdaExpression(com.sun.source.tree.LambdaExpressionTree node, Void p) {
        return null;
      }
    }.scan(target.body(), null);
    if (other[0] || returned[0] == null || !created.contains(returned[0])) {
      return null;
    }
    CookieState s = new CookieState();
    return follow(project, target, returned[0], constants, s, 0) == null ? s : null;
  }

  private static CookieState copy(CookieState s) {
    CookieState c = new CookieState();
    c.secure = s.secure;
    c.httpOnly = s.httpOnly;
    return c;
  }

  @Override
  public MethodVisitor begin(MethodInfo method) {
    return new MethodVisitor() {
      final Map<String, CookieState> cookies = new HashMap<>();
      boolean justCreated;
      /** The flags of the cookie the last call returned, when it was a repository cookie factory. */
      CookieState fromFactory;

      @Override
      public void call(CallEvent e) {
        String name = e.call().name();
        String type = e.call().declaringType();
        boolean onCookie = type != null && (e.project().isSubtype(type, "javax.servlet.http.Cookie")
            || e.project().isSubtype(type, "jakarta.servlet.http.Cookie"));
        fromFactory = null;
        if (name.equals("<init>") && onCookie) {
          justCreated = true;
          return;
        }
        String returns = e.call().returnType();
        if (returns != null && returns.endsWith("Cookie") && e.call().targets().size() == 1
            && (e.project().isSubtype(returns, "javax.servlet.http.Cookie")
            || e.project().isSubtype(returns, "jakarta.servlet.http.Cookie"))) {
          fromFactory = factory(e.project(), e.call().targets().get(0), constants(e));
        }
        if (onCookie && e.receiverVariable() != null && (name.equals("setSecure") || name.equals("setHttpOnly"))) {
          CookieState s = cookies.get(e.receiverVariable());
          if (s != null) {
            Flag f = flag(e.constantArg(0));
            if (name.equals("setSecure")) {
              s.secure = f;
            } else {
              s.httpOnly = f;
            }
          }
          return;
        }
        if (name.equals("addCookie") && e.argTrees().size() == 1) {
          ExpressionTree arg = e.argTrees().get(0);
          CookieState s = arg instanceof IdentifierTree id ? cookies.get(id.getName().toString()) : null;
          if (s != null) {
            report(s, e, arg.toString(), "");
          }
          return;
        }
        // A cookie handed to another method: a repository method is read for what it does to the cookie; any other
        // call could change it unseen, so the cookie is no longer judged.
        for (int i = 0; i < e.argTrees().size() && !cookies.isEmpty(); i++) {
          if (!(e.argTrees().get(i) instanceof IdentifierTree id) || !cookies.containsKey(id.getName().toString())) {
            continue;
          }
          handedOn(e, i, id.getName().toString());
        }
      }

      private void handedOn(CallEvent e, int i, String variable) {
        CookieState s = cookies.get(variable);
        List<MethodInfo> targets = e.call().targets();
        if (targets.size() == 1) {
          CookieState added = helper(e.project(), targets.get(0), i, constants(e), s, 0);
          if (added != null) {
            report(added, e, variable, " by `" + targets.get(0).name() + "`");
          }
        } else {
          s.secure = Flag.UNKNOWN;
          s.httpOnly = Flag.UNKNOWN;
        }
      }

      private List<Object> constants(CallEvent e) {
        List<Object> out = new java.util.ArrayList<>();
        for (int i = 0; i < e.args().size(); i++) {
          out.add(e.constantArg(i));
        }
        return out;
      }

      @Override
      public void assign(String variable, Value value, Tree at, Reporter reporter) {
        if (justCreated) {
          cookies.put(variable, new CookieState());
          justCreated = false;
        } else if (fromFactory != null) {
          cookies.put(variable, fromFactory);
        }
        fromFactory = null;
      }
    };
  }
}
