package dev.shipgate.scanner.java.rules;

import dev.shipgate.scanner.java.taint.JavaCheck;
import java.util.List;

/** The central list of checks that are not plain source-to-sink flows; taint rules live in the model files. */
public final class JavaChecks {

  private JavaChecks() {}

  public static List<JavaCheck> all() {
    return List.of(new WeakHashCheck(), new WeakCipherCheck(), new InsecureRandomCheck(), new InsecureCookieCheck(),
        new TrustAllCheck(), new XxeCheck(), new CredentialLoggingCheck(), new HardcodedKeyCheck(), new StaticIvCheck(),
        new WeakKeySizeCheck(), new JwtWithoutExpiryCheck(), new JwtLifetimeCheck(), new JwtUnverifiedCheck(), new CsrfDisabledCheck(),
        new CorsCredentialsCheck(), new CredentialsInQueryCheck(), new TimingUnsafeComparisonCheck(),
        new ExceptionExposureCheck(), new HttpClientTimeoutCheck(), new CookieSameSiteCheck(), new SqlParameterFix(),
        new MyBatisSubstitutionCheck(), new JacksonDefaultTypingCheck());
  }
}
