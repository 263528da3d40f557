package dev.shipgate.scanner.docker.rules;

import dev.shipgate.core.model.Confidence;
import dev.shipgate.core.model.Finding;
import dev.shipgate.core.model.Fix;
import dev.shipgate.core.model.Rule;
import dev.shipgate.core.model.Severity;
import dev.shipgate.scanner.docker.DockerfileInput;
import dev.shipgate.scanner.docker.DockerfileRule;
import dev.shipgate.scanner.docker.dockerfile.Instruction;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * {@code ADD} of local files, where {@code COPY} does the same without ADD's hidden behaviours (fetching
 * URLs, unpacking archives). Local archives are reported with low confidence: unpacking may be the intent.
 */
public final class AddInsteadOfCopyRule implements DockerfileRule {

  public static final Rule RULE = Rule.builder("docker/dockerfile/add-instead-of-copy", "docker")
      .title("ADD used where COPY suffices")
      .severity(Severity.LOW)
      .confidence(Confidence.HIGH)
      .cwe("CWE-710", "CWE-409")
      .description("ADD copies local files like COPY but also downloads URLs and silently unpacks local tar archives "
          + "(gzip, bzip2, xz) into the destination. Used for plain files it hides intent, and a file that turns out to be "
          + "an archive is extracted instead of copied (archives with absolute or `..` paths, decompression bombs). For "
          + "a local archive, unpacking may be intended; that case is reported with low confidence.")
      .fix("Use COPY for local files and directories. To unpack an archive, make it explicit: `COPY app.tar.gz /tmp/` "
          + "then `RUN tar -xzf /tmp/app.tar.gz -C /app` after verifying its checksum, or keep ADD deliberately and "
          + "suppress this finding with a reason.")
      .tags("cis-docker:4.9", "nist-800-190:4.1.2", "owasp-top10:A05:2021", "ssdf:PW.9.1", "iso27001:2022-A.8.28", "soc2:CC8.1")
      .build();

  private static final Pattern REMOTE = Pattern.compile("(?i)(?:https?|ftp)://\\S+|git@\\S+");
  private static final Pattern ARCHIVE = Pattern.compile("(?i).*\\.(?:tar|tar\\.gz|tgz|tar\\.bz2|tbz2?|tar\\.xz|txz|tar\\.zst|tzst|tar\\.lz4)");
  /** Flags only ADD understands; with them the instruction cannot become a COPY. */
  private static final List<String> ADD_ONLY_FLAGS = List.of("checksum", "keep-git-dir", "unpack");

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
      List<String> sources = in.heredocs().isEmpty() ? paths.subList(0, Math.max(0, paths.size() - 1)) : List.of();
      if (sources.stream().anyMatch(s -> REMOTE.matcher(s).matches())) {
        continue;
      }
      List<String> archives = sources.stream().filter(s -> ARCHIVE.matcher(s).matches()).toList();
      if (!archives.isEmpty()) {
        out.add(input.at(RULE, in)
            .message("ADD unpacks the local archive " + archives.get(0) + " implicitly; make extraction explicit or use COPY")
            .confidence(Confidence.LOW)
            .build());
        continue;
      }
      Finding.Builder b = input.at(RULE, in).message("ADD of local files: COPY does the same without ADD's download and unpack behaviour");
      if (ADD_ONLY_FLAGS.stream().noneMatch(f -> in.flag(f).isPresent())) {
        String copy = in.written().equals(in.written().toLowerCase(Locale.ROOT)) ? "copy" : "COPY";
        b.fix(Fix.of("replace ADD with COPY", new Fix.Edit(input.path(), in.start(), in.start() + in.written().length(), copy)));
      }
      out.add(b.build());
    }
    return out;
  }
}
