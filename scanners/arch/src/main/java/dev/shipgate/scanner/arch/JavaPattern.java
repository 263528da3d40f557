package dev.shipgate.scanner.arch;

import java.util.regex.Pattern;

/**
 * A Java name pattern of a forbidden entry: a type ({@code java.net.HttpURLConnection}, which also covers its
 * nested types), a package family ({@code org.apache.http.*} for one package, {@code org.apache.http.**} with
 * subpackages), a member ({@code java.sql.Statement#execute*}, {@code java.lang.System#out}) or a constructor
 * ({@code new java.util.Random}). {@code *} matches within one name segment, {@code **} across segments.
 */
public final class JavaPattern {

  /** What the pattern forbids. */
  public enum Kind { TYPE, MEMBER, CONSTRUCTOR }

  private static final Pattern SEGMENT = Pattern.compile("\\*\\*|[A-Za-z_$*][A-Za-z0-9_$*]*");
  private static final Pattern MEMBER = Pattern.compile("[A-Za-z_$*][A-Za-z0-9_$*]*");

  private final String source;
  private final Kind kind;
  private final Pattern type;
  private final Pattern member;
  private final boolean packageWide;
  private final String simpleType;
  private final String needle;

  private JavaPattern(String source, Kind kind, Pattern type, Pattern member, boolean packageWide, String simpleType,
      String needle) {
    this.source = source;
    this.kind = kind;
    this.type = type;
    this.member = member;
    this.packageWide = packageWide;
    this.simpleType = simpleType;
    this.needle = needle;
  }

  /** Parses a pattern; a malformed one throws {@link IllegalArgumentException} saying what is wrong. */
  public static JavaPattern parse(String text) {
    String s = text.trim();
    Kind kind = Kind.TYPE;
    if (s.startsWith("new ")) {
      kind = Kind.CONSTRUCTOR;
      s = s.substring(4).trim();
    }
    String memberPart = null;
    int hash = s.indexOf('#');
    if (hash >= 0) {
      if (kind == Kind.CONSTRUCTOR) {
        throw new IllegalArgumentException("'new T' names a type; it cannot have a #member");
      }
      kind = Kind.MEMBER;
      memberPart = s.substring(hash + 1);
      s = s.substring(0, hash);
      if (!MEMBER.matcher(memberPart).matches()) {
        throw new IllegalArgumentException("'" + memberPart + "' is not a member name (letters, digits, _ and * only)");
      }
    }
    String[] segments = s.split("\\.", -1);
    if (s.isEmpty()) {
      throw new IllegalArgumentException("a pattern needs a type or package name before any '#'");
    }
    StringBuilder re = new StringBuilder();
    for (int i = 0; i < segments.length; i++) {
      String seg = segments[i];
      if (!SEGMENT.matcher(seg).matches()) {
        throw new IllegalArgumentException("'" + text.trim() + "' is not a Java name pattern (segment '" + seg
            + "'; use a.b.Type, a.b.*, a.b.**, a.b.Type#member or new a.b.Type)");
      }
      if (i > 0) {
        re.append("\\.");
      }
      re.append(seg.equals("**") ? ".*" : glob(seg));
    }
    String last = segments[segments.length - 1];
    boolean packageWide = last.contains("*");
    if (kind != Kind.TYPE && last.equals("**")) {
      throw new IllegalArgumentException("a member or constructor pattern must end in a type name, not '**'");
    }
    if (kind == Kind.TYPE && !packageWide) {
      re.append("(?:\\..+)?"); // nested types of a forbidden type are forbidden too
    }
    String simple = last.contains("*") ? null : last;
    String needle;
    if (memberPart != null) {
      needle = memberPart.contains("*") ? memberPart.substring(0, memberPart.indexOf('*')) : memberPart;
    } else {
      // A type of a package family is named through its package (import, qualified name, package declaration).
      int literal = 0;
      while (literal < segments.length && !segments[literal].contains("*")) {
        literal++;
      }
      String prefix = String.join(".", java.util.Arrays.asList(segments).subList(0, literal));
      needle = simple != null ? simple : literal > 0 ? prefix : null;
      for (int i = literal; needle == null && i < segments.length; i++) {
        needle = segments[i].contains("*") ? null : segments[i];
      }
    }
    return new JavaPattern(text.trim(), kind, Pattern.compile(re.toString()),
        memberPart == null ? null : Pattern.compile(glob(memberPart)), packageWide, simple,
        needle == null || needle.isEmpty() ? null : needle);
  }

  private static String glob(String s) {
    StringBuilder re = new StringBuilder();
    for (char c : s.toCharArray()) {
      re.append(c == '*' ? "[^.]*" : Pattern.quote(String.valueOf(c)));
    }
    return re.toString();
  }

  public String source() {
    return source;
  }

  public Kind kind() {
    return kind;
  }

  /** Whether a qualified type name is covered by the type part. */
  public boolean matchesType(String qualified) {
    return qualified != null && type.matcher(qualified).matches();
  }

  /** For a package-wide type pattern: whether a wildcard import of {@code pkg} brings forbidden types in. */
  public boolean coversPackage(String pkg) {
    return kind == Kind.TYPE && (packageWide ? type.matcher(pkg + ".X").matches() : type.matcher(pkg).matches());
  }

  /** Whether a member name matches the member part (only for {@link Kind#MEMBER}). */
  public boolean matchesMember(String name) {
    return member != null && member.matcher(name).matches();
  }

  /** The type's simple name when the pattern names one type, for receivers known only by simple name; else null. */
  public String simpleType() {
    return simpleType;
  }

  /**
   * Text that source code must contain to use what the pattern forbids, by name: the member name (up to its first
   * {@code *}), else the type's simple name, else the literal package prefix or a literal segment; null when the
   * pattern has none. Types that the front end infers ({@code var}, lambda parameters) or guesses from a unique
   * simple name need no such text; {@link JavaArch} accounts for them.
   */
  public String needle() {
    return needle;
  }

  @Override
  public String toString() {
    return source;
  }
}
