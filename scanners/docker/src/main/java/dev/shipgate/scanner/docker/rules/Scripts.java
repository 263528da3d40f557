package dev.shipgate.scanner.docker.rules;

import dev.shipgate.scanner.docker.dockerfile.Dockerfile;
import dev.shipgate.scanner.docker.dockerfile.Heredoc;
import dev.shipgate.scanner.docker.dockerfile.Instruction;
import dev.shipgate.scanner.docker.dockerfile.MappedText;
import java.util.ArrayList;
import java.util.List;

/** The shell text that {@code RUN} instructions execute: the command itself and any heredoc scripts. */
final class Scripts {

  /** One piece of shell text and the instruction it belongs to. */
  record Script(Instruction instruction, MappedText text) {}

  private Scripts() {}

  static List<Script> of(Dockerfile df) {
    List<Script> out = new ArrayList<>();
    for (Instruction in : df.instructions()) {
      if (!in.is("RUN")) {
        continue;
      }
      out.add(new Script(in, in.operands()));
      for (Heredoc h : in.heredocs()) {
        out.add(new Script(in, h.body()));
      }
    }
    return out;
  }
}
