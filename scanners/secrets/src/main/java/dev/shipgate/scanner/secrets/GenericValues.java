package dev.shipgate.scanner.secrets;

import java.util.List;
import java.util.Locale;

/**
 * Judgement for generic {@code key = value} detectors, where no provider format vouches for the value:
 * the key must name a credential (not its URL, file or length) and the value must look random rather
 * than like code, a path, a number or an identifier. Plain string code, not regexes: this runs for every
 * generic candidate and RE2/J's per-call cost showed at the top of the profile.
 */
final class GenericValues {

  private GenericValues() {}

  /** Key endings that say the value is about a credential, not the credential itself. */
  private static final List<String> NOT_A_CREDENTIAL_SUFFIX = List.of(
      "url", "uri", "path", "file", "filename", "dir", "name", "id", "type", "env", "arn", "ref", "header", "field",
      "length", "len", "prefix", "endpoint", "expiry", "expires", "expiration", "ttl", "count", "size", "version",
      "format", "hint", "label", "policy", "provider", "strategy", "mode", "source", "store", "manager", "regex",
      "pattern", "hash", "digest", "sha", "md5", "algorithm", "alg", "enabled", "required", "rotation", "timeout",
      "limit", "param", "parameter", "placeholder", "validator", "class", "kind", "location", "reset", "forgot",
      "confirm", "confirmation", "min", "max", "rule", "rules", "column", "query", "seconds", "minutes", "days",
      // Keys meant for browsers and clients: public halves, publishable and search-only keys, CAPTCHA site keys.
      "public", "publickey", "public_key", "publishablekey", "publishable_key", "searchkey", "search_key",
      "searchapikey", "search_api_key", "sitekey", "site_key");

  /**
   * The suffixes and their plurals as bytes, bucketed by their last byte, for the byte-level test the prechecks
   * run at every keyword hit (a key is compared only with the few suffixes that end like it).
   */
  private static final byte[][][] NOT_A_CREDENTIAL_ENDING_BY_LAST = new byte[128][][];

  static {
    for (String x : NOT_A_CREDENTIAL_SUFFIX) {
      for (String suffix : new String[] {x, x + "s"}) {
        byte[] w = suffix.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[][] bucket = NOT_A_CREDENTIAL_ENDING_BY_LAST[w[w.length - 1]];
        bucket = bucket == null ? new byte[1][] : java.util.Arrays.copyOf(bucket, bucket.length + 1);
        bucket[bucket.length - 1] = w;
        NOT_A_CREDENTIAL_ENDING_BY_LAST[w[w.length - 1]] = bucket;
      }
    }
  }

  static boolean credentialKey(String key) {
    byte[] k = key.replace("\"", "").replace("'", "").trim().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    return credentialKey(k, 0, k.length);
  }

  /** {@link #credentialKey(String)} on the key's bytes {@code [from, to)} (no quotes or spaces in it). */
  static boolean credentialKey(byte[] b, int from, int to) {
    if (to <= from) {
      return true;
    }
    int last = b[to - 1];
    byte[][] bucket = last < 0 ? null : NOT_A_CREDENTIAL_ENDING_BY_LAST[last >= 'A' && last <= 'Z' ? last + 32 : last];
    if (bucket == null) {
      return true;
    }
    for (byte[] suffix : bucket) {
      if (endsWith(b, from, to, suffix)) {
        return false;
      }
    }
    return true;
  }

  /** Whether {@code b[from, to)} ends in {@code lowerSuffix} (lower-case ASCII), ignoring ASCII case. */
  static boolean endsWith(byte[] b, int from, int to, byte[] lowerSuffix) {
    int start = to - lowerSuffix.length;
    if (start < from) {
      return false;
    }
    for (int i = lowerSuffix.length - 1; i >= 0; i--) {
      int c = b[start + i];
      if ((c >= 'A' && c <= 'Z' ? c + 32 : c) != lowerSuffix[i]) {
        return false;
      }
    }
    return true;
  }

