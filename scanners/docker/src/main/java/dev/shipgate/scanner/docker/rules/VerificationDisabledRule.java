package dev.shipgate.scanner.docker.rules;

import dev.shipgate.core.model.Confidence;
import dev.shipgate.core.model.Finding;
import dev.shipgate.core.model.Rule;
import dev.shipgate.core.model.Severity;
import dev.shipgate.scanner.docker.DockerfileInput;
import dev.shipgate.scanner.docker.DockerfileRule;
import dev.shipgate.scanner.docker.dockerfile.Assignments;
import dev.shipgate.scanner.docker.dockerfile.Instruction;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
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

  private static final Map<Pattern, String> COMMANDS = new LinkedHashMap<>();

  static {
    String rest = "[^;&|\\n]*";
    COMMANDS.put(Pattern.compile("\\bcurl\\b" + rest + "\\s(?:--insecure\\b|-[a-zA-Z]*k[a-zA-Z]*(?=\\s|$))"), "curl without certificate checks (-k/--insecure)");
    COMMANDS.put(Pattern.compile("\\bwget\\b" + rest + "--no-check-certificate\\b"), "wget --no-check-certificate");
    COMMANDS.put(Pattern.compile("\\bpip[0-9.]*\\b" + rest + "--trusted-host\\b"), "pip --trusted-host");
    COMMANDS.put(Pattern.compile("\\b(?:npm|yarn|pnpm)\\s+config\\s+set\\s+strict-ssl\\s+false\\b"), "npm strict-ssl false");
    COMMANDS.put(Pattern.compile("(?i)\\bgit\\b" + rest + "http\\.sslverify(?:\\s+|=)false\\b"), "git http.sslVerify false");
    COMMANDS.put(Pattern.compile("\\bapk\\b" + rest + "--allow-untrusted\\b"), "apk --allow-untrusted");
    COMMANDS.put(Pattern.compile("\\bapt(?:-get)?\\b" + rest + "(?:--allow-unauthenticated|--force-yes|--allow-insecure-repositories"
        + "|AllowUnauthenticated=(?:true|1))\\b"), "apt without signature checks");
    COMMANDS.put(Pattern.compile("\\b(?:yum|dnf|microdnf|tdnf|zypper)\\b" + rest + "(?:--nogpgcheck|--no-gpg-checks)\\b"), "package install without GPG checks");
    COMMANDS.put(Pattern.compile("\\brpm\\b" + rest + "--nosignature\\b"), "rpm --nosignature");
    COMMANDS.put(Pattern.compile("\\bgpgcheck\\s*=\\s*0\\b"), "repository with gpgcheck=0");
    COMMANDS.put(Pattern.compile("\\b(?:NODE_TLS_REJECT_UNAUTHORIZED=[\"']?0|PYTHONHTTPSVERIFY=[\"']?0|GIT_SSL_NO_VERIFY=[\"']?(?:1|true))\\b"),
        "TLS verification switched off by environment variable");
  }

  @Override
  public Rule rule() {
    return RULE;
  }

  @Override
  public List<Finding> check(DockerfileInput input) {
    List<Finding> out = new ArrayList<>();
    Set<Integer> lines = new HashSet<>();
    for (Scripts.Script s : Scripts.of(input.dockerfile())) {
      for (Map.Entry<Pattern, String> e : COMMANDS.entrySet()) {
        Matcher m = e.getKey().matcher(s.text().value());
        while (m.find()) {
          int offset = s.text().sourceOffset(m.start());
          if (lines.add(input.file().lineOf(offset))) {
            out.add(input.at(RULE, s.instruction(), offset).message("RUN disables download verification: " + e.getValue()).build());
          }
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
