package dev.shipgate.scanner.docker.dockerfile;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A parsed Dockerfile.
 *
 * @param escape the escape character ({@code \} or {@code `} from the {@code # escape=} directive)
 * @param newline the line break the file uses ({@code \n} or {@code \r\n}), for inserted lines
 * @param instructions every instruction in file order
 * @param globalArgs the {@code ARG}s before the first {@code FROM}
 * @param stages the build stages in order; the last is the image that is shipped
 * @param problems what the Dockerfile frontend would reject, with lines
 */
public record Dockerfile(char escape, String newline, List<Instruction> instructions, List<Instruction> globalArgs,
    List<Stage> stages, List<Problem> problems) {

  /** Something that makes the file unbuildable or unreadable, at a 1-based line. */
  public record Problem(int line, String message) {}

  /** The global {@code ARG} defaults, usable in {@code FROM}. */
  public Map<String, String> globals() {
    Map<String, String> out = new HashMap<>();
    for (Instruction arg : globalArgs) {
      for (Assignments.Assignment a : Assignments.of(arg)) {
        if (a.value() != null) {
          Variables.expand(a.value(), out, escape).ifPresent(v -> out.put(a.name(), v));
        }
      }
    }
    return out;
  }

  /** The stage that produces the image (the last one), or null when there is no {@code FROM}. */
  public Stage finalStage() {
    return stages.isEmpty() ? null : stages.get(stages.size() - 1);
  }
}
