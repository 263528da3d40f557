package dev.shipgate.scanner.docker.rules;

import dev.shipgate.core.model.Confidence;
import dev.shipgate.core.model.Finding;
import dev.shipgate.core.model.Rule;
import dev.shipgate.core.model.Severity;
import dev.shipgate.scanner.docker.DockerfileInput;
import dev.shipgate.scanner.docker.DockerfileRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

/**
 * Package installs without versions ({@code apt-get install curl}, {@code pip install flask}). Reported only
 * when the policy sets {@code scanners.docker.require_package_pins: true}: pinning OS packages trades
 * reproducibility for missed security updates, a choice for each team.
 */
public final class PackageUnpinnedRule implements DockerfileRule {

  public static final Rule RULE = Rule.builder("docker/dockerfile/package-unpinned", "docker")
      .title("Package installed without a version pin")
      .severity(Severity.LOW)
      .confidence(Confidence.HIGH)
      .cwe("CWE-1357", "CWE-494")
      .description("A RUN step installs packages by name only (apt-get/apt, apk, yum/dnf/microdnf, pip, npm/yarn/pnpm, "
          + "gem), so each build takes whatever version the repository serves that day: builds are not reproducible, and "
          + "a compromised or broken release is picked up silently. Requirement files, lockfile installs (`npm ci`, "
          + "`pip install -r`) and local paths are not judged. Reported only when the policy sets "
          + "`scanners.docker.require_package_pins: true`.")
      .fix("Pin versions: `apt-get install curl=7.88.1-10+deb12u5`, `apk add curl=8.5.0-r0`, `dnf install curl-8.2.1`, "
          + "`pip install flask==3.0.2` (better: a hashed requirements file), `npm install -g pnpm@9.1.0`, "
          + "`gem install rails -v 7.1.3`.")
      .tags("nist-800-190:4.1.1", "owasp-top10:A06:2021", "ssdf:PS.3.2", "iso27001:2022-A.8.32", "soc2:CC8.1")
      .build();

  /** The install command of each package manager, followed by its arguments up to the end of the command. */
  private static final Pattern INSTALL = Pattern.compile("(?<![\\w/.-])(?:(apt-get|apt)\\s+(?:-\\S++\\s++){0,20}+install|(apk)\\s+(?:-\\S++\\s++){0,20}+add"
      + "|(yum|dnf|microdnf|tdnf)\\s+(?:-\\S++\\s++){0,20}+install|(pip[0-9.]*|python[0-9.]*\\s+-m\\s+pip)\\s+install"
      + "|(npm)\\s+(?:install|i|add)|(yarn)\\s+(?:global\\s+)?add|(pnpm)\\s+(?:add|install)|(gem)\\s+install)\\b([^;&|\\n]*+)");
  private static final List<String> MANAGERS = List.of("apt", "apk", "yum", "dnf", "microdnf", "tdnf", "pip", "python", "npm", "yarn",
      "pnpm", "gem");
  /** Options that take the next word as their value. */
  private static final Set<String> WITH_VALUE = Set.of("-o", "-t", "--target-release", "--repository", "-X", "--virtual",
      "-r", "--requirement", "-c", "--constraint", "-i", "--index-url", "--extra-index-url", "-f", "--find-links", "--target",
      "--prefix", "--root", "--registry", "--setopt", "--enablerepo", "--disablerepo", "--installroot", "-e", "--editable",
      "--releasever", "-v", "--version", "--source");

  @Override
  public Rule rule() {
    return RULE;
  }

  @Override
  public List<Finding> check(DockerfileInput input) {
    if (!input.settings().requirePackagePins()) {
      return List.of();
    }
    List<Finding> out = new ArrayList<>();
    for (Scripts.Script s : Scripts.of(input.dockerfile())) {
      for (MatchResult m : Scripts.find(INSTALL, s.text().value(), MANAGERS)) {
        String manager = manager(m);
        List<String> unpinned = unpinned(manager, m.group(m.groupCount()));
        if (unpinned.isEmpty()) {
          continue;
        }
        String list = String.join(", ", unpinned.subList(0, Math.min(5, unpinned.size()))) + (unpinned.size() > 5 ? ", …" : "");
        out.add(input.at(RULE, s.instruction(), s.text().sourceOffset(m.start()))
            .message(manager + " installs without a version: " + list)
            .build());
      }
    }
    return out;
  }

  private static String manager(MatchResult m) {
    for (int g = 1; g < m.groupCount(); g++) {
      if (m.group(g) != null) {
        String name = m.group(g);
        return name.startsWith("python") ? "pip" : name.replaceAll("[0-9.]+$", "");
      }
    }
    return "";
  }

  private static List<String> unpinned(String manager, String args) {
    List<String> out = new ArrayList<>();
    String[] words = args.trim().split("\\s+", -1);
    boolean gemVersion = false;
    for (int i = 0; i < words.length; i++) {
      String w = words[i].replaceAll("^[\"']|[\"']$", "");
      if (w.isEmpty() || w.equals("\\")) {
        continue;
      }
      if (w.startsWith("-")) {
        gemVersion |= w.equals("-v") || w.equals("--version") || w.startsWith("--version=");
        if (WITH_VALUE.contains(w)) {
          i++;
        }
        continue;
      }
      if (w.contains("/") || w.startsWith(".") || w.contains("$") || w.contains("://") || w.endsWith(".rpm") || w.endsWith(".deb")
          || w.endsWith(".whl") || w.endsWith(".tar.gz")) {
        if (!(manager.matches("npm|yarn|pnpm") && w.startsWith("@") && !w.contains("://"))) {
          continue;
        }
      }
      if (!pinned(manager, w)) {
        out.add(w);
      }
    }
    return manager.equals("gem") && gemVersion ? List.of() : out;
  }

  private static boolean pinned(String manager, String pkg) {
    return switch (manager) {
      case "apt-get", "apt" -> pkg.contains("=");
      case "apk" -> pkg.contains("=") || pkg.contains("~");
      case "yum", "dnf", "microdnf", "tdnf" -> pkg.matches(".+-\\d.*");
      case "pip" -> pkg.contains("==") || pkg.contains("@");
      case "npm", "yarn", "pnpm" -> pkg.lastIndexOf('@') > 0;
      case "gem" -> pkg.contains(":");
      default -> true;
    };
  }
}
