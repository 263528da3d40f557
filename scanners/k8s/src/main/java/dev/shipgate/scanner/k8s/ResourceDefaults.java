package dev.shipgate.scanner.k8s;

import dev.shipgate.core.policy.PolicyException;
import dev.shipgate.core.policy.Settings;

/**
 * The requests and limits the resources fix writes: {@code scanners.k8s.default_limits} and
 * {@code default_requests} in the policy, each a mapping with {@code cpu} and {@code memory} quantities.
 */
record ResourceDefaults(String cpuRequest, String memoryRequest, String cpuLimit, String memoryLimit) {

  static final String LIMITS = "default_limits";
  static final String REQUESTS = "default_requests";

  /** A small web service's footprint: enough to start a JVM or Node process, low enough to notice a leak. */
  static final ResourceDefaults BUILT_IN = new ResourceDefaults("100m", "128Mi", "500m", "512Mi");

  static ResourceDefaults from(Settings settings) throws PolicyException {
    Settings limits = settings.section(LIMITS);
    Settings requests = settings.section(REQUESTS);
    limits.requireOnly(java.util.Set.of("cpu", "memory"), "'" + LIMITS + "'");
    requests.requireOnly(java.util.Set.of("cpu", "memory"), "'" + REQUESTS + "'");
    ResourceDefaults d = new ResourceDefaults(
        quantity(requests, "cpu", BUILT_IN.cpuRequest), quantity(requests, "memory", BUILT_IN.memoryRequest),
        quantity(limits, "cpu", BUILT_IN.cpuLimit), quantity(limits, "memory", BUILT_IN.memoryLimit));
    if (Quantities.parse(d.cpuRequest).getAsDouble() > Quantities.parse(d.cpuLimit).getAsDouble()) {
      throw (requests.has("cpu") ? requests : limits).errorAt("cpu", "the default cpu request " + d.cpuRequest
          + " is above the default cpu limit " + d.cpuLimit + "; Kubernetes rejects such a container");
    }
    if (Quantities.parse(d.memoryRequest).getAsDouble() > Quantities.parse(d.memoryLimit).getAsDouble()) {
      throw (requests.has("memory") ? requests : limits).errorAt("memory", "the default memory request " + d.memoryRequest
          + " is above the default memory limit " + d.memoryLimit + "; Kubernetes rejects such a container");
    }
    return d;
  }

  private static String quantity(Settings section, String key, String fallback) throws PolicyException {
    String v = section.string(key, fallback).trim();
    if (!Quantities.valid(v)) {
      throw section.errorAt(key, "'" + key + "' must be a Kubernetes quantity such as 500m, 2 or 512Mi, not '" + v + "'");
    }
    return v;
  }

  String request(String resource) {
    return resource.equals("cpu") ? cpuRequest : memoryRequest;
  }

  String limit(String resource) {
    return resource.equals("cpu") ? cpuLimit : memoryLimit;
  }
}
