package dev.shipgate.scanner.java.taint;

import com.sun.source.tree.Tree;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/** Java constant folding over boxed values, enough to decide the conditions and keys that matter. */
public final class Constants {

  private Constants() {}

  static boolean isNumber(Object o) {
    return o instanceof Integer || o instanceof Long || o instanceof Double || o instanceof Float
        || o instanceof Short || o instanceof Byte || o instanceof Character;
  }

  private static boolean integral(Object o) {
    return o instanceof Integer || o instanceof Long || o instanceof Short || o instanceof Byte || o instanceof Character;
  }

  private static long asLong(Object o) {
    return o instanceof Character c ? c : ((Number) o).longValue();
  }

  private static double asDouble(Object o) {
    return o instanceof Character c ? c : ((Number) o).doubleValue();
  }

  private static Object narrow(long v, Object a, Object b) {
    return a instanceof Long || b instanceof Long ? (Object) v : (Object) (int) v;
  }

  /** Folds a binary operation; null when an operand is unknown or the operation is not constant. */
  public static Object binary(Tree.Kind kind, Object a, Object b) {
    if (a == null || b == null) {
      return null;
    }
    if (kind == Tree.Kind.PLUS && (a instanceof String || b instanceof String)) {
      return str(a) + str(b);
    }
    if (a instanceof Boolean x && b instanceof Boolean y) {
      switch (kind) {
        case CONDITIONAL_AND: case AND: return x && y;
        case CONDITIONAL_OR: case OR: return x || y;
        case XOR: return x ^ y;
        case EQUAL_TO: return x.equals(y);
        case NOT_EQUAL_TO: return !x.equals(y);
        default: return null;
      }
    }
    if (!isNumber(a) || !isNumber(b)) {
      return null; // includes == on strings, a reference comparison whose result is not a constant
    }
    boolean fp = !integral(a) || !integral(b);
    switch (kind) {
      case LESS_THAN: return asDouble(a) < asDouble(b);
      case GREATER_THAN: return asDouble(a) > asDouble(b);
      case LESS_THAN_EQUAL: return asDouble(a) <= asDouble(b);
      case GREATER_THAN_EQUAL: return asDouble(a) >= asDouble(b);
      case EQUAL_TO: return asDouble(a) == asDouble(b);
      case NOT_EQUAL_TO: return asDouble(a) != asDouble(b);
      default: break;
    }
    if (fp) {
      double x = asDouble(a);
      double y = asDouble(b);
      switch (kind) {
        case PLUS: return x + y;
        case MINUS: return x - y;
        case MULTIPLY: return x * y;
        case DIVIDE: return x / y;
        case REMAINDER: return x % y;
        default: return null;
      }
    }
    long x = asLong(a);
    long y = asLong(b);
    switch (kind) {
      case PLUS: return narrow(x + y, a, b);
      case MINUS: return narrow(x - y, a, b);
      case MULTIPLY: return narrow(x * y, a, b);
      case DIVIDE: return y == 0 ? null : narrow(x / y, a, b);
      case REMAINDER: return y == 0 ? null : narrow(x % y, a, b);
      case AND: return narrow(x & y, a, b);
      case OR: return narrow(x | y, a, b);
      case XOR: return narrow(x ^ y, a, b);
      case LEFT_SHIFT: return narrow(x << y, a, b);
      case RIGHT_SHIFT: return narrow(x >> y, a, b);
      default: return null;
    }
  }

  static Object unary(Tree.Kind kind, Object a) {
    if (a == null) {
      return null;
    }
    switch (kind) {
      case LOGICAL_COMPLEMENT: return a instanceof Boolean b ? !b : null;
      case UNARY_MINUS:
        if (a instanceof Integer i) return -i;
        if (a instanceof Long l) return -l;
        if (a instanceof Double d) return -d;
        return null;
      case UNARY_PLUS: return isNumber(a) ? a : null;
      case BITWISE_COMPLEMENT:
        if (a instanceof Integer i) return ~i;
        if (a instanceof Long l) return ~l;
        return null;
      default: return null;
    }
  }