  static boolean plausible(String value) {
    String lower = value.toLowerCase(Locale.ROOT);
    if (lower.startsWith("http") || lower.startsWith("/") || lower.startsWith("./") || lower.startsWith("~/")
        || lower.startsWith("file:") || lower.startsWith("arn:") || lower.startsWith("sha256:")
        || lower.startsWith("sha512-") || lower.startsWith("sha1-")) {
      return false;
    }
    if (lower.equals("true") || lower.equals("false") || lower.equals("null") || lower.equals("none")) {
      return false;
    }
    // UUIDs are allowed: under a credential key (the key is judged separately) they are real keys for
    // many services (legacy npm, Heroku, Snyk).
    if (dottedIdentifier(value) || constantName(value) || numberOrVersion(value) || passwordHash(lower)) {
      return false;
    }
    int classes = 0;
    boolean lowerCase = false;
    boolean upperCase = false;
    boolean digit = false;
    boolean other = false;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      lowerCase |= Character.isLowerCase(c);
      upperCase |= Character.isUpperCase(c);
      digit |= Character.isDigit(c);
      other |= !Character.isLetterOrDigit(c);
    }
    classes += (lowerCase ? 1 : 0) + (upperCase ? 1 : 0) + (digit ? 1 : 0) + (other ? 1 : 0);
    // An identifier without digits (getToken, this.secret) is a reference, and words joined by - _ . /
    // without digits (my-service-account, secrets/github/pat) are names or paths, not random values.
    // Long letter-only values with a random string's entropy are kept: 1 in 300 random tokens has no digit.
    boolean randomLetters = value.length() >= 24 && Entropy.bitsPerChar(value) >= 4.3;
    if (!digit && !randomLetters && (identifierChars(value) || wordsOnly(value)) || describedInWords(value)) {
      return false;
    }
    return classes >= 2;
  }

  /** Stored password hashes (bcrypt, crypt(3), argon2, PBKDF2, LDAP schemes) are not the password. */
  private static boolean passwordHash(String lower) {
    return lower.startsWith("$2a$") || lower.startsWith("$2b$") || lower.startsWith("$2y$") || lower.startsWith("$argon2")
        || lower.startsWith("$pbkdf2") || lower.startsWith("$5$") || lower.startsWith("$6$") || lower.startsWith("$1$")
        || lower.startsWith("{bcrypt}") || lower.startsWith("{sha") || lower.startsWith("{ssha") || lower.startsWith("{pbkdf2}")
        || lower.startsWith("{argon2}") || lower.startsWith("pbkdf2_sha256$") || lower.startsWith("scrypt:");
  }

  /**
   * {@code base64_encoded_64_byte_salt}: three or more lower-case words in snake case, numbers among them, describe
   * a value rather than being one (passphrases join their words with dashes or spaces, and stay candidates).
   */
  private static boolean describedInWords(String v) {
    int words = 0;
    int start = 0;
    for (int i = 0; i <= v.length(); i++) {
      char c = i < v.length() ? v.charAt(i) : '_';
      if (c == '_') {
        if (i == start) {
          return false;
        }
        boolean letters = true;
        for (int j = start; j < i; j++) {
          letters &= v.charAt(j) >= 'a';
        }
        words += letters && i - start >= 3 ? 1 : 0;
        start = i + 1;
      } else if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9')) {
        return false;
      }
    }
    return words >= 3;
  }

  private static boolean wordsOnly(String v) {
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      if (!(Character.isLetter(c) || c == '-' || c == '_' || c == '.' || c == '/')) {
        return false;
      }
    }
    return true;
  }

  private static boolean identifierChars(String v) {
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      if (!(Character.isLetterOrDigit(c) || c == '_' || c == '$')) {
        return false;
      }
    }
    return true;
  }

  /** {@code os.environ}, {@code config.apiKey}, {@code settings.SECRET}: two or more identifiers joined by dots. */
  private static boolean dottedIdentifier(String v) {
    if (v.indexOf('.') <= 0 || v.endsWith(".")) {
      return false;
    }
    for (String part : v.split("\\.", -1)) {
      if (part.isEmpty() || Character.isDigit(part.charAt(0)) || !identifierChars(part)) {
        return false;
      }
    }
    return true;
  }

  /** {@code API_KEY_ENV}: upper-case words joined by underscores. */
  private static boolean constantName(String v) {
    if (v.indexOf('_') < 0 || !Character.isUpperCase(v.charAt(0)) || v.endsWith("_") || v.contains("__")) {
      return false;
    }
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      if (!(Character.isUpperCase(c) || Character.isDigit(c) || c == '_')) {
        return false;
      }
    }
    return true;
  }

  /** Digits with separators ({@code 1,024}, {@code 12:30}) or a version ({@code v1.2.3-rc1}). */
  private static boolean numberOrVersion(String v) {
    boolean digits = true;
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      if (!(Character.isDigit(c) || c == '.' || c == ',' || c == ':' || c == '_' || c == '+' || c == '-')) {
        digits = false;
        break;
      }
    }
    if (digits) {
      return true;
    }
    String s = v.startsWith("v") ? v.substring(1) : v;
    int cut = s.indexOf('-');
    String core = cut > 0 ? s.substring(0, cut) : s;
    return core.indexOf('.') > 0 && core.chars().allMatch(c -> Character.isDigit(c) || c == '.') && Character.isDigit(core.charAt(0));
  }
}
