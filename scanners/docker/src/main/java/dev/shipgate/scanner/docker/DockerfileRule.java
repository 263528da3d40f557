package dev.shipgate.scanner.docker;

import dev.shipgate.core.model.Finding;
import dev.shipgate.core.model.Rule;
import java.util.List;

/**
 * One check on a parsed Dockerfile. Implementations are small final classes in {@code rules} with their
 * metadata in a {@code public static final Rule RULE}; they are registered in {@link DockerRules}.
 */
public interface DockerfileRule {

  Rule rule();

  List<Finding> check(DockerfileInput input);
}
