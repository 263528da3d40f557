package dev.shipgate.scanner.java.rules;

import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TypeCastTree;
import com.sun.source.tree.VariableTree;
import dev.shipgate.core.model.Confidence;
import dev.shipgate.core.model.Finding;
import dev.shipgate.core.model.Rule;
import dev.shipgate.core.model.Severity;
import dev.shipgate.core.policy.PolicyException;
import dev.shipgate.core.policy.Settings;
import dev.shipgate.scanner.java.frontend.JavaProject;
import dev.shipgate.scanner.java.frontend.MethodInfo;
import dev.shipgate.scanner.java.frontend.TypeInfo;
import dev.shipgate.scanner.java.taint.CallEvent;
import dev.shipgate.scanner.java.taint.Constants;
import dev.shipgate.scanner.java.taint.JavaCheck;
import dev.shipgate.scanner.java.taint.MethodVisitor;
import dev.shipgate.scanner.java.taint.Reporter;
import dev.shipgate.scanner.java.taint.Value;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A JWT whose expiry is "now" plus a constant longer than the policy allows: jjwt {@code setExpiration}/
 * {@code expiration}, auth0 {@code withExpiresAt}, Nimbus {@code expirationTime}, with the expiry written as
 * {@code new Date(System.currentTimeMillis() + C)}, {@code Date.from(Instant.now().plus(...))} and the like, where C
 * is a constant or a field Spring sets from the repository's configuration ({@code @Value("${jwt.ttl}")}: a number,
 * or for a {@code Duration} field {@code 24h}, {@code PT24H} or milliseconds, as Spring converts them). The check records every constant lifetime on the finding ({@link #LIFETIME}); the scanner keeps those above the
 * limits of {@code scanners.java.jwt-max-lifetime} (access tokens) and {@code jwt-refresh-max-lifetime} (tokens
 * issued by a method or class whose name says refresh).
 */
public final class JwtLifetimeCheck implements JavaCheck {

  public static final String MAX_KEY = "jwt-max-lifetime";
  public static final String REFRESH_MAX_KEY = "jwt-refresh-max-lifetime";
  /** Finding properties: the lifetime in seconds, and whether the token is a refresh token. */
  static final String LIFETIME = "lifetime-seconds";
  static final String REFRESH = "refresh-token";

  public static final String RULE_ID = "java/auth/jwt-excessive-lifetime";

  static final Rule RULE = Rule.builder(RULE_ID, "java")
      .title("JWT lifetime above the policy limit")
      .severity(Severity.MEDIUM)
      .confidence(Confidence.HIGH)
      .cwe("CWE-613")
      .tags("owasp-top10:A07:2021", "asvs:4.0.3-3.5.3", "asvs:4.0.3-3.3.1")
      .description("The token is issued with an expiry further away than the policy allows. A bearer token that leaks"
          + " (logs, browser storage, a proxy) or belongs to a user who has since been locked out keeps working until it"
          + " expires, and a stateless JWT cannot be revoked before then.")
      .fix("Issue short-lived access tokens (minutes to hours) and renew them with a refresh token that is checked"
          + " against the server on use; raise scanners.java.jwt-max-lifetime only where a longer lifetime is intended.")
      .build();

  /** Limits, parsed from the policy section. */
  public record Limits(long accessSeconds, long refreshSeconds) {
    public static final Limits DEFAULT = new Limits(24 * 3600L, 30 * 24 * 3600L);

    /** Reads the two keys ({@code 15m}, {@code 24h}, {@code 30d}, {@code 3600s}); a bad value names its line. */
    public static Limits read(Settings section) throws PolicyException {
      return new Limits(duration(section, MAX_KEY, DEFAULT.accessSeconds), duration(section, REFRESH_MAX_KEY,
          DEFAULT.refreshSeconds));
    }

    private static long duration(Settings section, String key, long fallback) throws PolicyException {
      String v = section.string(key, null);
      if (v == null) {
        return fallback;
      }
      Matcher m = DURATION.matcher(v.trim());
      if (!m.matches() || m.group(1).length() > 9 || Long.parseLong(m.group(1)) == 0) {
        throw section.errorAt(key, "'" + key + "' must be a positive duration such as 15m, 24h or 30d, not '" + v + "'");
      }
      return Long.parseLong(m.group(1)) * UNIT_SECONDS.get(m.group(2));
    }

    /** Whether a finding of this check stays under these limits. */
    public boolean allows(Finding f) {
      String life = f.properties().get(LIFETIME);
      long limit = "true".equals(f.properties().get(REFRESH)) ? refreshSeconds : accessSeconds;
      return life != null && Long.parseLong(life) <= limit;
    }
  }

  private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(s|m|h|d)");
  private static final Map<String, Long> UNIT_SECONDS = Map.of("s", 1L, "m", 60L, "h", 3600L, "d", 86400L);
  private static final Set<String> EXPIRY = Set.of("setExpiration", "expiration", "withExpiresAt", "expirationTime");
  private static final Map<String, Long> PLUS_MS = Map.of("plusMillis", 1L, "plusSeconds", 1000L, "plusMinutes", 60_000L,
      "plusHours", 3_600_000L, "plusDays", 86_400_000L, "plusWeeks", 7 * 86_400_000L, "plusMonths", 30 * 86_400_000L,
      "plusYears", 365 * 86_400_000L);
  private static final Map<String, Long> UNIT_MS = Map.of("MILLIS", 1L, "MILLISECONDS", 1L, "SECONDS", 1000L, "MINUTES",
      60_000L, "HOURS", 3_600_000L, "DAYS", 86_400_000L, "WEEKS", 7 * 86_400_000L, "MONTHS", 30 * 86_400_000L, "YEARS",
      365 * 86_400_000L);
  private static final Map<String, Long> DURATION_MS = Map.of("ofMillis", 1L, "ofSeconds", 1000L, "ofMinutes", 60_000L,
      "ofHours", 3_600_000L, "ofDays", 86_400_000L);
  /** Calls that read the same instant in another form ({@code Date.from(i)}, {@code ldt.atZone(z).toInstant()}). */
  private static final Set<String> SAME_INSTANT = Set.of("from", "getTime", "toEpochMilli", "toInstant", "atZone",
      "atOffset", "toDate");
  private static final int MAX_DEPTH = 12;
  private static final Pattern WHOLE = Pattern.compile("\\d{1,15}");
  /** Spring Boot's simple duration form; a bare number is milliseconds. */
  private static final Pattern SPRING_DURATION = Pattern.compile("(\\d{1,15})(ms|s|m|h|d)?");
  private static final Map<String, Long> SPRING_UNIT_MS = Map.of("ms", 1L, "s", 1000L, "m", 60_000L, "h", 3_600_000L,
      "d", 86_400_000L);

  @Override
  public List<Rule> rules() {
    return List.of(RULE);
  }

  @Override
  public MethodVisitor begin(MethodInfo method) {
    if (!JwtWithoutExpiryCheck.importsJwtLibrary(method.owner().unit())) {
      return null;
    }
    boolean refresh = (method.name() + " " + method.owner().name()).toLowerCase(Locale.ROOT).contains("refresh");
    Map<String, ExpressionTree> locals = new HashMap<>();
    Map<String, Object> constants = new HashMap<>();
    return new MethodVisitor() {
      @Override
      public void assign(String variable, Value value, Tree at, Reporter reporter) {
        ExpressionTree e = at instanceof VariableTree v ? v.getInitializer() : at instanceof AssignmentTree a ? a.getExpression() : null;
        locals.put(variable, e);
        constants.put(variable, value.constant());
      }

      @Override
      public void call(CallEvent e) {
        if (!EXPIRY.contains(e.call().name()) || e.argTrees().size() != 1) {
          return;
        }
        Long ms = new Lifetime(method, e.project(), locals, constants, e.fieldConstants()).offsetMs(e.argTrees().get(0), 0);
        if (ms == null || ms <= 0) {
          return; // not "now plus a constant", or a constant that overflowed into the past
        }
        long seconds = ms / 1000;
        e.reporter().reportWith(RULE, e.tree(), "The " + (refresh ? "refresh " : "") + "token expires " + human(seconds)
            + " after it is issued", Map.of(LIFETIME, Long.toString(seconds), REFRESH, Boolean.toString(refresh)));
      }
    };
  }

  /** A configured {@code Duration} as Spring converts it: {@code 24h}, {@code 30d}, ISO-8601 {@code PT24H}, or millis. */
  static Long springDurationMs(String text) {
    String t = text.trim();
    Matcher m = SPRING_DURATION.matcher(t);
    if (m.matches()) {
      return Long.parseLong(m.group(1)) * SPRING_UNIT_MS.get(m.group(2) == null ? "ms" : m.group(2));
    }
    try {
      return java.time.Duration.parse(t).toMillis();
    } catch (java.time.format.DateTimeParseException | ArithmeticException e) {
      return null; // not a duration Spring would accept either: the application fails at start
    }
  }

  private static String human(long seconds) {
    return seconds % 86400 == 0 ? seconds / 86400 + " d" : seconds % 3600 == 0 ? seconds / 3600 + " h"
        : seconds % 60 == 0 ? seconds / 60 + " min" : seconds + " s";
  }

  /** "Now plus a constant" read from expression trees, with the locals of one method. */
  private record Lifetime(MethodInfo method, JavaProject project, Map<String, ExpressionTree> locals,
      Map<String, Object> constants, Function<TypeInfo.FieldInfo, Object> fieldConstants) {

    /** Milliseconds after now that {@code e} (a Date, Instant, date-time or epoch millis) denotes, or null. */
    Long offsetMs(ExpressionTree e, int depth) {
      if (depth > MAX_DEPTH || e == null) {
        return null;
      }
      if (e instanceof ParenthesizedTree p) {
        return offsetMs(p.getExpression(), depth + 1);
      }
      if (e instanceof TypeCastTree c) {
        return offsetMs(c.getExpression(), depth + 1);
      }
      if (e instanceof IdentifierTree id) {
        String name = id.getName().toString();
        return locals.containsKey(name) ? offsetMs(locals.get(name), depth + 1) : null;
      }
      if (e instanceof NewClassTree n) {
        String type = n.getIdentifier().toString();
        if (!type.equals("Date") && !type.equals("java.util.Date")) {
          return null;
        }
        return n.getArguments().isEmpty() ? Long.valueOf(0) : n.getArguments().size() == 1
            ? offsetMs(n.getArguments().get(0), depth + 1) : null;
      }
      if (e instanceof BinaryTree b && (b.getKind() == Tree.Kind.PLUS || b.getKind() == Tree.Kind.MINUS)) {
        Long l = offsetMs(b.getLeftOperand(), depth + 1);
        Long r = constantMs(b.getRightOperand(), depth + 1);
        if (l != null && r != null) {
          return b.getKind() == Tree.Kind.PLUS ? l + r : l - r;
        }
        Long l2 = constantMs(b.getLeftOperand(), depth + 1);
        Long r2 = b.getKind() == Tree.Kind.PLUS ? offsetMs(b.getRightOperand(), depth + 1) : null;
        return l2 != null && r2 != null ? l2 + r2 : null;
      }
      if (!(e instanceof MethodInvocationTree mi)) {
        return null;
      }
      String name = CallChain.name(mi);
      ExpressionTree recv = mi.getMethodSelect() instanceof MemberSelectTree ms ? ms.getExpression() : null;
      List<? extends ExpressionTree> args = mi.getArguments();
      if (name.equals("now") && recv != null || name.equals("currentTimeMillis") && recv != null
          && recv.toString().endsWith("System")) {
        return 0L;
      }
      if (name.equals("from") && args.size() == 1) {
        return offsetMs(args.get(0), depth + 1); // Date.from(instant)
      }
      if (SAME_INSTANT.contains(name) && recv != null) {
        return offsetMs(recv, depth + 1);
      }
      Long base = recv == null ? null : offsetMs(recv, depth + 1);
      if (base == null) {
        return null;
      }
      Long add = null;
      if (PLUS_MS.containsKey(name) && args.size() == 1) {
        Long c = constant(args.get(0), depth + 1);
        add = c == null ? null : c * PLUS_MS.get(name);
      } else if (name.equals("plus") && args.size() == 1) {
        add = durationMs(args.get(0), depth + 1);
      } else if (name.equals("plus") && args.size() == 2 && args.get(1) instanceof MemberSelectTree unit
          && UNIT_MS.containsKey(unit.getIdentifier().toString())) {
        Long c = constant(args.get(0), depth + 1);
        add = c == null ? null : c * UNIT_MS.get(unit.getIdentifier().toString());
      }
      return add == null ? null : base + add;
    }

    /** A constant number of milliseconds: a number, or a {@code Duration}/{@code TimeUnit} conversion to millis. */
    private Long constantMs(ExpressionTree e, int depth) {
      if (e instanceof MethodInvocationTree mi && mi.getMethodSelect() instanceof MemberSelectTree ms) {
        String name = ms.getIdentifier().toString();
        if (name.equals("toMillis") && mi.getArguments().isEmpty()) {
          return durationMs(ms.getExpression(), depth + 1);
        }
        if (name.equals("toMillis") && mi.getArguments().size() == 1 && ms.getExpression() instanceof MemberSelectTree unit
            && UNIT_MS.containsKey(unit.getIdentifier().toString())) {
          Long c = constant(mi.getArguments().get(0), depth + 1);
          return c == null ? null : c * UNIT_MS.get(unit.getIdentifier().toString()); // TimeUnit.DAYS.toMillis(30)
        }
      }
      return constant(e, depth);
    }

    /** {@code Duration.ofDays(30)} and friends, or a configured {@code Duration} field, in milliseconds. */
    private Long durationMs(ExpressionTree e, int depth) {
      if (e instanceof IdentifierTree id && locals.get(id.getName().toString()) != null && depth < MAX_DEPTH) {
        return durationMs(locals.get(id.getName().toString()), depth + 1);
      }
      TypeInfo.FieldInfo f = field(e);
      if (f != null && fieldConstants.apply(f) instanceof String configured
          && (f.type().equals("Duration") || f.type().equals("java.time.Duration"))) {
        return springDurationMs(configured);
      }
      if (e instanceof MethodInvocationTree mi && DURATION_MS.containsKey(CallChain.name(mi)) && mi.getArguments().size() == 1) {
        Long c = constant(mi.getArguments().get(0), depth + 1);
        return c == null ? null : c * DURATION_MS.get(CallChain.name(mi));
      }
      return null;
    }

    /**
     * A whole-number constant: literals, arithmetic, constant locals and fields, configured values. Text here can
     * only be a configured value (Java has no text in a numeric position), which Spring converts to the number.
     */
    private Long constant(ExpressionTree e, int depth) {
      Object v = fold(e, depth);
      if (v instanceof String text && WHOLE.matcher(text.trim()).matches()) {
        return Long.parseLong(text.trim());
      }
      return v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte ? ((Number) v).longValue() : null;
    }

    /** The field of the analysed class that {@code name} or {@code this.name} reads, unless a local hides it. */
    private TypeInfo.FieldInfo field(ExpressionTree e) {
      String name = e instanceof IdentifierTree id && !locals.containsKey(id.getName().toString()) ? id.getName().toString()
          : e instanceof MemberSelectTree ms && ms.getExpression() instanceof IdentifierTree r
          && r.getName().contentEquals("this") ? ms.getIdentifier().toString() : null;
      return name == null ? null : project.field(method.owner(), name);
    }

    private Object fold(ExpressionTree e, int depth) {
      if (depth > MAX_DEPTH || e == null) {
        return null;
      }
      if (e instanceof LiteralTree l) {
        return l.getValue();
      }
      if (e instanceof ParenthesizedTree p) {
        return fold(p.getExpression(), depth + 1);
      }
      if (e instanceof TypeCastTree c) {
        Object v = fold(c.getExpression(), depth + 1);
        return v instanceof Number n && c.getType().toString().equals("long") ? (Object) n.longValue() : v;
      }
      if (e instanceof BinaryTree b) {
        return Constants.binary(b.getKind(), fold(b.getLeftOperand(), depth + 1), fold(b.getRightOperand(), depth + 1));
      }
      if (e instanceof IdentifierTree id && constants.get(id.getName().toString()) != null) {
        return constants.get(id.getName().toString());
      }
      TypeInfo.FieldInfo f = field(e);
      if (f == null) {
        return null;
      }
      Object folded = f.isFinal() && f.initializer() instanceof ExpressionTree init ? fold(init, depth + 1) : null;
      if (folded != null) {
        return folded;
      }
      Object configured = fieldConstants.apply(f);
      return configured instanceof String text && WHOLE.matcher(text.trim()).matches() ? (Object) Long.parseLong(text.trim())
          : configured; // a number field Spring sets from configured text
    }
  }
}
