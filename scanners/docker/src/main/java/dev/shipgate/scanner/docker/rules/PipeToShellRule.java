package dev.shipgate.scanner.docker.rules;

import dev.shipgate.core.model.Confidence;
import dev.shipgate.core.model.Finding;
import dev.shipgate.core.model.Rule;
import dev.shipgate.core.model.Severity;
import dev.shipgate.scanner.docker.DockerfileInput;
import dev.shipgate.scanner.docker.DockerfileRule;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code curl … | sh}, {@code bash <(curl …)}, {@code sh -c "$(wget -O- …)"}: running a download unseen. */
public final class PipeToShellRule implements DockerfileRule {

  public static final Rule RULE = Rule.builder("docker/dockerfile/pipe-to-shell", "docker")
      .title("Downloaded script is piped into a shell")
      .severity(Severity.HIGH)
      .confidence(Confidence.HIGH)
      .cwe("CWE-494", "CWE-829")
      .description("A RUN step downloads a script with curl or wget and executes it directly (`| sh`, `| bash`, "
          + "`bash <(curl …)`, `sh -c \"$(curl …)\"`). Nothing checks what was downloaded: a compromised or hijacked "
          + "server, a DNS or proxy attack, or a changed upstream script runs as root inside the build with access to "
          + "build secrets, and whatever it installs ships in the image. A truncated download can also run half a script.")
      .fix("Download to a file, verify it against a pinned checksum or signature (`echo \"<sha256>  install.sh\" | "
          + "sha256sum -c -`), then run it; better, install a pinned package or copy the binary from a pinned image "
          + "(`COPY --from=<image>@sha256:… /bin/tool /usr/local/bin/`).")
      .tags("cis-docker:4.11", "nist-800-190:4.1.3", "owasp-top10:A08:2021", "ssdf:PW.4.1", "iso27001:2022-A.8.28", "soc2:CC8.1")
      .build();

  private static final String SHELL = "(?:sudo\\s+(?:-\\S+\\s+)*)?(?:env\\s+(?:\\S+=\\S*\\s+)*)?(?:/usr)?(?:/local)?(?:/bin/)?"
      + "(?:sh|bash|zsh|dash|ash|ksh|fish|python[0-9.]*|perl|ruby|node|php)\\b";
  private static final Pattern PIPE = Pattern.compile("\\b(?:curl|wget)\\b[^|;&\\n]*\\|\\s*" + SHELL);
  private static final Pattern SUBSTITUTION = Pattern.compile("\\b" + SHELL.substring(SHELL.indexOf("(?:sh|"))
      + "(?:\\s+-\\S+)*\\s+(?:<\\(\\s*|[\"']?\\$\\(\\s*)(?:curl|wget)\\b|\\beval\\s+[\"']?\\$\\(\\s*(?:curl|wget)\\b");

  @Override
  public Rule rule() {
    return RULE;
  }

  @Override
  public List<Finding> check(DockerfileInput input) {
    List<Finding> out = new ArrayList<>();
    Set<Integer> lines = new HashSet<>();
    for (Scripts.Script s : Scripts.of(input.dockerfile())) {
      for (Pattern p : new Pattern[] {PIPE, SUBSTITUTION}) {
        Matcher m = p.matcher(s.text().value());
        while (m.find()) {
          int offset = s.text().sourceOffset(m.start());
          if (lines.add(input.file().lineOf(offset))) {
            out.add(input.at(RULE, s.instruction(), offset)
                .message("RUN executes a downloaded script without verifying it: " + shorten(m.group()))
                .build());
          }
        }
      }
    }
    return out;
  }

  private static String shorten(String s) {
    String one = s.replaceAll("\\s+", " ");
    return one.length() > 120 ? one.substring(0, 120) + "…" : one;
  }
}
