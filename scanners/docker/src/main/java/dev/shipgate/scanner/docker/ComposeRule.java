package dev.shipgate.scanner.docker;

import dev.shipgate.core.model.Finding;
import dev.shipgate.core.model.Rule;
import java.util.List;

/** One check on the services of a Compose file; registered in {@link DockerRules} like {@link DockerfileRule}s. */
public interface ComposeRule {

  Rule rule();

  List<Finding> check(ComposeInput input, ComposeInput.Service service);
}
