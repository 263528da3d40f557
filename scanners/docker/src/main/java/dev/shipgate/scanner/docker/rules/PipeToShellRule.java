package dev.shipgate.scanner.docker.rules;

import dev.shipgate.core.model.Confidence;
import dev.shipgate.core.model.Finding;
import dev.shipgate.core.model.Rule;
import dev.shipgate.core.model.Severity;
import dev.shipgate.scanner.docker.DockerfileInput;
import dev.shipgate.scanner.docker.DockerfileRule;
import dev.shipgate.scanner.docker.Snippets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code curl … | sh}, {@code bash <(curl …)}, {@code sh -c "$(wget -O- …)"}, PowerShell's {@code iwr … | iex}
 * and {@code iex ((New-Object Net.WebClient).DownloadString(…))}: running a download unseen.
 */
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

  private static final String INTERPRETER = "(?:sh|bash|zsh|dash|ash|ksh|fish|python[0-9.]*|perl|ruby|node|php|(?i:iex|invoke-expression))\\b";
  private static final String SHELL = "(?:sudo\\s++(?:-\\S++\\s++){0,10}+)?(?:env\\s++(?:\\S+=\\S*+\\s++){0,10}+)?(?:/usr)?(?:/local)?(?:/bin/)?"
      + INTERPRETER;
  /** What follows the pipe after a download command. */
  private static final Pattern PIPED_INTO = Pattern.compile("\\s*+" + SHELL);
  private static final String DOWNLOAD = "(?:curl|wget|(?i:iwr|irm|invoke-webrequest|invoke-restmethod|new-object\\s++(?:system\\.)?net\\.webclient))\\b";
  private static final Pattern SUBSTITUTION = Pattern.compile("\\b" + INTERPRETER
      + "(?:\\s++-\\S++){0,10}+\\s*+(?:<\\(\\s*+|[\"']?\\$\\(\\s*+|\\(++\\s*+)" + DOWNLOAD + "|\\beval\\s+[\"']?\\$\\(\\s*" + DOWNLOAD);
  private static final List<String> DOWNLOADERS = List.of("curl", "wget", "iwr", "irm", "Invoke-WebRequest", "Invoke-RestMethod");
  private static final List<String> SHELLS = List.of("sh", "bash", "zsh", "dash", "ash", "ksh", "fish", "python", "perl",
      "ruby", "node", "php", "eval", "iex", "Invoke-Expression");

  @Override
  public Rule rule() {
    return RULE;
  }

  @Override
  public List<Finding> check(DockerfileInput input) {
    List<Finding> out = new ArrayList<>();
    Set<Integer> lines = new HashSet<>();
    for (Scripts.Script s : Scripts.of(input.dockerfile())) {
      String text = s.text().value();
      Matcher shell = PIPED_INTO.matcher(text).useTransparentBounds(true);
      List<Integer> starts = new ArrayList<>();
      List<String> what = new ArrayList<>();
      List<Scripts.Command> commands = Scripts.commands(text, DOWNLOADERS);
      for (Scripts.Command c : commands) {
        int pipe = c.end();
        boolean singlePipe = pipe < text.length() && text.charAt(pipe) == '|' && (pipe + 1 >= text.length() || text.charAt(pipe + 1) != '|');
        if (singlePipe && shell.region(pipe + 1, commandEnd(text, pipe + 1)).lookingAt()) {
          starts.add(c.keyword());
          int word = c.keyword();
          while (word < pipe && !Character.isWhitespace(text.charAt(word))) {
            word++;
          }
          String program = text.substring(c.keyword(), word);
          what.add(program + " … | " + shell.group().strip());
        }
      }
      for (MatchResult m : Scripts.find(SUBSTITUTION, text, SHELLS)) {
        starts.add(m.start());
        what.add(m.group());
      }
      for (int i = 0; i < starts.size(); i++) {
        int offset = s.text().sourceOffset(starts.get(i));
        if (lines.add(input.file().lineOf(offset))) {
          out.add(input.at(RULE, s.instruction(), offset)
              .message("RUN executes a downloaded script without verifying it: " + Snippets.sanitize(shorten(what.get(i))))
              .build());
        }
      }
    }
    return out;
  }

  /** The end of the command starting at {@code from}, for the command after a pipe. */
  private static int commandEnd(String text, int from) {
    for (int i = from; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == ';' || c == '&' || c == '|' || c == '\n') {
        return i;
      }
    }
    return text.length();
  }

  private static String shorten(String s) {
    String one = s.replaceAll("\\s+", " ");
    return one.length() > 120 ? one.substring(0, 120) + "…" : one;
  }
}
