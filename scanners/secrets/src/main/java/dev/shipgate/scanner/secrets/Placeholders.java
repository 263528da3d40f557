package dev.shipgate.scanner.secrets;

import java.util.List;
import java.util.Locale;

/**
 * Values that have a secret's shape but are not credentials: documentation examples, template variables,
 * masked values and keyboard-mash. Suppressed values are not findings at all (unlike path heuristics,
 * which only lower confidence), so each check here has to be specific.
 */
final class Placeholders {

  private Placeholders() {}

  /**
   * Template and interpolation syntax ({@code ${X}}, {@code {{ x }}}, {@code [[ x ]]}, {@code %(x)s}, {@code <%= x %>},
   * {@code $(x)}, {@code #{x}}, {@code $X}, {@code <x>}, {@code [x]}, {@code %X%}, {@code {x}}, {@code @X@},
   * {@code __X__}): the value is read from elsewhere at run time. Plain string tests rather than a regex:
   * this runs for every candidate and RE2/J's per-call cost dominated the profile.
   */
  static boolean template(String v) {
    int n = v.length();
    // One pass for the openers ${ {{ [[ %( <% $( #{ (contains() calls were a visible share of a scan).
    for (int i = 1; i < n; i++) {
      char c = v.charAt(i);
      if (c == '{' || c == '(' || c == '%' || c == '[') {
        char p = v.charAt(i - 1);
        if (c == '{' ? p == '$' || p == '{' || p == '#' : c == '(' ? p == '%' || p == '$' : c == '[' ? p == '[' : p == '<') {
          return true;
        }
      }
    }
    if (n < 2) {
      return false;
    }
    char first = v.charAt(0);
    char last = v.charAt(n - 1);
    if (first == '$' && identifier(v, 1, n)) {
      return true;
    }
    if ((first == '<' && last == '>') || (first == '[' && last == ']')) {
      return true;
    }
    if ((first == '%' && last == '%') || (first == '{' && last == '}') || (first == '@' && last == '@')) {
      return n > 2 && identifier(v, 1, n - 1);
    }
    return n > 4 && v.startsWith("__") && v.endsWith("__") && identifier(v, 2, n - 2);
  }

  private static boolean identifier(String v, int from, int to) {
    if (from >= to) {
      return false;
    }
    for (int i = from; i < to; i++) {
      char c = v.charAt(i);
      if (!(Character.isLetterOrDigit(c) || c == '_')) {
        return false;
      }
    }
    return true;
  }

  /** Words found in placeholders (compared lowercase, without separators). */
  static final List<String> WORDS = List.of(
      "example", "changeme", "changeit", "yourapikey", "yourtoken", "yoursecret", "yourpassword", "yourkey",
      "your", "dummy", "redacted", "placeholder", "xxxxxx", "******", "••••", "....", "insert", "replaceme",
      "replacewith", "notreal", "notareal", "notmyreal", "notasecret", "notatoken", "fake", "sample", "secrethere", "tokenhere", "keyhere",
      "passwordhere", "todo", "fixme", "foobar", "lorem", "abcdefgh", "12345678", "qwerty", "testtest", "mytoken",
      "mysecret", "mypassword", "nottheactual", "123e4567");

  /**
   * Words that make a value a stand-in only when little else is left: "password123" is a placeholder,
   * "SuperSecret2024!" is a (weak) real password.
   */
  private static final List<String> FILLER_WORDS = List.of("password", "secret", "token");

  /** Whole values that are documentation stand-ins when a value has no provider format to vouch for it. */
  private static final java.util.Set<String> COMMON = java.util.Set.of(
      "pass", "passwd", "pwd", "admin", "root", "user", "username", "test", "guest", "secret", "token", "demo",
      "foo", "bar", "baz", "qwerty", "letmein", "welcome", "default", "hunter2", "s3cr3t", "p4ssw0rd", "passw0rd",
      "apikey", "apitoken", "accesstoken", "mypass", "pa55word", "none", "null", "empty", "xxx", "****",
      // GitHub's convention for a token sent as the user name: the password field holds this fixed word.
      "xoauth", "xoauthbasic");

