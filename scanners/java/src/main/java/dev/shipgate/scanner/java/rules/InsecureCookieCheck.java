package dev.shipgate.scanner.java.rules;

import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
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
 * A servlet cookie created in a method and added to the response without {@code setSecure(true)} or
 * {@code setHttpOnly(true)} before {@code addCookie}. Cookies that come from elsewhere are not judged.
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
      dev.shipgate.scanner.java.frontend.JavaProject project) {
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

  private static final class CookieState {
    boolean secure;
    boolean httpOnly;
  }

  @Override
  public MethodVisitor begin(MethodInfo method) {
    return new MethodVisitor() {
      final Map<String, CookieState> cookies = new HashMap<>();
      boolean justCreated;

      @Override
      public void call(CallEvent e) {
        String name = e.call().name();
        String type = e.call().declaringType();
        boolean onCookie = type != null && (e.project().isSubtype(type, "javax.servlet.http.Cookie")
            || e.project().isSubtype(type, "jakarta.servlet.http.Cookie"));
        if (name.equals("<init>") && onCookie) {
          justCreated = true;
          return;
        }
        if (onCookie && e.receiverVariable() != null && (name.equals("setSecure") || name.equals("setHttpOnly"))) {
          CookieState s = cookies.get(e.receiverVariable());
          if (s != null && Boolean.TRUE.equals(e.constantArg(0))) {
            if (name.equals("setSecure")) {
              s.secure = true;
            } else {
              s.httpOnly = true;
            }
          }
          return;
        }
        if (name.equals("addCookie") && e.argTrees().size() == 1) {
          ExpressionTree arg = e.argTrees().get(0);
          CookieState s = arg instanceof IdentifierTree id ? cookies.get(id.getName().toString()) : null;
          if (s == null) {
            return;
          }
          if (!s.secure) {
            e.reporter().report(NOT_SECURE, e.tree(), "Cookie `" + arg + "` is added without setSecure(true)", null);
          }
          if (!s.httpOnly) {
            e.reporter().report(NOT_HTTP_ONLY, e.tree(), "Cookie `" + arg + "` is added without setHttpOnly(true)", null);
          }
        }
      }

      @Override
      public void assign(String variable, Value value, Tree at, Reporter reporter) {
        if (justCreated) {
          cookies.put(variable, new CookieState());
          justCreated = false;
        }
      }
    };
  }
}
