package dev.shipgate.scanner.config.rules;

import dev.shipgate.core.model.Confidence;
import dev.shipgate.core.model.Rule;
import dev.shipgate.core.model.Severity;
import dev.shipgate.scanner.config.ConfigEntry;
import dev.shipgate.scanner.config.ConfigRule;
import dev.shipgate.scanner.config.ConfigView;
import dev.shipgate.scanner.config.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** JDBC, R2DBC and MongoDB connection strings whose parameters switch off certificate checks. */
public final class ConnectionTlsRule implements ConfigRule {

  public static final Rule RULE = Rule.builder("config/spring/connection-tls-unverified", "config")
      .title("Database connection accepts any TLS certificate")
      .severity(Severity.HIGH)
      .confidence(Confidence.HIGH)
      .cwe("CWE-295")
      .description("Connection-string parameters such as `trustServerCertificate=true` (SQL Server, MariaDB), "
          + "`sslfactory=org.postgresql.ssl.NonValidatingFactory` (PostgreSQL), `verifyServerCertificate=false` (MySQL) "
          + "or `tlsAllowInvalidCertificates=true` / `tlsInsecure=true` (MongoDB) keep the connection encrypted but accept "
          + "any certificate, so a machine in the middle receives the database credentials and data.")
      .fix("Remove the parameter and give the driver the server's CA (for PostgreSQL `sslmode=verify-full` with "
          + "`sslrootcert`, for SQL Server `trustStore`, for MySQL `sslMode=VERIFY_IDENTITY`).")
      .tags("owasp-top10:A07:2021", "owasp-top10:A02:2021", "asvs:4.0.3-9.2.1", "ssdf:PW.9.1",
          "iso27001:2022-A.8.24", "soc2:CC6.7")
      .build();

  private static final Set<String> URL_KEYS = Set.of("url", "uri", "jdbcurl", "connectionstring");
  private static final List<String> UNSAFE = List.of(
      "trustservercertificate=true", "sslfactory=org.postgresql.ssl.nonvalidatingfactory",
      "verifyservercertificate=false", "tlsallowinvalidcertificates=true", "tlsallowinvalidhostnames=true",
      "tlsinsecure=true", "sslinvalidhostnameallowed=true");

  // Connection strings may embed credentials; the report prints this masked copy instead of the line.
  private static final Pattern PASSWORD_PARAM = Pattern.compile("(?i)((?:password|pwd)=)[^;&]*");
  private static final Pattern USER_INFO = Pattern.compile("(//[^/:@;?]+:)[^@/]*@");

  static String masked(String url) {
    return USER_INFO.matcher(PASSWORD_PARAM.matcher(url).replaceAll("$1****")).replaceAll("$1****@");
  }

  @Override
  public Rule rule() {
    return RULE;
  }

  @Override
  public Optional<Verdict> check(ConfigEntry entry, ConfigView view) {
    String name = entry.name();
    String last = name.substring(name.lastIndexOf('.') + 1);
    String value = entry.value().toLowerCase(Locale.ROOT);
    if (!URL_KEYS.contains(last) || !(value.startsWith("jdbc:") || value.startsWith("r2dbc:") || value.startsWith("mongodb"))) {
      return Optional.empty();
    }
    List<String> found = new ArrayList<>();
    for (String param : value.split("[?&;]")) {
      String p = param.replace(" ", "");
      if (UNSAFE.contains(p)) {
        found.add(p);
      }
    }
    if (found.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(Verdict.of(RULE, "the connection string accepts any server certificate (" + String.join(", ", found) + ")")
        .snippet(entry.key() + "=" + masked(entry.value())));
  }
}