  /**
   * Values printed in specifications and vendor documentation, copied into code, tests and docstrings
   * everywhere: the OAuth examples of RFC 6749, RFC 6750 and RFC 5849, RFC 7617's Basic credentials, jwt.io's
   * sample token, the test keys of Stripe's API reference, and the sample tokens of GitHub's and Slack's docs.
   */
  private static final java.util.Set<String> PUBLISHED_EXAMPLES = java.util.Set.of(
      "2YotnFZFEjr1zCsicMWpAA", "tGzv3JOkF0XG5Qx2TlKWIA", "SplxlOBeZQQYbYS6WxSbIA", "s6BhdRkqt3", "gX1fBat3bV",
      "czZCaGRSa3F0MzpnWDFmQmF0M2JW", "A3ddj3w", "mF_9.B5f-4.1JqM", "8xLOxBtZp8",
      "dpf43f3p2l4k3l03", "kd94hf93k423kf44", "nnch734d00sl2jdk", "pfkkdhi9sl3r4s00", "hh5s93j4hdidpola", "hdk48Djdsa",
      "ad180jjd733klru7", "kllo9940pd9333jh", "hdhd0244k9j7ao03",
      "QWxhZGRpbjpvcGVuIHNlc2FtZQ==",
      "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ"
          + ".SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c",
      "sk_test_4eC39HqLyjWDarjtT1zdp7dc", "sk_test_BQokikJOvBiI2HlWgH4olfQ2",
      "ghp_16C7e42F292c6912E7710c838347Ae178B4a", "xoxb-17653672481-19874698323-pdFZKVeTuE8sk7oOcBrzbqgy");

  private static final int LONGEST_COMMON = COMMON.stream().mapToInt(String::length).max().orElse(0);

