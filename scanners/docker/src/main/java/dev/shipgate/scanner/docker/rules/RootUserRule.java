package dev.shipgate.scanner.docker.rules;

import dev.shipgate.core.model.Confidence;
import dev.shipgate.core.model.Finding;
import dev.shipgate.core.model.Fix;
import dev.shipgate.core.model.Rule;
import dev.shipgate.core.model.Severity;
import dev.shipgate.scanner.docker.DockerSettings;
import dev.shipgate.scanner.docker.DockerfileInput;
import dev.shipgate.scanner.docker.DockerfileRule;
import dev.shipgate.scanner.docker.dockerfile.Dockerfile;
import dev.shipgate.scanner.docker.dockerfile.ImageRef;
import dev.shipgate.scanner.docker.dockerfile.Instruction;
import dev.shipgate.scanner.docker.dockerfile.Stage;
import dev.shipgate.scanner.docker.dockerfile.Variables;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The shipped image (the last stage) runs as root: no {@code USER} in it or in the stages it builds on,
 * or the last one is {@code root}/{@code 0}. Earlier build stages may run as root; they are not shipped.
 */
public final class RootUserRule implements DockerfileRule {

  public static final Rule RULE = Rule.builder("docker/dockerfile/root-user", "docker")
      .title("Container runs as root")
      .severity(Severity.HIGH)
      .confidence(Confidence.HIGH)
      .cwe("CWE-250", "CWE-269")
      .description("The final stage of the Dockerfile sets no USER, or its last USER is root, so the application runs as "
          + "UID 0 inside the container. Any code execution bug then has root's rights over the container's files, and a "
          + "container escape (kernel or runtime bug, a mounted socket, an added capability) starts from root on the host. "
          + "Only the final stage is judged: build stages are not shipped. Images that already default to a non-root user "
          + "(distroless `:nonroot`, Chainguard, .NET chiseled, nginx-unprivileged) pass.")
      .fix("Create or pick an unprivileged user and add `USER <uid>:<gid>` to the final stage after the last step that "
          + "needs root (package installs), before CMD/ENTRYPOINT. Use a numeric UID (e.g. 10001) so Kubernetes "
          + "`runAsNonRoot` can verify it; official images often ship one (`node`, distroless `nonroot`).")
      .tags("cis-docker:4.1", "nist-800-190:4.1.2", "owasp-top10:A05:2021", "ssdf:PW.9.1", "iso27001:2022-A.8.2", "soc2:CC6.3")
      .build();

  /** Instructions that need the build's user; a USER added by the fix goes after the last of them. */
  private static final Set<String> BUILD_STEPS = Set.of("RUN", "COPY", "ADD", "USER", "WORKDIR", "ONBUILD", "SHELL");

  @Override
  public Rule rule() {
    return RULE;
  }

  @Override
  public List<Finding> check(DockerfileInput input) {
    Dockerfile df = input.dockerfile();
    Stage last = df.finalStage();
    if (last == null) {
      return List.of();
    }
    for (Stage s = last; s != null; s = s.parent()) {
      Optional<Instruction> user = lastUser(s);
      if (user.isPresent()) {
        Instruction in = user.get();
        Optional<String> value = Variables.expand(in.operands().value().strip(), s.variablesBefore(in, df.globals()), df.escape());
        if (value.isEmpty() || !DockerSettings.isRoot(value.get())) {
          return List.of();
        }
        return List.of(input.at(RULE, in)
            .message("the shipped image runs as root: the last USER" + (s.index() == last.index() ? "" : " (in stage " + s.name() + ", which the final stage builds on)")
                + " is '" + value.get() + "'")
            .fix(fix(input, last))
            .build());
      }
    }
    String image = last.rootImage();
    if (image != null && defaultsToNonRoot(ImageRef.parse(image))) {
      return List.of();
    }
    Finding.Builder b = input.at(RULE, last.from()).fix(fix(input, last));
    if (image == null) {
      b.message("the final stage sets no USER and its base image (" + last.image() + ") is not known, so the image likely runs as root")
          .confidence(Confidence.LOW);
    } else if (last.rootImage().equalsIgnoreCase("scratch")) {
      b.message("the final stage is built FROM scratch and sets no USER: the process runs as UID 0; add a numeric USER");
    } else {
      b.message("the final stage sets no USER, so the image runs as root (the default of " + image + ")");
    }
    return List.of(b.build());
  }

  private static Optional<Instruction> lastUser(Stage s) {
    Instruction found = null;
    for (Instruction in : s.body()) {
      if (in.is("USER")) {
        found = in;
      }
    }
    return Optional.ofNullable(found);
  }

  /** Images whose default user is not root, by their published conventions. */
  static boolean defaultsToNonRoot(ImageRef ref) {
    String repo = ref.familiar();
    String tag = ref.tag() == null ? "" : ref.tag().toLowerCase(Locale.ROOT);
    return tag.contains("nonroot")
        || (repo.startsWith("cgr.dev/chainguard/") && !tag.contains("dev"))
        || (repo.startsWith("mcr.microsoft.com/dotnet/") && tag.contains("chiseled"))
        || repo.equals("nginxinc/nginx-unprivileged");
  }

  /** The user to add: the one the base image ships for this purpose, else the policy's (default 10001:10001). */
  private static String userFor(String image, DockerSettings settings) {
    if (image != null) {
      String repo = ImageRef.parse(image).familiar();
      if (repo.equals("node")) {
        return "node";
      }
      if (repo.startsWith("gcr.io/distroless/") || repo.startsWith("cgr.dev/chainguard/")) {
        return "nonroot";
      }
    }
    return settings.user();
  }

  /**
   * Inserts {@code USER} after the final stage's last build step, before the CMD or ENTRYPOINT that follows
   * it, or after the stage's last instruction; indentation, keyword case and line breaks follow the file.
   */
  private static Fix fix(DockerfileInput input, Stage last) {
    String text = input.file().text();
    String nl = input.dockerfile().newline();
    String user = userFor(last.rootImage(), input.settings());
    List<Instruction> body = last.body();
    int lastBuild = -1;
    for (int i = 0; i < body.size(); i++) {
      if (BUILD_STEPS.contains(body.get(i).keyword())) {
        lastBuild = i;
      }
    }
    for (int i = lastBuild + 1; i < body.size(); i++) {
      Instruction in = body.get(i);
      if (in.is("CMD") || in.is("ENTRYPOINT")) {
        int lineStart = text.lastIndexOf('\n', in.start() - 1) + 1;
        String line = keyword(in) + " " + user;
        return Fix.of("add `" + line + "` before " + in.keyword(),
            Fix.Edit.insert(input.path(), lineStart, text.substring(lineStart, in.start()) + line + nl));
      }
    }
    Instruction after = body.isEmpty() ? last.from() : body.get(body.size() - 1);
    String line = keyword(after) + " " + user;
    return Fix.of("add `" + line + "` at the end of the final stage", Fix.Edit.insert(input.path(), after.end(), nl + line));
  }

  private static String keyword(Instruction like) {
    return like.written().equals(like.written().toLowerCase(Locale.ROOT)) ? "user" : "USER";
  }
}
