package dev.shipgate.scanner.config.rules;

import dev.shipgate.scanner.config.ConfigView;
import dev.shipgate.scanner.config.RelaxedNames;
import dev.shipgate.scanner.config.Values;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Actuator endpoint ids by how much harm their web exposure does. */
final class Endpoints {

  /** Secrets, memory, code execution or control of the application. */
  static final List<String> HIGH = List.of("env", "heapdump", "threaddump", "configprops", "shutdown", "logfile",
      "jolokia", "httpexchanges", "httptrace", "gateway", "restart", "refresh", "busrefresh", "busenv");
  /** Internal structure, or state changes with limited reach. */
  static final List<String> MEDIUM = List.of("beans", "mappings", "loggers", "conditions", "scheduledtasks",
      "caches", "sessions", "auditevents", "flyway", "liquibase", "quartz", "integrationgraph", "startup");

  /** Present in every application with the actuator, enabled by default. */
  static final List<String> CORE_HIGH = List.of("env", "heapdump", "threaddump", "configprops", "logfile");

  static final String INCLUDE = "management.endpoints.web.exposure.include";
  static final String EXCLUDE = "management.endpoints.web.exposure.exclude";

  private Endpoints() {}

  /** Uniform endpoint ids, as the actuator compares them. */
  static Set<String> ids(List<String> items) {
    Set<String> out = new LinkedHashSet<>();
    for (String item : items) {
      String t = item.trim();
      out.add(t.equals("*") ? "*" : RelaxedNames.uniformWord(t));
    }
    return out;
  }

  /** Sensitive endpoints that {@code included} exposes once the view's exclusions are applied. */
  static Set<String> exposed(Set<String> included, ConfigView view) {
    Set<String> excluded = ids(view.items(EXCLUDE));
    Set<String> out = new LinkedHashSet<>();
    if (excluded.contains("*")) {
      return out;
    }
    for (String id : concat()) {
      if ((included.contains("*") || included.contains(id)) && !excluded.contains(id)
          && (!id.equals("shutdown") || shutdownEnabled(view))) {
        out.add(id);
      }
    }
    return out;
  }

  /** Off by default; exposing it means nothing until it is enabled. */
  static boolean shutdownEnabled(ConfigView view) {
    return view.isTrue("management.endpoint.shutdown.enabled")
        || view.value("management.endpoint.shutdown.access").map(v -> Values.isEnum(v, "unrestricted")).orElse(false);
  }

  /** True when the view exposes {@code id} over HTTP. */
  static boolean webExposed(String id, ConfigView view) {
    Set<String> included = ids(view.items(INCLUDE));
    Set<String> excluded = ids(view.items(EXCLUDE));
    return (included.contains("*") || included.contains(id)) && !excluded.contains("*") && !excluded.contains(id);
  }

  private static List<String> concat() {
    List<String> all = new java.util.ArrayList<>(HIGH);
    all.addAll(MEDIUM);
    return all;
  }
}
