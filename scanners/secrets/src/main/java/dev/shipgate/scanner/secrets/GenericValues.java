package dev.shipgate.scanner.secrets;

import com.google.re2j.Pattern;
import java.util.Locale;

/**
 * Judgement for generic {@code key = value} detectors, where no provider format vouches for the value:
 * the key must name a credential (not its URL, file or length) and the value must look random rather
 * than like code, a path, a number or an identifier.
 */
final class GenericValues {

  private GenericValues() {}

  /** Keys that mention a credential word but hold something about it, not the credential itself. */
  private static final Pattern NOT_A_CREDENTIAL_KEY = Pattern.compile(
      "(?i)(?:url|uri|path|file|filename|dir|name|id|type|env|arn|ref|header|field|length|len|prefix|endpoint|"
          + "expiry|expires|expiration|ttl|count|size|version|format|hint|label|policy|provider|strategy|mode|"
          + "source|store|manager|ref|regex|pattern|hash|digest|sha|md5|algorithm|alg|enabled|required|rotation|"
          + "timeout|limit|param|parameter|placeholder|validator|class|kind|location|id_?key|reset|forgot|"
          + "confirm|confirmation|min|max|rule|rules|policy|column|query)(?:s)?$");

  private static final Pattern DOTTED_IDENTIFIER = Pattern.compile("^[A-Za-z_$][A-Za-z0-9_$]*(?:\\.[A-Za-z_$][A-Za-z0-9_$]*)+$");
  private static final Pattern IDENTIFIER = Pattern.compile("^[A-Za-z_$][A-Za-z_$]*$");
  private static final Pattern CONSTANT_NAME = Pattern.compile("^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$");
  private static final Pattern UUID = Pattern.compile("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");
  private static final Pattern NUMBERISH = Pattern.compile("^[0-9.,:_+-]+$");
  private static final Pattern VERSIONISH = Pattern.compile("^v?[0-9]+(?:\\.[0-9]+)+(?:[-+][A-Za-z0-9.]+)?$");

  static boolean credentialKey(String key) {
    String k = key.replace("\"", "").replace("'", "").trim();
    return !NOT_A_CREDENTIAL_KEY.matcher(k).find();
  }

  static boolean plausible(String value) {
    String lower = value.toLowerCase(Locale.ROOT);
    if (lower.startsWith("http") || lower.startsWith("/") || lower.startsWith("./") || lower.startsWith("~/")
        || lower.startsWith("file:") || lower.startsWith("arn:") || lower.startsWith("sha256:")
        || lower.startsWith("sha512-") || lower.startsWith("sha1-")) {
      return false;
    }
    if (DOTTED_IDENTIFIER.matcher(value).matches() || IDENTIFIER.matcher(value).matches()
        || CONSTANT_NAME.matcher(value).matches() || UUID.matcher(value).matches()
        || NUMBERISH.matcher(value).matches() || VERSIONISH.matcher(value).matches()) {
      return false;
    }
    if (lower.equals("true") || lower.equals("false") || lower.equals("null") || lower.equals("none")) {
      return false;
    }
    int classes = 0;
    classes += value.chars().anyMatch(Character::isLowerCase) ? 1 : 0;
    classes += value.chars().anyMatch(Character::isUpperCase) ? 1 : 0;
    classes += value.chars().anyMatch(Character::isDigit) ? 1 : 0;
    classes += value.chars().anyMatch(c -> !Character.isLetterOrDigit(c)) ? 1 : 0;
    return classes >= 2;
  }
}
