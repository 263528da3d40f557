package dev.shipgate.scanner.java.taint;

import java.util.ArrayList;
import java.util.List;

/**
 * Recognises regular expressions that backtrack exponentially on a failing input: a repeated group whose body
 * can itself repeat with nothing mandatory beside it ({@code (a+)+}, {@code (\w+\s?)*}), or whose alternatives
 * overlap ({@code (\w|\d)+}), followed by something that can fail (a mandatory element, an end anchor, or a
 * whole-input match). Possessive quantifiers and atomic groups do not backtrack and are not reported. A
 * heuristic on the pattern's structure, tuned to report only the textbook shapes.
 */
final class Backtracking {

  private Backtracking() {}

  /** One element of a sequence: an atom or a group, with its quantifier. */
  private static final class Node {
    final String atom;
    final List<List<Node>> alternatives;
    final boolean atomic;
    int min = 1;
    boolean unbounded;
    boolean possessive;
    boolean zeroWidth;

    Node(String atom, List<List<Node>> alternatives, boolean atomic) {
      this.atom = atom;
      this.alternatives = alternatives;
      this.atomic = atomic;
    }

    boolean repeats() {
      return unbounded && !possessive;
    }
  }

  /** {@code fullMatch}: the API matches the whole input (String.matches), which can fail at any position. */
  static boolean catastrophic(String regex, boolean fullMatch) {
    List<List<Node>> top;
    try {
      Parser p = new Parser(regex);
      top = p.alternation();
      if (p.pos != regex.length()) {
        return false;
      }
    } catch (RuntimeException e) {
      return false; // not a pattern this reader understands: no finding
    }
    for (List<Node> seq : top) {
      for (int i = 0; i < seq.size(); i++) {
        if (containsExplosive(seq.get(i)) && (fullMatch || mandatoryAfter(seq, i))) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean mandatoryAfter(List<Node> seq, int i) {
    for (int k = i + 1; k < seq.size(); k++) {
      Node n = seq.get(k);
      if (n.zeroWidth ? "$".equals(n.atom) || "\\z".equals(n.atom) || "\\Z".equals(n.atom) : n.min >= 1) {
        return true;
      }
    }
    return false;
  }

  private static boolean containsExplosive(Node n) {
    if (n.alternatives == null || n.atomic) {
      return false;
    }
    if (n.repeats()) {
      for (List<Node> alt : n.alternatives) {
        if (repeatsAlone(alt)) {
          return true;
        }
      }
      if (overlappingAlternatives(n.alternatives)) {
        return true;
      }
    }
    for (List<Node> alt : n.alternatives) {
      for (Node c : alt) {
        if (containsExplosive(c)) {
          return true;
        }
      }
    }
    return false;
  }

  /** A body with a repeating element and nothing else it must match. */
  private static boolean repeatsAlone(List<Node> alt) {
    int repeating = -1;
    for (int i = 0; i < alt.size(); i++) {
      if (repeatsInside(alt.get(i))) {
        repeating = i;
        break;
      }
    }
    if (repeating < 0) {
      return false;
    }
    for (int i = 0; i < alt.size(); i++) {
      if (i != repeating && alt.get(i).min >= 1 && !alt.get(i).zeroWidth) {
        return false;
      }
    }
    return true;
  }

  private static boolean repeatsInside(Node n) {
    if (n.repeats()) {
      return true;
    }
    if (n.alternatives == null || n.atomic) {
      return false;
    }
    return n.alternatives.size() == 1 && repeatsAlone(n.alternatives.get(0));
  }

  /** Single-atom alternatives that can match the same character: {@code (a|a)}, {@code (\w|\d)}, {@code (.|x)}. */
  private static boolean overlappingAlternatives(List<List<Node>> alts) {
    List<String> atoms = new ArrayList<>();
    for (List<Node> alt : alts) {
      if (alt.size() != 1 || alt.get(0).atom == null || alt.get(0).zeroWidth) {
        return false;
      }
      atoms.add(alt.get(0).atom);
    }
    for (int i = 0; i < atoms.size(); i++) {
      for (int j = i + 1; j < atoms.size(); j++) {
        if (overlap(atoms.get(i), atoms.get(j))) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean overlap(String a, String b) {
    if (a.equals(b) || a.equals(".") || b.equals(".")) {
      return true;
    }
    return wordLike(a) && b.equals("\\w") || wordLike(b) && a.equals("\\w");
  }

  private static boolean wordLike(String atom) {
    return atom.equals("\\d") || atom.length() == 1 && Character.isLetterOrDigit(atom.charAt(0));
  }

  private static final class Parser {
    final String s;
    int pos;

    Parser(String s) {
      this.s = s;
    }

    List<List<Node>> alternation() {
      List<List<Node>> alts = new ArrayList<>();
      List<Node> seq = new ArrayList<>();
      alts.add(seq);
      while (pos < s.length() && s.charAt(pos) != ')') {
        if (s.charAt(pos) == '|') {
          pos++;
          seq = new ArrayList<>();
          alts.add(seq);
          continue;
        }
        Node n = atom();
        if (n != null) {
          quantifier(n);
          seq.add(n);
        }
      }
      return alts;
    }

    Node atom() {
      char c = s.charAt(pos);
      if (c == '(') {
        pos++;
        boolean atomic = false;
        boolean lookaround = false;
        if (s.startsWith("?", pos)) {
          int close = pos + 1;
          while (close < s.length() && Character.isLetter(s.charAt(close)) || close < s.length() && s.charAt(close) == '-') {
            close++;
          }
          if (close < s.length() && s.charAt(close) == ')') {
            pos = close + 1; // inline flags such as (?i)
            return null;
          }
          if (s.startsWith("?>", pos)) {
            atomic = true;
            pos += 2;
          } else if (s.startsWith("?=", pos) || s.startsWith("?!", pos)) {
            lookaround = true;
            pos += 2;
          } else if (s.startsWith("?<=", pos) || s.startsWith("?<!", pos)) {
            lookaround = true;
            pos += 3;
          } else if (s.startsWith("?<", pos)) {
            pos = s.indexOf('>', pos) + 1;
          } else if (s.startsWith("?:", pos)) {
            pos += 2;
          } else {
            int colon = s.indexOf(':', pos);
            pos = colon + 1; // (?i:...)
          }
        }
        List<List<Node>> body = alternation();
        if (pos >= s.length() || s.charAt(pos) != ')') {
          throw new IllegalArgumentException("unclosed group");
        }
        pos++;
        Node g = new Node(null, body, atomic);
        g.zeroWidth = lookaround;
        return g;
      }
      if (c == '[') {
        int start = pos;
        pos++;
        if (pos < s.length() && s.charAt(pos) == '^') {
          pos++;
        }
        if (pos < s.length() && s.charAt(pos) == ']') {
          pos++;
        }
        int depth = 1;
        while (depth > 0) {
          char d = s.charAt(pos);
          if (d == '\\') {
            pos += 2;
            continue;
          }
          if (d == '[') {
            depth++;
          } else if (d == ']') {
            depth--;
          }
          pos++;
        }
        return new Node(s.substring(start, pos), null, false);
      }
      if (c == '\\') {
        int start = pos;
        char e = s.charAt(pos + 1);
        if (e == 'Q') {
          int end = s.indexOf("\\E", pos);
          pos = end < 0 ? s.length() : end + 2;
          return new Node(s.substring(start, pos), null, false);
        }
        pos += 2;
        if ((e == 'p' || e == 'P' || e == 'x' || e == 'k') && pos < s.length() && (s.charAt(pos) == '{' || s.charAt(pos) == '<')) {
          pos = s.indexOf(s.charAt(pos) == '{' ? '}' : '>', pos) + 1;
        }
        Node n = new Node(s.substring(start, pos), null, false);
        n.zeroWidth = "bBAzZG".indexOf(e) >= 0;
        return n;
      }
      pos++;
      Node n = new Node(String.valueOf(c), null, false);
      n.zeroWidth = c == '^' || c == '$';
      return n;
    }

    void quantifier(Node n) {
      if (pos >= s.length()) {
        return;
      }
      char q = s.charAt(pos);
      if (q == '*' || q == '+' || q == '?') {
        pos++;
        n.min = q == '+' ? n.min : 0;
        n.unbounded = q != '?';
      } else if (q == '{' && s.indexOf('}', pos) > 0 && s.substring(pos + 1, s.indexOf('}', pos)).matches("\\d+(,\\d*)?")) {
        String[] range = s.substring(pos + 1, s.indexOf('}', pos)).split(",", -1);
        pos = s.indexOf('}', pos) + 1;
        n.min = Integer.parseInt(range[0]) == 0 ? 0 : n.min;
        n.unbounded = range.length == 2 && range[1].isEmpty();
      } else {
        return;
      }
      if (pos < s.length() && s.charAt(pos) == '+') {
        n.possessive = true;
        pos++;
      } else if (pos < s.length() && s.charAt(pos) == '?') {
        pos++;
      }
    }
  }
}
