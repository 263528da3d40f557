package dev.shipgate.scanner.k8s;

import dev.shipgate.scanner.k8s.rules.AppArmorUnconfinedRule;
import dev.shipgate.scanner.k8s.rules.CapabilitiesNotDroppedRule;
import dev.shipgate.scanner.k8s.rules.ClusterAdminBindingRule;
import dev.shipgate.scanner.k8s.rules.ConfigMapCredentialRule;
import dev.shipgate.scanner.k8s.rules.DangerousCapabilitiesRule;
import dev.shipgate.scanner.k8s.rules.HostNamespaceRule;
import dev.shipgate.scanner.k8s.rules.HostPathVolumeRule;
import dev.shipgate.scanner.k8s.rules.HostPortRule;
import dev.shipgate.scanner.k8s.rules.ImageDigestRule;
import dev.shipgate.scanner.k8s.rules.MutableImageTagRule;
import dev.shipgate.scanner.k8s.rules.PrivilegeEscalationRule;
import dev.shipgate.scanner.k8s.rules.PrivilegedContainerRule;
import dev.shipgate.scanner.k8s.rules.ProcMountRule;
import dev.shipgate.scanner.k8s.rules.PublicSubjectBindingRule;
import dev.shipgate.scanner.k8s.rules.RbacEscalationVerbsRule;
import dev.shipgate.scanner.k8s.rules.RbacSecretsAccessRule;
import dev.shipgate.scanner.k8s.rules.RbacWildcardRule;
import dev.shipgate.scanner.k8s.rules.RbacWorkloadAccessRule;
import dev.shipgate.scanner.k8s.rules.ResourceLimitsRule;
import dev.shipgate.scanner.k8s.rules.ResourceRequestsRule;
import dev.shipgate.scanner.k8s.rules.RunAsRootRule;
import dev.shipgate.scanner.k8s.rules.SeLinuxOptionsRule;
import dev.shipgate.scanner.k8s.rules.SeccompProfileRule;
import dev.shipgate.scanner.k8s.rules.SecretInEnvRule;
import dev.shipgate.scanner.k8s.rules.ServiceAccountTokenRule;
import dev.shipgate.scanner.k8s.rules.UnsafeSysctlsRule;
import dev.shipgate.scanner.k8s.rules.WritableRootFilesystemRule;
import java.util.List;

/**
 * Every rule of the k8s family; a new rule is one class plus one line here. Container rules whose findings the
 * securityContext fix resolves come first, so that fix rides on the container's most severe finding.
 */
public final class K8sRules {

  public static final List<K8sRule> ALL = List.of(
      new PrivilegedContainerRule(),
      new PrivilegeEscalationRule(),
      new RunAsRootRule(),
      new CapabilitiesNotDroppedRule(),
      new WritableRootFilesystemRule(),
      new SeccompProfileRule(),
      new DangerousCapabilitiesRule(),
      new HostNamespaceRule(),
      new HostPathVolumeRule(),
      new HostPortRule(),
      new UnsafeSysctlsRule(),
      new ProcMountRule(),
      new AppArmorUnconfinedRule(),
      new SeLinuxOptionsRule(),
      new ResourceLimitsRule(),
      new ResourceRequestsRule(),
      new MutableImageTagRule(),
      new ImageDigestRule(),
      new SecretInEnvRule(),
      new ConfigMapCredentialRule(),
      new ServiceAccountTokenRule(),
      new RbacWildcardRule(),
      new RbacEscalationVerbsRule(),
      new RbacSecretsAccessRule(),
      new RbacWorkloadAccessRule(),
      new PublicSubjectBindingRule(),
      new ClusterAdminBindingRule());

  private K8sRules() {}
}
