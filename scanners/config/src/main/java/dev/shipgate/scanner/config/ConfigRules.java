package dev.shipgate.scanner.config;

import dev.shipgate.scanner.config.rules.ActuatorExposureRule;
import dev.shipgate.scanner.config.rules.ActuatorHealthDetailsRule;
import dev.shipgate.scanner.config.rules.ActuatorSecurityDisabledRule;
import dev.shipgate.scanner.config.rules.ActuatorShowValuesRule;
import dev.shipgate.scanner.config.rules.ActuatorShutdownRule;
import dev.shipgate.scanner.config.rules.ApiConsoleInProductionRule;
import dev.shipgate.scanner.config.rules.ConnectionTlsRule;
import dev.shipgate.scanner.config.rules.CorsPermissiveRule;
import dev.shipgate.scanner.config.rules.DebugModeRule;
import dev.shipgate.scanner.config.rules.DevtoolsRemoteRule;
import dev.shipgate.scanner.config.rules.ErrorDetailsRule;
import dev.shipgate.scanner.config.rules.ErrorStacktraceRule;
import dev.shipgate.scanner.config.rules.H2ConsoleRule;
import dev.shipgate.scanner.config.rules.HttpExchangeCredentialsRule;
import dev.shipgate.scanner.config.rules.RequestDetailsLoggingRule;
import dev.shipgate.scanner.config.rules.SecurityDebugLoggingRule;
import dev.shipgate.scanner.config.rules.SessionCookieNotHttpOnlyRule;
import dev.shipgate.scanner.config.rules.SessionCookieNotSecureRule;
import dev.shipgate.scanner.config.rules.SessionCookieSameSiteNoneRule;
import dev.shipgate.scanner.config.rules.SessionIdInUrlRule;
import dev.shipgate.scanner.config.rules.SessionTimeoutRule;
import dev.shipgate.scanner.config.rules.SqlLoggingRule;
import dev.shipgate.scanner.config.rules.TlsVerificationDisabledRule;
import dev.shipgate.scanner.config.rules.TrustAnyProxyRule;
import java.util.List;

/** Every rule of the config family; a new rule is one class plus one line here. */
public final class ConfigRules {

  public static final List<ConfigRule> ALL = List.of(
      new DebugModeRule(),
      new ActuatorExposureRule(),
      new ActuatorShutdownRule(),
      new ActuatorHealthDetailsRule(),
      new ActuatorShowValuesRule(),
      new ActuatorSecurityDisabledRule(),
      new ErrorStacktraceRule(),
      new ErrorDetailsRule(),
      new H2ConsoleRule(),
      new TlsVerificationDisabledRule(),
      new ConnectionTlsRule(),
      new CorsPermissiveRule(),
      new TrustAnyProxyRule(),
      new SessionCookieNotSecureRule(),
      new SessionCookieNotHttpOnlyRule(),
      new SessionCookieSameSiteNoneRule(),
      new SessionIdInUrlRule(),
      new SessionTimeoutRule(),
      new SqlLoggingRule(),
      new SecurityDebugLoggingRule(),
      new RequestDetailsLoggingRule(),
      new HttpExchangeCredentialsRule(),
      new ApiConsoleInProductionRule(),
      new DevtoolsRemoteRule());

  private ConfigRules() {}
}
