package dev.shipgate.scanner.docker;

import java.util.Locale;
import java.util.regex.Pattern;

/** Which variable names hold credentials, and which values are literals rather than references. */
public final class SecretNames {

  private static final Pattern SECRET = Pattern.compile("(?:^|_)(?:PASSWORD|PASSWD|PWD|PASSPHRASE|SECRET|TOKEN|APIKEY|API_KEY"
      + "|PRIVATE_KEY|ACCESS_KEY|SECRET_KEY|SIGNING_KEY|ENCRYPTION_KEY|MASTER_KEY|JWT_KEY|SESSION_KEY|CREDENTIALS?|AUTH)(?:_|$)");
  /** Names that are about a secret without holding it: where it lives, how long it lasts, whether it is on. */
  private static final Pattern NOT_SECRET = Pattern.compile(".*_(?:FILE|PATH|DIR|URL|URI|ENDPOINT|HOST|PORT|USER|USERNAME|NAME|ID"
      + "|EXPIRY|EXPIRES|EXPIRATION|TTL|TIMEOUT|LENGTH|LEN|HEADER|TYPE|ENABLED|DISABLED|MODE|METHOD|ALGORITHM|ALG|PROVIDER|FORMAT"
      + "|LOCATION|REF|VERSION|MIN|MAX|SIZE|PREFIX|HASH)");
  private static final Pattern PLACEHOLDER = Pattern.compile("<[^>]*>|\\{\\{.*}}|\\*+|x+|X+|\\.\\.\\.|…");
  private static final Pattern NOT_A_SECRET_VALUE = Pattern.compile("(?i)true|false|yes|no|on|off|null|none|nil|undefined|-?\\d{1,6}");

  private SecretNames() {}

  /** True for names like {@code DB_PASSWORD}, {@code npmToken}, {@code STRIPE_API_KEY}; not {@code TOKEN_URL}. */
  public static boolean isSecretName(String name) {
    String n = name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]+", "_");
    return !n.equals("PWD") && SECRET.matcher(n).find() && !NOT_SECRET.matcher(n).matches();
  }

  /** A value written out in the file: not empty, not a variable reference, not a flag or a placeholder. */
  public static boolean isLiteral(String value) {
    String v = value.strip();
    return v.length() >= 4 && v.indexOf('$') < 0 && !NOT_A_SECRET_VALUE.matcher(v).matches() && !PLACEHOLDER.matcher(v).matches();
  }
}