  /** {@code user:passwd}, {@code admin/admin}: stand-in words joined by separators (plain loop: runs per candidate). */
  private static boolean commonWordsOnly(String value) {
    int n = value.length();
    int parts = 0;
    int start = 0;
    for (int i = 0; i <= n; i++) {
      char c = i < n ? value.charAt(i) : ' ';
      if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
        continue;
      }
      if (i == start || i - start > LONGEST_COMMON || !COMMON.contains(value.substring(start, i).toLowerCase(Locale.ROOT))) {
        return false;
      }
      parts++;
      start = i + 1;
    }
    return parts >= 2;
  }

  /** Provider tokens: only the documentation-style markers, since "secret" is part of real prefixes. */
  static final List<String> TOKEN_WORDS = List.of(
      "example", "xxxxxx", "******", "••••", "....", "dummy", "redacted", "placeholder", "yourapi", "yourtoken",
      "yourkey", "yoursecret", "notreal", "fake", "replaceme", "insert");

  /**
   * @param body the variable part of a provider token (after its fixed prefix), or the whole value for
   *     generic detectors
   */
  static String reason(String value, String body, boolean generic) {
    if (template(value)) {
      return "template variable";
    }
    if (PUBLISHED_EXAMPLES.contains(value)) {
      return "published documentation example";
    }
    String lower = folded(value);
    if (generic && (COMMON.contains(lower) || commonWordsOnly(value))) {
      return "common word";
    }
    if (containsAny(lower, generic ? WORDS_BY_FIRST : TOKEN_WORDS_BY_FIRST)) {
      return "placeholder word";
    }
    if (generic) {
      String rest = lower;
      for (String w : FILLER_WORDS) {
        rest = rest.replace(w, "");
      }
      if (rest.length() < lower.length() && rest.length() < 5) {
        return "placeholder word";
      }
    }
    if (repetitive(body)) {
      return "repeated or sequential characters";
    }
    String decoded = generic ? base64Text(value) : null;
    if (decoded != null && reason(decoded, decoded, true) != null) {
      return "base64 of a placeholder";
    }
    return null;
  }

  /** The printable ASCII text a base64 value decodes to ({@code bm90IG15IHJlYWwgcGFzc3dvcmQ=}), or null. */
  private static String base64Text(String v) {
    int n = v.length();
    if (n < 8 || n % 4 != 0) {
      return null;
    }
    for (int i = 0; i < n; i++) {
      char c = v.charAt(i);
      boolean b64 = c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '+' || c == '/' || c == '=' && i >= n - 2;
      if (!b64) {
        return null;
      }
    }
    byte[] d;
    try {
      d = java.util.Base64.getDecoder().decode(v);
    } catch (IllegalArgumentException e) {
      return null;
    }
    for (byte c : d) {
      if (c < 0x20 || c > 0x7e) {
        return null;
      }
    }
    return new String(d, java.nio.charset.StandardCharsets.US_ASCII);
  }

  /** Lower case without {@code -}, {@code _} and spaces; ASCII values (nearly all) without the general case's copies. */
  private static String folded(String value) {
    int n = value.length();
    byte[] out = new byte[n];
    int k = 0;
    for (int i = 0; i < n; i++) {
      char c = value.charAt(i);
      if (c >= 128) {
        return value.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "").replace(" ", "");
      }
      if (c != '-' && c != '_' && c != ' ') {
        out[k++] = (byte) (c >= 'A' && c <= 'Z' ? c + 32 : c);
      }
    }
    return new String(out, 0, k, java.nio.charset.StandardCharsets.ISO_8859_1);
  }

  /** The words bucketed by their first character (ASCII; others in bucket 128), so each position is tried against a few. */
  private static String[][] byFirst(List<String> words) {
    String[][] buckets = new String[129][];
    for (String w : words) {
      if (w.length() < 2) {
        throw new IllegalArgumentException("placeholder words need two characters: " + w);
      }
      int c = Math.min(w.charAt(0), 128);
      buckets[c] = buckets[c] == null ? new String[] {w} : java.util.Arrays.copyOf(buckets[c], buckets[c].length + 1);
      buckets[c][buckets[c].length - 1] = w;
    }
    return buckets;
  }

  private static final String[][] WORDS_BY_FIRST = byFirst(WORDS);
  private static final String[][] TOKEN_WORDS_BY_FIRST = byFirst(TOKEN_WORDS);

  /** Whether {@code s} contains any of the bucketed words (all at least two characters long). */
  private static boolean containsAny(String s, String[][] byFirst) {
    int n = s.length();
    for (int i = 0; i < n - 1; i++) {
      String[] bucket = byFirst[Math.min(s.charAt(i), 128)];
      if (bucket != null) {
        char next = s.charAt(i + 1);
        for (String w : bucket) {
          // Most candidates differ at their second character: compared inline before the call.
          if (w.charAt(1) == next && s.startsWith(w, i)) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /** Number of distinct chars, counted with a bit set (this runs for every candidate value). */
  private static int distinctChars(String s) {
    long low = 0;
    long high = 0;
    java.util.Set<Character> other = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 64) {
        low |= 1L << c;
      } else if (c < 128) {
        high |= 1L << (c - 64);
      } else {
        if (other == null) {
          other = new java.util.HashSet<>();
        }
        other.add(c);
      }
    }
    return Long.bitCount(low) + Long.bitCount(high) + (other == null ? 0 : other.size());
  }

  /** All one character, a short pattern repeated, or a long run of ascending/descending characters. */
  static boolean repetitive(String s) {
    int n = s.length();
    if (n < 4) {
      return true;
    }
    int distinct = distinctChars(s);
    if (distinct <= 2 || (n >= 16 && distinct <= 4)) {
      return true;
    }
    for (int period = 1; period <= 8 && period * 2 <= n; period++) {
      boolean periodic = true;
      for (int i = period; i < n && periodic; i++) {
        periodic = s.charAt(i) == s.charAt(i - period);
      }
      if (periodic) {
        return true;
      }
    }
    int run = 1;
    int longest = 1;
    for (int i = 1; i < n; i++) {
      int diff = s.charAt(i) - s.charAt(i - 1);
      run = (diff == 1 || diff == -1) ? run + 1 : 1;
      longest = Math.max(longest, run);
    }
    return longest >= 8 || longest * 2 > n;
  }
}
