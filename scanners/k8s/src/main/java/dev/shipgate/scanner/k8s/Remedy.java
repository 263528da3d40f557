package dev.shipgate.scanner.k8s;

/**
 * The mechanical fixes of the family. Each one is computed once per container or pod and rides on the first
 * issue it resolves, because issues of several rules edit the same block (one {@code securityContext}) and
 * overlapping fixes would be set aside.
 */
public enum Remedy {
  /** Harden the container's {@code securityContext} in one edit (see {@link SecurityContextFix}). */
  SECURITY_CONTEXT,
  /** Give the container resource limits, and requests when it has none (see {@link ResourcesFix}). */
  RESOURCES,
  /** {@code automountServiceAccountToken: false} on the pod spec (see {@link AutomountFix}). */
  AUTOMOUNT_TOKEN
}
