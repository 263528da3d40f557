package dev.shipgate.scanner.java.rules;

import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;
import dev.shipgate.core.model.Confidence;
import dev.shipgate.core.model.Rule;
import dev.shipgate.core.model.Severity;
import dev.shipgate.scanner.java.frontend.JavaProject;
import dev.shipgate.scanner.java.frontend.MethodInfo;
import dev.shipgate.scanner.java.frontend.TypeInfo;
import dev.shipgate.scanner.java.taint.JavaCheck;
import dev.shipgate.scanner.java.taint.Reporter;
import java.util.List;
import java.util.Set;

/**
 * HTTP clients created with the platform's unlimited timeouts: {@code HttpClient.newHttpClient()} or a
 * {@code HttpClient.newBuilder()} chain without {@code connectTimeout}, a no-argument {@code new RestTemplate()},
 * Apache HttpClient 4 {@code HttpClients.createDefault()}, and {@code openConnection()} in a method that never
 * sets a connect or read timeout. A type that sets any timeout or request factory is not reported: the
 * timeout is then configured somewhere the check does not follow.
 */
public final class HttpClientTimeoutCheck implements JavaCheck {

  static final Rule RULE = Rule.builder("java/web/http-client-without-timeout", "java")
      .title("HTTP client without timeouts")
      .severity(Severity.LOW)
      .confidence(Confidence.MEDIUM)
      .cwe("CWE-1088", "CWE-400")
      .tags("owasp-top10:A04:2021", "asvs:4.0.3-1.11.3")
      .description("The client waits for a connection and a response without limit. A slow or unresponsive remote"
          + " service then holds a request thread per call until the pool is exhausted, and the application stops"
          + " answering.")
      .fix("Set connect and read timeouts (HttpClient.newBuilder().connectTimeout(...) and HttpRequest.timeout(...),"
          + " RestTemplateBuilder.connectTimeout/readTimeout, HttpURLConnection.setConnectTimeout/setReadTimeout).")
      .build();

  /** Calls that configure a timeout, or hand the client a factory that may carry one. */
  private static final Set<String> CLIENT_FACTORIES = Set.of("newHttpClient", "build", "createDefault");
  private static final Set<String> TIMEOUT_CALLS = Set.of("connectTimeout", "timeout", "setConnectTimeout", "setReadTimeout",
      "readTimeout", "setRequestFactory", "requestFactory", "setDefaultRequestConfig", "setConnectionRequestTimeout",
      "setTimeout", "responseTimeout", "setSoTimeout");

  @Override
  public List<Rule> rules() {
    return List.of(RULE);
  }

  @Override
  public void checkType(TypeInfo type, JavaProject project, Reporter reporter) {
    TypeCalls calls = TypeCalls.of(type);
    if (TIMEOUT_CALLS.stream().anyMatch(calls::calls)) {
      return;
    }
    boolean apache4 = type.unit().importsFrom("org.apache.http.");
    for (MethodInvocationTree c : calls.named(CLIENT_FACTORIES)) {
      String name = CallChain.name(c);
      CallChain chain = CallChain.of(c);
      if (name.equals("newHttpClient") && chain.startsWith("java.net.http.HttpClient", "newHttpClient")
          || name.equals("build") && chain.startsWith("java.net.http.HttpClient", "newBuilder")) {
        reporter.report(RULE, c, "java.net.http.HttpClient without connectTimeout (and no request timeout in this class)", null);
      } else if (apache4 && name.equals("createDefault") && chain.startsWith("org.apache.http.impl.client.HttpClients", "createDefault")) {
        reporter.report(RULE, c, "Apache HttpClient 4 default client has no socket or connect timeout", null);
      }
    }
    for (MethodInfo m : type.methods()) {
      if (m.body() == null || !calls.calls("openConnection")) {
        continue;
      }
      for (MethodInvocationTree c : TypeCalls.of(m).named("openConnection")) {
        if (c.getArguments().isEmpty()) {
          reporter.report(RULE, c, "URLConnection without setConnectTimeout/setReadTimeout", null);
        }
      }
    }
    for (NewClassTree n : calls.news()) {
      if (n.getArguments().isEmpty() && n.getClassBody() == null
          && "org.springframework.web.client.RestTemplate".equals(project.resolveType(type, n.getIdentifier()))) {
        reporter.report(RULE, n, "new RestTemplate() uses a request factory without timeouts", null);
      }
    }
  }
}
