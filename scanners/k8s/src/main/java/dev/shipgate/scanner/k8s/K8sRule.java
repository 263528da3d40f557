package dev.shipgate.scanner.k8s;

import dev.shipgate.core.model.Rule;

/**
 * One check of the k8s family. Implementations are small final classes with their metadata in a
 * {@code static final Rule RULE}; they are registered in {@link K8sRules#ALL}. Workload rules override
 * {@link #checkPod}, rules about other objects (RBAC) {@link #checkObject}.
 */
public interface K8sRule {

  Rule rule();

  /** Judges one pod spec (a Pod, or the template of a controller). */
  default void checkPod(Pod pod, Issues issues) {}

  /** Judges any object with {@code apiVersion} and {@code kind}. */
  default void checkObject(K8sObject object, Issues issues) {}
}
