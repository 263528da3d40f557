package dev.shipgate.scanner.ci;

import java.util.Locale;
import java.util.regex.Pattern;

/** Variable names that hold credentials, as people name them in pipelines. */
public final class SecretNames {

  private static final Pattern SECRET = Pattern.compile(
      "(?:^|_)(?:PASSWORD|PASSWD|PASS|PWD|SECRET|SECRETS|TOKEN|APIKEY|API_KEY|PRIVATE_KEY|ACCESS_KEY|SECRET_KEY|CREDENTIALS?|AUTH|PAT|DSN|CLIENT_SECRET|SIGNING_KEY|ENCRYPTION_KEY)(?:$|_)");
  /** Names about a secret rather than holding one (where it lives, whether a check runs, who owns it). */
  private static final Pattern NOT_SECRET = Pattern.compile(
      "^(?:CI_|GITLAB_|SECRET_DETECTION_)|_(?:FILE|PATH|DIR|URL|URI|HOST|ENDPOINT|NAME|USER|USERNAME|ID|ENABLED|DISABLED|HEADER|TYPE|LENGTH|TTL|EXPIRY|VERSION|IMAGE|REGION|SCOPE|SCOPES|PARAM)$|^PWD$");

  private SecretNames() {}

  public static boolean isSecret(String name) {
    String n = name.toUpperCase(Locale.ROOT).replace('-', '_');
    return SECRET.matcher(n).find() && !NOT_SECRET.matcher(n).find();
  }

  /** Names that look like production or release credentials, which should be protected variables. */
  public static boolean isProtectedLooking(String name) {
    String n = name.toUpperCase(Locale.ROOT);
    return n.contains("PROD") || n.contains("DEPLOY") || n.contains("RELEASE") || n.contains("PUBLISH") || n.contains("SIGN");
  }
}
