package dev.shipgate.scanner.docker.rules;

import dev.shipgate.core.model.Confidence;
import dev.shipgate.core.model.Finding;
import dev.shipgate.core.model.Rule;
import dev.shipgate.core.model.Severity;
import dev.shipgate.scanner.docker.DockerfileInput;
import dev.shipgate.scanner.docker.DockerfileRule;
import dev.shipgate.scanner.docker.dockerfile.Assignments;
import dev.shipgate.scanner.docker.dockerfile.Instruction;
import dev.shipgate.scanner.docker.dockerfile.Words;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * TLS or package signature checks switched off in the build: {@code curl -k}, {@code wget
 * --no-check-certificate}, {@code pip --trusted-host}, {@code apk --allow-untrusted}, {@code yum --nogpgcheck},
 * {@code NODE_TLS_REJECT_UNAUTHORIZED=0}, … (the checks Checkov runs on Dockerfiles as CKV2_DOCKER_2 to 17).
 */
public final class VerificationDisabledRule implements DockerfileRule {

  public static final Rule RULE = Rule.builder("docker/dockerfile/verification-disabled", "docker")
      .title("Build disables TLS or package signature verification")
      .severity(Severity.HIGH)
      .confidence(Confidence.HIGH)
      .cwe("CWE-295", "CWE-494")
      .description("A RUN step or ENV turns off the check that proves downloads are authentic: certificate verification "
          + "(`curl -k`, `wget --no-check-certificate`, `pip --trusted-host`, `git -c http.sslVerify=false`, "
          + "`npm config set strict-ssl false`, `NODE_TLS_REJECT_UNAUTHORIZED=0`, `PYTHONHTTPSVERIFY=0`) or package "
          + "signatures (`apk --allow-untrusted`, `apt-get --allow-unauthenticated`/`--force-yes`, `yum/dnf --nogpgcheck`, "
          + "`rpm --nosignature`). Anyone on the network path can then substitute what gets installed, and an ENV keeps "
          + "the switch on at runtime.")
      .fix("Remove the flag or variable. If a corporate proxy re-signs TLS, add its CA certificate to the image "
          + "(`COPY corp-ca.crt /usr/local/share/ca-certificates/` + `update-ca-certificates`) instead; for package "
          + "repositories, import the repository's signing key.")
      .tags("cis-docker:4.11", "nist-800-190:4.1.3", "owasp-top10:A02:2021", "ssdf:PW.4.1", "iso27001:2022-A.8.24", "soc2:CC6.7")
      .build();

  /**
   * A command that turns verification off: the program names it starts with, and the test on its words
   * (quotes removed) after the program name.
   */
  private record Probe(List<String> programs, Predicate<List<String>> disables, String what) {}

  private static final Pattern CURL_K = Pattern.compile("-[a-zA-Z]*k[a-zA-Z]*");
  private static final Pattern GIT_SSL_OFF = Pattern.compile("(?i)http\\.sslverify[ =]false\\b");
  private static final Pattern APT_OPTION = Pattern.compile("(?i).*AllowUnauthenticated=(?:true|1)");

  private static final List<Probe> PROBES = List.of(
      new Probe(List.of("curl"), w -> w.stream().anyMatch(t -> t.equals("--insecure") || CURL_K.matcher(t).matches()),
          "curl without certificate checks (-k/--insecure)"),
      new Probe(List.of("wget"), w -> w.contains("--no-check-certificate"), "wget --no-check-certificate"),
      new Probe(List.of("pip", "pip3"), w -> w.stream().anyMatch(t -> t.equals("--trusted-host") || t.startsWith("--trusted-host=")),
          "pip --trusted-host"),
      new Probe(List.of("npm", "yarn", "pnpm"), w -> String.join(" ", w).contains("config set strict-ssl false"), "npm strict-ssl false"),
      new Probe(List.of("git"), w -> GIT_SSL_OFF.matcher(String.join(" ", w)).find(),
          "git http.sslVerify false"),
      new Probe(List.of("apk"), w -> w.contains("--allow-untrusted"), "apk --allow-untrusted"),
      new Probe(List.of("apt-get", "apt"), w -> w.stream().anyMatch(t -> t.equals("--allow-unauthenticated") || t.equals("--force-yes")
          || t.equals("--allow-insecure-repositories") || APT_OPTION.matcher(t).matches()), "apt without signature checks"),
      new Probe(List.of("yum", "dnf", "microdnf", "tdnf", "zypper"), w -> w.contains("--nogpgcheck") || w.contains("--no-gpg-checks"),
          "package install without GPG checks"),
      new Probe(List.of("rpm"), w -> w.contains("--nosignature"), "rpm --nosignature"));

  /** Settings written into a script or repository file rather than passed as flags. */
  private static final Pattern SETTING = Pattern.compile("gpgcheck\\s{0,5}=\\s{0,5}0\\b|(?:NODE_TLS_REJECT_UNAUTHORIZED|PYTHONHTTPSVERIFY)=[\"']?0\\b"
      + "|GIT_SSL_NO_VERIFY=[\"']?(?:1|true)\\b");
  private static final List<String> SETTING_NAMES = List.of("gpgcheck", "NODE_TLS_REJECT_UNAUTHORIZED", "PYTHONHTTPSVERIFY", "GIT_SSL_NO_VERIFY");

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
      List<Integer> starts = new ArrayList<>();
      List<String> what = new ArrayList<>();
      for (Probe p : PROBES) {
        for (Scripts.Command c : Scripts.commands(text, p.programs())) {
          List<String> words = Words.split(text.substring(c.keyword(), c.end()), '\\').stream().map(Words.Word::value).toList();
          if (!words.isEmpty() && p.programs().contains(words.get(0)) && p.disables().test(words.subList(1, words.size()))) {
            starts.add(c.keyword());
            what.add(p.what());
          }
        }
      }
      Matcher m = SETTING.matcher(text);
      for (String name : SETTING_NAMES) {
        for (int at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
          if (m.region(at, text.length()).lookingAt()) {
            starts.add(at);
            what.add(m.group());
          }
        }
      }
      for (int i = 0; i < starts.size(); i++) {
        int offset = s.text().sourceOffset(starts.get(i));
        if (lines.add(input.file().lineOf(offset))) {
          out.add(input.at(RULE, s.instruction(), offset).message("RUN disables download verification: " + what.get(i)).build());
        }
      }
    }
    for (Instruction in : input.dockerfile().instructions()) {
      if (!in.is("ENV")) {
        continue;
      }
      for (Assignments.Assignment a : Assignments.of(in)) {
        if (a.value() != null && disables(a.name(), a.value())) {
          int offset = in.args().sourceOffset(Math.max(0, a.valueStart() - 1));
          if (lines.add(input.file().lineOf(offset))) {
            out.add(input.at(RULE, in, offset)
                .message("ENV " + a.name() + "=" + a.value() + " turns off verification for every process in the image")
                .build());
          }
        }
      }
    }
    return out;
  }

  private static boolean disables(String name, String value) {
    String v = value.strip().toLowerCase(Locale.ROOT);
    return switch (name.toUpperCase(Locale.ROOT)) {
      case "NODE_TLS_REJECT_UNAUTHORIZED", "PYTHONHTTPSVERIFY" -> v.equals("0");
      case "GIT_SSL_NO_VERIFY" -> v.equals("1") || v.equals("true");
      case "NPM_CONFIG_STRICT_SSL", "YARN_STRICT_SSL" -> v.equals("false");
      case "PIP_TRUSTED_HOST" -> !v.isEmpty();
      default -> false;
    };
  }
}
