package dev.shipgate.scanner.java.rules;

import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.ConditionalExpressionTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewArrayTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TypeCastTree;
import com.sun.source.tree.VariableTree;
import dev.shipgate.core.model.Confidence;
import dev.shipgate.core.model.Rule;
import dev.shipgate.core.model.Severity;
import dev.shipgate.scanner.java.frontend.MethodInfo;
import dev.shipgate.scanner.java.taint.CallEvent;
import dev.shipgate.scanner.java.taint.JavaCheck;
import dev.shipgate.scanner.java.taint.MethodVisitor;
import dev.shipgate.scanner.java.taint.Reporter;
import dev.shipgate.scanner.java.taint.Value;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Credentials written to a log: a value named like a password, secret, token or API key, a credential
 * getter ({@code getPassword()}), or the {@code Authorization}/{@code Cookie} request header, passed to a
 * logger (SLF4J, Log4j 2, java.util.logging, Commons Logging, Lombok's {@code log}) or to
 * {@code System.out}/{@code System.err}. Logs are copied to aggregators, tickets and chat, and are rarely
 * protected like a credential store. Values that went through a masking, hashing or length call are fine.
 */
public final class CredentialLoggingCheck implements JavaCheck {

  static final Rule RULE = Rule.builder("java/logging/credential-logged", "java")
      .title("Credential written to a log")
      .severity(Severity.MEDIUM)
      .confidence(Confidence.HIGH)
      .cwe("CWE-532")
      .tags("owasp-top10:A09:2021", "asvs:4.0.3-7.1.1", "ssdf:PW.1.1", "iso27001:2022-A.8.15", "soc2:CC6.1")
      .description("A password, secret, token, API key or an Authorization/Cookie header value is passed to a logger or"
          + " to standard output. Log lines travel to aggregators, support tickets and chat rooms and are kept for"
          + " months, so anyone with log access can reuse the credential.")
      .fix("Do not log the value. Log that the event happened, an identifier that is not secret, or a masked form"
          + " (first characters and a hash); for request logging, redact Authorization and Cookie headers centrally.")
      .build();

  private static final Set<String> LOG_LEVELS = Set.of("trace", "debug", "info", "warn", "error", "fatal", "log", "fine",
      "finer", "finest", "config", "warning", "severe", "printf", "println", "print", "format", "atInfo", "atDebug");
  private static final Set<String> LOGGER_TYPES = Set.of("org.slf4j.Logger", "org.apache.logging.log4j.Logger",
      "java.util.logging.Logger", "org.apache.commons.logging.Log", "java.lang.System.Logger", "org.jboss.logging.Logger");
  private static final Set<String> LOGGER_NAMES = Set.of("log", "logger", "LOG", "LOGGER", "Log", "Logger");
  private static final Set<String> SECRET_HEADERS = Set.of("authorization", "proxy-authorization", "cookie", "set-cookie", "x-api-key");

  /** Whole camel-case words that name a credential. */
  private static final Pattern CREDENTIAL = Pattern.compile(
      "(?:^|[a-z0-9_])(password|passwd|passphrase|secret|token|apikey|api_key|credentials?|privatekey|authorization|authheader|cookie)$");
  /** Names that describe a credential without holding it. */
  private static final Pattern DESCRIPTIVE = Pattern.compile(
      "hash|encrypt|mask|redact|expir|type|name|length|count|url|endpoint|policy|field|param|header(?!value)|valid|required|enabled|strength|reset|prefix|file|path");
  /** Calls whose result no longer reveals their argument or receiver. */
  private static final Pattern SAFE_CALL = Pattern.compile(
      "(?i)^(mask\\w*|redact\\w*|hash\\w*|sha\\w*|md5\\w*|digest\\w*|encrypt\\w*|obfuscate\\w*|abbreviate|length|size|isEmpty|isBlank|hashCode|equals\\w*|matches|startsWith|endsWith|contains|getClass|getAlgorithm|getName|getUsername|getUserName|getId|getType|count|len)$");

  @Override
  public List<Rule> rules() {
    return List.of(RULE);
  }

  private record Assigned(String variable, ExpressionTree rhs) {}

  @Override
  public MethodVisitor begin(MethodInfo method) {
    return new MethodVisitor() {
      /** Locals that were assigned a credential, with what it was. */
      final Map<String, String> carriers = new HashMap<>();
      /**
       * Assignments not yet judged, in order: most methods log nothing, so the names are read (a regular expression per
       * name) only when a log call needs the carriers, replaying the assignments as they came.
       */
      final List<Assigned> pending = new ArrayList<>();

      @Override
      public void assign(String variable, Value value, Tree at, Reporter reporter) {
        ExpressionTree rhs = at instanceof VariableTree v ? v.getInitializer() : at instanceof AssignmentTree a ? a.getExpression() : null;
        pending.add(new Assigned(variable, rhs));
      }

      private void judgePending() {
        for (Assigned p : pending) {
          String what = p.rhs() == null ? null : credential(p.rhs(), carriers);
          if (what != null) {
            carriers.put(p.variable(), what);
          } else {
            carriers.remove(p.variable());
          }
        }
        pending.clear();
      }

      @Override
      public void call(CallEvent e) {
        if (!isLogCall(e)) {
          return;
        }
        judgePending();
        for (ExpressionTree arg : e.argTrees()) {
          String what = credential(arg, carriers);
          if (what != null) {
            e.reporter().report(RULE, e.tree(), what + " is written to the log by `" + e.call().name() + "`", null);
            return;
          }
        }
      }
    };
  }

  private static boolean isLogCall(CallEvent e) {
    String name = e.call().name();
    if (!LOG_LEVELS.contains(name) || !(e.tree() instanceof MethodInvocationTree mi)
        || !(mi.getMethodSelect() instanceof MemberSelectTree select)) {
      return false;
    }
    String type = e.call().declaringType();
    if (type != null) {
      for (String t : LOGGER_TYPES) {
        if (e.project().isSubtype(type, t)) {
          return true;
        }
      }
    }
    String receiver = select.getExpression().toString();
    if (receiver.equals("System.out") || receiver.equals("System.err")) {
      return true;
    }
    // Lombok's @Slf4j/@Log4j2 field is not declared in the source; an unresolved `log.info(...)` is a logger.
    return type == null && LOGGER_NAMES.contains(receiver);
  }

  /** What credential {@code e} carries (for the message), or null. */
  static String credential(ExpressionTree e, Map<String, String> carriers) {
    if (e instanceof ParenthesizedTree p) {
      return credential(p.getExpression(), carriers);
    }
    if (e instanceof TypeCastTree c) {
      return credential(c.getExpression(), carriers);
    }
    if (e instanceof ConditionalExpressionTree c) {
      String t = credential(c.getTrueExpression(), carriers);
      return t != null ? t : credential(c.getFalseExpression(), carriers);
    }
    if (e instanceof BinaryTree b && b.getKind() == Tree.Kind.PLUS) {
      String l = credential(b.getLeftOperand(), carriers);
      return l != null ? l : credential(b.getRightOperand(), carriers);
    }
    if (e instanceof NewArrayTree a && a.getInitializers() != null) {
      for (ExpressionTree i : a.getInitializers()) {
        String found = credential(i, carriers);
        if (found != null) {
          return found;
        }
      }
      return null;
    }
    if (e instanceof IdentifierTree id) {
      String name = id.getName().toString();
      return carriers.containsKey(name) ? carriers.get(name) : credentialNamed(name) ? "`" + name + "`" : null;
    }
    if (e instanceof MemberSelectTree s) {
      String name = s.getIdentifier().toString();
      return credentialNamed(name) ? "`" + s + "`" : null;
    }
    if (e instanceof MethodInvocationTree call) {
      return credentialCall(call, carriers);
    }
    return null;
  }

  private static String credentialCall(MethodInvocationTree call, Map<String, String> carriers) {
    ExpressionTree select = call.getMethodSelect();
    String method = select instanceof MemberSelectTree s ? s.getIdentifier().toString() : select.toString();
    if (SAFE_CALL.matcher(method).matches()) {
      return null;
    }
    if (method.equals("getHeader") && call.getArguments().size() == 1 && call.getArguments().get(0) instanceof LiteralTree lit
        && lit.getValue() instanceof String h && SECRET_HEADERS.contains(h.toLowerCase(Locale.ROOT))) {
      return "the " + h + " header";
    }
    if (method.startsWith("get") && method.length() > 3 && call.getArguments().isEmpty() && credentialNamed(method.substring(3))) {
      return "`" + call + "`";
    }
    // String building and conversions carry their input: String.valueOf(token), token.trim(), format(..., pw).
    if (select instanceof MemberSelectTree s) {
      String receiver = credential(s.getExpression(), carriers);
      if (receiver != null) {
        return receiver;
      }
    }
    for (ExpressionTree a : call.getArguments()) {
      String found = credential(a, carriers);
      if (found != null) {
        return found;
      }
    }
    return null;
  }

  static boolean credentialNamed(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return CREDENTIAL.matcher(lower).find() && !DESCRIPTIVE.matcher(lower).find();
  }
}
