package dev.shipgate.scanner.docker;

import dev.shipgate.core.model.Finding;
import dev.shipgate.core.model.Rule;
import dev.shipgate.core.scan.SourceFile;
import dev.shipgate.scanner.docker.dockerfile.DockerIgnore;
import dev.shipgate.scanner.docker.dockerfile.Dockerfile;
import dev.shipgate.scanner.docker.dockerfile.Instruction;

/**
 * What a {@link DockerfileRule} sees: the file, its parse, the policy settings and the build context's
 * ignore file.
 *
 * @param ignore the {@code .dockerignore} that applies when the Dockerfile's directory is the build context
 */
public record DockerfileInput(SourceFile file, Dockerfile dockerfile, DockerSettings settings, Ignore ignore) {

  /**
   * The ignore file of the build context.
   *
   * @param path where it was found, or null when there is none
   * @param rules its patterns, or null when there is none
   */
  public record Ignore(String path, DockerIgnore rules) {
    public static final Ignore NONE = new Ignore(null, null);

    public boolean exists() {
      return rules != null;
    }
  }

  public String path() {
    return file.path();
  }

  /** A finding on the instruction's first line. */
  public Finding.Builder at(Rule rule, Instruction in) {
    return Finding.builder(rule)
        .atLine(path(), in.line())
        .snippet(Snippets.line(file.line(in.line())))
        .contextKey(in.keyword() + " " + in.args().value().replaceAll("\\s+", " "));
  }

  /** A finding on the line holding {@code offset}, inside a multi-line instruction or heredoc. */
  public Finding.Builder at(Rule rule, Instruction in, int offset) {
    int line = file.lineOf(offset);
    return Finding.builder(rule)
        .atLine(path(), line)
        .snippet(Snippets.line(file.line(line)))
        .contextKey(in.keyword() + " " + file.line(line).strip().replaceAll("\\s+", " "));
  }
}
