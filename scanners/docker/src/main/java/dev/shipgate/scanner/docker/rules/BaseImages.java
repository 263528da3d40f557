package dev.shipgate.scanner.docker.rules;

import dev.shipgate.core.model.Fix;
import dev.shipgate.scanner.docker.DockerfileInput;
import dev.shipgate.scanner.docker.dockerfile.Dockerfile;
import dev.shipgate.scanner.docker.dockerfile.ImageRef;
import dev.shipgate.scanner.docker.dockerfile.Instruction;
import dev.shipgate.scanner.docker.dockerfile.MappedText;
import dev.shipgate.scanner.docker.dockerfile.Stage;
import dev.shipgate.scanner.docker.dockerfile.Variables;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The images a Dockerfile pulls: every {@code FROM} that is not an earlier stage or {@code scratch}, and
 * every {@code COPY --from} that names an image rather than a stage.
 */
final class BaseImages {

  /**
   * One pulled image.
   *
   * @param written the reference as written (may hold variables)
   * @param ref the reference with ARG defaults substituted
   * @param start offset of the written reference in the file, or -1 when it cannot be edited in place
   * @param end offset just after it
   */
  record Pull(Instruction instruction, String written, ImageRef ref, int start, int end) {

    boolean literal() {
      return start >= 0 && written.indexOf('$') < 0;
    }

    String via() {
      return literal() ? "" : " (" + written + " after ARG defaults)";
    }

    /** Rewrites the reference to the policy's pin: a tag, a digest or both. */
    Optional<Fix> pinTo(String path, String pin) {
      if (!literal()) {
        return Optional.empty();
      }
      String pinned = ref.repository() + (pin.startsWith("sha256:") ? "@" + pin : ":" + pin);
      return Optional.of(Fix.of("pin " + ref.repository() + " to " + pin + " (scanners.docker.pins)", new Fix.Edit(path, start, end, pinned)));
    }
  }

  private BaseImages() {}

  static List<Pull> of(Dockerfile df) {
    List<Pull> out = new ArrayList<>();
    Map<String, String> globals = df.globals();
    for (Stage s : df.stages()) {
      if (s.parent() == null && s.resolved() != null && !s.image().isEmpty() && !s.isScratch()) {
        MappedText ops = s.from().operands();
        int end = s.imageIndex();
        while (end < ops.value().length() && !Character.isWhitespace(ops.value().charAt(end))) {
          end++;
        }
        out.add(new Pull(s.from(), s.image(), ImageRef.parse(s.resolved()), ops.sourceOffset(s.imageIndex()), ops.sourceOffset(end - 1) + 1));
      }
      s.forEachWithVariables(globals, (in, vars) -> {
        Optional<String> from = in.is("COPY") ? in.flag("from") : Optional.empty();
        if (from.isEmpty() || from.get().isEmpty() || from.get().matches("\\d+") || isStage(df, s, from.get())) {
          return;
        }
        Variables.expand(from.get(), vars, df.escape())
            .filter(v -> !v.matches("\\d+") && !isStage(df, s, v))
            .ifPresent(v -> out.add(new Pull(in, from.get(), ImageRef.parse(v), -1, -1)));
      });
    }
    return out;
  }

  private static boolean isStage(Dockerfile df, Stage current, String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return df.stages().stream().anyMatch(s -> s.index() < current.index() && lower.equals(s.name()));
  }
}
