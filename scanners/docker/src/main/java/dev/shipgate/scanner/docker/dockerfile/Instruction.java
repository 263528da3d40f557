package dev.shipgate.scanner.docker.dockerfile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One Dockerfile instruction with its continuation lines joined and its position in the file: lines,
 * character offsets of the whole instruction (heredoc bodies included) and of every argument character.
 */
public final class Instruction {

  private final String keyword;
  private final String written;
  private final MappedText args;
  private final int line;
  private final int endLine;
  private final int start;
  private final int end;
  private final List<Heredoc> heredocs;
  private final char escape;
  private final Map<String, String> flags = new LinkedHashMap<>();
  private final MappedText operands;
  private final List<String> json;

  Instruction(String written, MappedText args, int line, int endLine, int start, int end, List<Heredoc> heredocs, char escape) {
    this.written = written;
    this.keyword = written.toUpperCase(Locale.ROOT);
    this.args = args;
    this.line = line;
    this.endLine = endLine;
    this.start = start;
    this.end = end;
    this.heredocs = List.copyOf(heredocs);
    this.escape = escape;
    this.operands = takesFlags() ? stripFlags(args) : args;
    this.json = Json.stringArray(operands.value());
  }

  private boolean takesFlags() {
    return switch (keyword) {
      case "FROM", "COPY", "ADD", "RUN", "HEALTHCHECK" -> true;
      default -> false;
    };
  }

  /** Removes leading {@code --name[=value]} flags, remembering them. */
  private MappedText stripFlags(MappedText text) {
    int at = 0;
    for (Words.Word w : Words.split(text.value(), escape)) {
      if (!w.value().startsWith("--") || w.start() != at) {
        break;
      }
      int eq = w.value().indexOf('=');
      flags.put(w.value().substring(2, eq < 0 ? w.value().length() : eq).toLowerCase(Locale.ROOT), eq < 0 ? "" : w.value().substring(eq + 1));
      at = w.end();
      while (at < text.value().length() && Character.isWhitespace(text.value().charAt(at))) {
        at++;
      }
    }
    return at == 0 ? text : text.sub(at, text.value().length());
  }

  /** The instruction word in upper case ({@code RUN}). */
  public String keyword() {
    return keyword;
  }

  /** The instruction word as written, for edits that should match the file's style ({@code run}). */
  public String written() {
    return written;
  }

  public boolean is(String upperCaseKeyword) {
    return keyword.equals(upperCaseKeyword);
  }

  /** Everything after the instruction word, flags included. */
  public MappedText args() {
    return args;
  }

  /** The arguments after any leading {@code --flag}s (for FROM, COPY, ADD, RUN, HEALTHCHECK). */
  public MappedText operands() {
    return operands;
  }

  /** A flag's value ("" for a flag without one). */
  public Optional<String> flag(String name) {
    return Optional.ofNullable(flags.get(name));
  }

  /** The JSON array form's items ({@code CMD ["a", "b"]}), or null for the shell form. */
  public List<String> json() {
    return json;
  }

  /** The operands split into words (shell form), quotes and escapes removed. */
  public List<Words.Word> words() {
    return Words.split(operands.value(), escape);
  }

  public List<Heredoc> heredocs() {
    return heredocs;
  }

  public char escape() {
    return escape;
  }

  /** 1-based first line (the one with the instruction word). */
  public int line() {
    return line;
  }

  /** 1-based last line, heredoc bodies and their delimiters included. */
  public int endLine() {
    return endLine;
  }

  /** Offset of the instruction word in the file's text. */
  public int start() {
    return start;
  }

  /** Offset just after the instruction's last character (before the line break). */
  public int end() {
    return end;
  }

  /** Operand lists as {@code COPY} and {@code ADD} take them: sources then destination. */
  public List<String> paths() {
    if (json != null) {
      return json;
    }
    List<String> out = new ArrayList<>();
    for (Words.Word w : words()) {
      out.add(w.value());
    }
    return out;
  }

  @Override
  public String toString() {
    return line + ": " + written + " " + args.value();
  }
}