  /** Folds a call on a constant receiver or with constant arguments: the JDK methods code branches on. */
  static Object call(String type, String name, Object receiver, List<Object> args) {
    try {
      if (receiver instanceof String s && (type == null || type.equals("java.lang.String"))) {
        Object a0 = args.isEmpty() ? null : args.get(0);
        switch (name) {
          case "charAt": return a0 instanceof Integer i && i >= 0 && i < s.length() ? s.charAt(i) : null;
          case "length": return s.length();
          case "isEmpty": return s.isEmpty();
          case "toUpperCase": return s.toUpperCase(Locale.ROOT);
          case "toLowerCase": return s.toLowerCase(Locale.ROOT);
          case "trim": return s.trim();
          case "strip": return s.strip();
          case "toString": case "intern": return s;
          case "equals": return a0 == null ? null : s.equals(a0);
          case "equalsIgnoreCase": return a0 instanceof String o ? s.equalsIgnoreCase(o) : null;
          case "contains": return a0 instanceof String o ? s.contains(o) : null;
          case "startsWith": return a0 instanceof String o && args.size() == 1 ? s.startsWith(o) : null;
          case "endsWith": return a0 instanceof String o ? s.endsWith(o) : null;
          case "indexOf": return a0 instanceof String o && args.size() == 1 ? s.indexOf(o) : null;
          case "concat": return a0 instanceof String o ? s.concat(o) : null;
          case "substring":
            if (args.size() == 1 && a0 instanceof Integer b) return s.substring(b);
            if (args.size() == 2 && a0 instanceof Integer b && args.get(1) instanceof Integer e) return s.substring(b, e);
            return null;
          case "hashCode": return s.hashCode();
          default: return null;
        }
      }
      if (type == null || receiver != null || args.isEmpty() || args.contains(null)) {
        return null;
      }
      Object a0 = args.get(0);
      switch (type + "#" + name) {
        case "java.lang.String#valueOf": return args.size() == 1 ? str(a0) : null;
        case "java.lang.Integer#parseInt": case "java.lang.Integer#valueOf":
          return args.size() == 1 && a0 instanceof String s ? Integer.parseInt(s.trim()) : (a0 instanceof Integer ? a0 : null);
        case "java.lang.Integer#toString": case "java.lang.Long#toString": case "java.lang.Double#toString":
          return args.size() == 1 ? str(a0) : null;
        case "java.lang.Long#parseLong": return a0 instanceof String s ? Long.parseLong(s.trim()) : null;
        case "java.lang.Boolean#parseBoolean": return a0 instanceof String s ? Boolean.parseBoolean(s) : null;
        case "java.lang.Math#max": return args.size() == 2 ? binaryMax(a0, args.get(1), true) : null;
        case "java.lang.Math#min": return args.size() == 2 ? binaryMax(a0, args.get(1), false) : null;
        case "java.util.Objects#equals": return args.size() == 2 ? Objects.equals(a0, args.get(1)) : null;
        default: return null;
      }
    } catch (RuntimeException e) {
      return null; // a constant expression that would throw is not constant
    }
  }

  private static Object binaryMax(Object a, Object b, boolean max) {
    if (a instanceof Integer x && b instanceof Integer y) {
      return max ? Math.max(x, y) : Math.min(x, y);
    }
    return null;
  }

  static String str(Object o) {
    return String.valueOf(o);
  }

  /** Whether a switch label matches a selector value (characters and ints compare by value). */
  static boolean caseMatches(Object selector, Object label) {
    if (selector == null || label == null) {
      return false;
    }
    if (isNumber(selector) && isNumber(label)) {
      return asDouble(selector) == asDouble(label);
    }
    return selector.equals(label);
  }
}
