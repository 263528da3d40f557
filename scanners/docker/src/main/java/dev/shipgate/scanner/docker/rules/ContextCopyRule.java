package dev.shipgate.scanner.docker.rules;

import dev.shipgate.core.model.Confidence;
import dev.shipgate.core.model.Finding;
import dev.shipgate.core.model.Rule;
import dev.shipgate.core.model.Severity;
import dev.shipgate.scanner.docker.DockerfileInput;
import dev.shipgate.scanner.docker.DockerfileRule;
import dev.shipgate.scanner.docker.dockerfile.Instruction;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code COPY . .} copies the whole build context; without a {@code .dockerignore} that leaves out
 * {@code .git}, {@code .env} and keys, they end up in an image layer.
 */
public final class ContextCopyRule implements DockerfileRule {

  public static final Rule RULE = Rule.builder("docker/dockerfile/context-copy-unfiltered", "docker")
      .title("Whole build context copied without a .dockerignore for secrets")
      .severity(Severity.MEDIUM)
      .confidence(Confidence.MEDIUM)
      .cwe("CWE-538", "CWE-200")
      .description("COPY . (or ADD ., COPY *) copies the entire build context into the image. Unless the context's "
          + ".dockerignore leaves them out, local `.env` files, private keys (`*.pem`, `id_rsa`) and the `.git` directory "
          + "(the whole history, including secrets deleted long ago) end up in an image layer, where deleting them later "
          + "does not remove them. The build context is the one a Compose file in the repository gives the Dockerfile, else "
          + "the Dockerfile's directory; `<Dockerfile>.dockerignore` next to the Dockerfile is honoured as BuildKit does.")
      .fix("Add a .dockerignore next to the Dockerfile that excludes at least `.git`, `.env*`, `*.pem`, `*.key` and "
          + "`id_rsa*` (or allow-list: `*` then `!src/`, `!package*.json`), or copy only what the image needs "
          + "(`COPY src/ ./src/`).")
      .tags("cis-docker:4.10", "nist-800-190:4.1.4", "owasp-top10:A05:2021", "ssdf:PW.9.1", "iso27001:2022-A.8.12", "soc2:CC6.1")
      .build();

  private static final Set<String> WHOLE_CONTEXT = Set.of(".", "./", "*", "./*");
  /** A path the context likely holds for each kind of secret, at the context root where Docker's patterns apply. */
  private static final Map<String, String> PROBES = new LinkedHashMap<>();

  static {
    PROBES.put(".git", ".git/config");
    PROBES.put(".env", ".env");
    PROBES.put("*.pem", "key.pem");
    PROBES.put("id_rsa", "id_rsa");
  }

  @Override
  public Rule rule() {
    return RULE;
  }

  @Override
  public List<Finding> check(DockerfileInput input) {
    List<Finding> out = new ArrayList<>();
    DockerfileInput.Ignore ignore = input.ignore();
    for (Instruction in : input.dockerfile().instructions()) {
      if (!(in.is("COPY") || in.is("ADD")) || in.flag("from").isPresent() || !in.heredocs().isEmpty()) {
        continue;
      }
      List<String> paths = in.paths();
      if (paths.size() < 2 || paths.subList(0, paths.size() - 1).stream().noneMatch(WHOLE_CONTEXT::contains)) {
        continue;
      }
      if (!ignore.exists()) {
        out.add(input.at(RULE, in)
            .message(in.keyword() + " copies the whole build context and there is no .dockerignore next to the Dockerfile: "
                + ".git, .env files and keys would end up in the image")
            .build());
        continue;
      }
      List<String> kept = PROBES.entrySet().stream().filter(e -> !ignore.rules().excludes(e.getValue())).map(Map.Entry::getKey).toList();
      if (!kept.isEmpty()) {
        out.add(input.at(RULE, in)
            .message(in.keyword() + " copies the whole build context and " + ignore.path() + " does not exclude " + String.join(", ", kept))
            .build());
      }
    }
    return out;
  }
}
