package dev.shipgate.scanner.api.security;

import dev.shipgate.scanner.api.model.Access;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Classifies Spring Security expressions ({@code @PreAuthorize}, {@code access("...")}, Micronaut
 * {@code @Secured} values): the most open branch of an {@code or} wins, the most closed part of an
 * {@code and}. Custom checks ({@code @bean.check(#id)}) count as restrictions: they run only for a caller
 * the framework has already identified.
 */
public final class Expressions {

  // Compiled once: every secured handler's expression is split with them.
  private static final Pattern OR = Pattern.compile("(?i)\\s+or\\s+|\\|\\|");
  private static final Pattern AND = Pattern.compile("(?i)\\s+and\\s+|&&");

  private Expressions() {}

  public static Access classify(String expression) {
    Access best = null;
    for (String disjunct : split(expression, OR)) {
      Access worst = null;
      for (String conjunct : split(disjunct, AND)) {
        Access a = atom(conjunct.trim());
        worst = worst == null || a.compareTo(worst) > 0 ? a : worst;
      }
      if (worst != null && (best == null || worst.compareTo(best) < 0)) {
        best = worst;
      }
    }
    return best == null ? Access.RESTRICTED : best;
  }

  private static List<String> split(String s, Pattern separator) {
    List<String> out = new ArrayList<>();
    for (String part : separator.split(s)) {
      String p = part.trim();
      while (p.startsWith("(") && p.endsWith(")") && p.length() > 2) {
        p = p.substring(1, p.length() - 1).trim();
      }
      if (!p.isEmpty()) {
        out.add(p);
      }
    }
    return out;
  }

  private static Access atom(String a) {
    String s = a.replace(" ", "");
    if (s.startsWith("!") || s.startsWith("not")) {
      return s.contains("isAnonymous") ? Access.AUTHENTICATED : Access.RESTRICTED;
    }
    if (s.startsWith("permitAll") || s.startsWith("isAnonymous") || s.equals("true") || s.startsWith("hasIpAddress")) {
      return Access.PUBLIC;
    }
    if (s.startsWith("denyAll") || s.equals("false")) {
      return Access.DENIED;
    }
    if (s.startsWith("isAuthenticated") || s.startsWith("isFullyAuthenticated") || s.startsWith("isRememberMe")
        || s.startsWith("authenticated") || s.startsWith("fullyAuthenticated")) {
      return Access.AUTHENTICATED;
    }
    return Access.RESTRICTED;
  }
}
