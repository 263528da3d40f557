package dev.shipgate.scanner.api.model;

import dev.shipgate.scanner.java.frontend.MethodInfo;
import java.util.List;

/**
 * One HTTP route found in code.
 *
 * @param method HTTP method in upper case, or {@code ANY} when the handler accepts every method
 * @param path the full path as the application serves it below its context path, template names kept
 * @param framework {@code spring}, {@code spring-webflux}, {@code jax-rs}, {@code micronaut}, {@code quarkus},
 *     {@code express}, {@code flask} or {@code fastapi}
 * @param handler readable handler name ({@code com.acme.UserController#get})
 * @param handlerMethod the Java handler, null for script routes
 * @param scriptAuth for script routes, the decision read from the declaration; null for Java routes
 */
public record Route(String method, String path, String framework, String file, int line, String handler,
    MethodInfo handlerMethod, List<Param> params, Decision scriptAuth) {

  public Route {
    params = List.copyOf(params);
  }

  public boolean anyMethod() {
    return method.equals("ANY");
  }

  public String key() {
    return method + " " + Paths.key(path);
  }

  @Override
  public String toString() {
    return method + " " + path + " (" + file + ":" + line + ")";
  }
}
