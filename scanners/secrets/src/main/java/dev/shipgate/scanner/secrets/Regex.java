package dev.shipgate.scanner.secrets;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;

/**
 * An RE2/J regex compiled now (user detector files: a bad regex is a load error naming the detector) or on
 * first use (the built-in catalogue, whose regexes the tests compile: most detectors never see a keyword
 * hit in a given tree, and compiling all of them was most of the family's start-up).
 */
final class Regex {

  private final String where;
  private final String source;
  private volatile Pattern pattern;

  private Regex(String where, String source, Pattern pattern) {
    this.where = where;
    this.source = source;
    this.pattern = pattern;
  }

  static Regex compiled(String where, String source) {
    return new Regex(where, source, compile(where, source));
  }

  static Regex lazy(String where, String source) {
    if (source == null || source.equals("null")) {
      throw new IllegalArgumentException(where + " is missing");
    }
    return new Regex(where, source, null);
  }

  String source() {
    return source;
  }

  /** The compiled pattern; compiling twice in a race is harmless (patterns are immutable). */
  Pattern pattern() {
    Pattern p = pattern;
    if (p == null) {
      p = compile(where, source);
      pattern = p;
    }
    return p;
  }

  private static Pattern compile(String where, String regex) {
    if (regex == null || regex.equals("null")) {
      throw new IllegalArgumentException(where + " is missing");
    }
    try {
      return Pattern.compile(regex);
    } catch (PatternSyntaxException ex) {
      throw new IllegalArgumentException(where + " is not a valid RE2 regex: " + ex.getMessage(), ex);
    }
  }
}
