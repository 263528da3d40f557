package dev.shipgate.scanner.docker;

import dev.shipgate.scanner.docker.rules.AddInsteadOfCopyRule;
import dev.shipgate.scanner.docker.rules.AddRemoteUrlRule;
import dev.shipgate.scanner.docker.rules.BaseImageNoDigestRule;
import dev.shipgate.scanner.docker.rules.BaseImageUnpinnedRule;
import dev.shipgate.scanner.docker.rules.ComposeImageUnpinnedRule;
import dev.shipgate.scanner.docker.rules.ComposeSecretRule;
import dev.shipgate.scanner.docker.rules.ContextCopyRule;
import dev.shipgate.scanner.docker.rules.DangerousCapabilityRule;
import dev.shipgate.scanner.docker.rules.DockerSocketRule;
import dev.shipgate.scanner.docker.rules.ExposeSshRule;
import dev.shipgate.scanner.docker.rules.HardcodedSecretRule;
import dev.shipgate.scanner.docker.rules.HostNamespaceRule;
import dev.shipgate.scanner.docker.rules.PackageUnpinnedRule;
import dev.shipgate.scanner.docker.rules.PipeToShellRule;
import dev.shipgate.scanner.docker.rules.PrivilegedRule;
import dev.shipgate.scanner.docker.rules.RootUserRule;
import dev.shipgate.scanner.docker.rules.SecurityProfileDisabledRule;
import dev.shipgate.scanner.docker.rules.SensitiveHostMountRule;
import dev.shipgate.scanner.docker.rules.VerificationDisabledRule;
import java.util.List;

/** Every rule of the docker family; a new rule is one class plus one line here. */
public final class DockerRules {

  public static final List<DockerfileRule> DOCKERFILE = List.of(
      new RootUserRule(),
      new BaseImageUnpinnedRule(),
      new BaseImageNoDigestRule(),
      new PipeToShellRule(),
      new AddRemoteUrlRule(),
      new AddInsteadOfCopyRule(),
      new HardcodedSecretRule(),
      new ContextCopyRule(),
      new VerificationDisabledRule(),
      new ExposeSshRule(),
      new PackageUnpinnedRule());

  public static final List<ComposeRule> COMPOSE = List.of(
      new PrivilegedRule(),
      new HostNamespaceRule(),
      new DangerousCapabilityRule(),
      new DockerSocketRule(),
      new SensitiveHostMountRule(),
      new SecurityProfileDisabledRule(),
      new ComposeSecretRule(),
      new ComposeImageUnpinnedRule());

  private DockerRules() {}
}
