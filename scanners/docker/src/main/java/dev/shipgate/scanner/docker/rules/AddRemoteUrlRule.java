package dev.shipgate.scanner.docker.rules;

import dev.shipgate.core.model.Confidence;
import dev.shipgate.core.model.Finding;
import dev.shipgate.core.model.Rule;
import dev.shipgate.core.model.Severity;
import dev.shipgate.scanner.docker.DockerfileInput;
import dev.shipgate.scanner.docker.DockerfileRule;
import dev.shipgate.scanner.docker.Snippets;
import dev.shipgate.scanner.docker.dockerfile.Instruction;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** {@code ADD https://…} without {@code --checksum}: the build trusts whatever the server returns. */
public final class AddRemoteUrlRule implements DockerfileRule {

  public static final Rule RULE = Rule.builder("docker/dockerfile/add-remote-url", "docker")
      .title("ADD downloads a remote file without a checksum")
      .severity(Severity.MEDIUM)
      .confidence(Confidence.HIGH)
      .cwe("CWE-494", "CWE-829")
      .description("ADD with an http(s) or git URL fetches content at build time and puts it into the image with no "
          + "integrity check, and repeats the download whenever the cache is cold: a compromised server, a moved "
          + "release asset or a man in the middle changes what ships. A git URL without a commit id follows a moving "
          + "branch or tag. BuildKit's `ADD --checksum=sha256:…` verifies HTTP downloads and is accepted.")
      .fix("Add `--checksum=sha256:<digest>` to the ADD (Dockerfile syntax 1.6+), or download with `RUN curl -fsSLo file "
          + "<url> && echo \"<sha256>  file\" | sha256sum -c -`; for git sources pin the commit (`…git#<40-hex commit>`).")
      .tags("cis-docker:4.9", "nist-800-190:4.1.3", "owasp-top10:A08:2021", "ssdf:PW.4.1", "iso27001:2022-A.8.28", "soc2:CC8.1")
      .build();

  private static final Pattern REMOTE = Pattern.compile("(?i)(?:https?|ftp)://\\S+|git@\\S+");
  private static final Pattern GIT = Pattern.compile("(?i)git@\\S+|\\S+\\.git(?:#.*)?|https?://(?:github\\.com|gitlab\\.com|bitbucket\\.org)/[^/]+/[^/#]+/?(?:#.*)?");
  private static final Pattern COMMIT = Pattern.compile(".*#[0-9a-f]{40}(?::.*)?");

  @Override
  public Rule rule() {
    return RULE;
  }

  @Override
  public List<Finding> check(DockerfileInput input) {
    List<Finding> out = new ArrayList<>();
    for (Instruction in : input.dockerfile().instructions()) {
      if (!in.is("ADD")) {
        continue;
      }
      List<String> paths = in.paths();
      for (String src : paths.subList(0, Math.max(0, paths.size() - 1))) {
        if (!REMOTE.matcher(src).matches()) {
          continue;
        }
        boolean git = GIT.matcher(src).matches();
        if (git ? COMMIT.matcher(src).matches() : in.flag("checksum").filter(c -> !c.isEmpty()).isPresent()) {
          continue;
        }
        out.add(input.at(RULE, in)
            .message(git ? "ADD clones " + Snippets.sanitize(src) + " at a moving ref; pin a commit id"
                : "ADD downloads " + Snippets.sanitize(src) + " without --checksum; nothing verifies the content")
            .build());
        break;
      }
    }
    return out;
  }
}
