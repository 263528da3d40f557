package dev.shipgate.scanner.ci;

import dev.shipgate.scanner.ci.rules.ArtifactPoisoningRule;
import dev.shipgate.scanner.ci.rules.CheckoutCredentialsRule;
import dev.shipgate.scanner.ci.rules.ExcessivePermissionsRule;
import dev.shipgate.scanner.ci.rules.GithubCurlPipeShellRule;
import dev.shipgate.scanner.ci.rules.GitlabCurlPipeShellRule;
import dev.shipgate.scanner.ci.rules.GitlabDebugTraceRule;
import dev.shipgate.scanner.ci.rules.GitlabMergeRequestSecretsRule;
import dev.shipgate.scanner.ci.rules.GitlabSecretVariablesRule;
import dev.shipgate.scanner.ci.rules.GitlabUnpinnedIncludeRule;
import dev.shipgate.scanner.ci.rules.InsecureCommandsRule;
import dev.shipgate.scanner.ci.rules.MissingPermissionsRule;
import dev.shipgate.scanner.ci.rules.ScriptInjectionRule;
import dev.shipgate.scanner.ci.rules.SecretsInheritRule;
import dev.shipgate.scanner.ci.rules.SecretsToUntrustedCodeRule;
import dev.shipgate.scanner.ci.rules.SelfHostedRunnerRule;
import dev.shipgate.scanner.ci.rules.UnpinnedActionRule;
import dev.shipgate.scanner.ci.rules.UntrustedCheckoutRule;
import java.util.List;

/** Every rule of the ci family; a new rule is one class plus one line here. */
public final class CiRules {

  public static final List<CiRule> ALL = List.of(
      new UntrustedCheckoutRule(),
      new ScriptInjectionRule(),
      new SecretsToUntrustedCodeRule(),
      new ArtifactPoisoningRule(),
      new UnpinnedActionRule(),
      new MissingPermissionsRule(),
      new ExcessivePermissionsRule(),
      new SecretsInheritRule(),
      new CheckoutCredentialsRule(),
      new SelfHostedRunnerRule(),
      new InsecureCommandsRule(),
      new GithubCurlPipeShellRule(),
      new GitlabSecretVariablesRule(),
      new GitlabMergeRequestSecretsRule(),
      new GitlabCurlPipeShellRule(),
      new GitlabUnpinnedIncludeRule(),
      new GitlabDebugTraceRule());

  private CiRules() {}
}
