package dev.shipgate.scanner.docker.dockerfile;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a Dockerfile as BuildKit's frontend does: parser directives at the top ({@code # escape=`}),
 * comment lines (also between continuation lines), line continuations with the escape character, heredocs
 * ({@code <<EOF}, {@code <<-EOF}, quoted delimiters, several per instruction), JSON and shell forms, global
 * {@code ARG}s before the first {@code FROM}, and stages with {@code AS} names. It never throws: what the
 * frontend would reject becomes a {@link Dockerfile.Problem} on its line and reading goes on.
 */
public final class DockerfileParser {

  private static final Pattern DIRECTIVE = Pattern.compile("#[ \\t]*([a-zA-Z][a-zA-Z0-9]*)[ \\t]*=[ \\t]*(.*?)[ \\t]*");
  private static final Set<String> KEYWORDS = Set.of("ADD", "ARG", "CMD", "COPY", "ENTRYPOINT", "ENV", "EXPOSE", "FROM",
      "HEALTHCHECK", "LABEL", "MAINTAINER", "ONBUILD", "RUN", "SHELL", "STOPSIGNAL", "USER", "VOLUME", "WORKDIR");
  private static final Set<String> DIRECTIVES = Set.of("syntax", "escape", "check");
  private static final Pattern HEREDOC = Pattern.compile("<<(-?)([\"']?)([A-Za-z_][A-Za-z0-9_.-]*)\\2");

  private final String text;
  private final int[] starts;
  private final int[] ends;
  private final List<Dockerfile.Problem> problems = new ArrayList<>();
  private char escape = '\\';

  private DockerfileParser(String text) {
    this.text = text;
    List<Integer> s = new ArrayList<>();
    List<Integer> e = new ArrayList<>();
    int at = text.startsWith("\uFEFF") ? 1 : 0;
    while (at <= text.length()) {
      int nl = text.indexOf('\n', at);
      int end = nl < 0 ? text.length() : nl;
      if (nl < 0 && at == text.length() && !s.isEmpty()) {
        break;
      }
      s.add(at);
      e.add(end > at && text.charAt(end - 1) == '\r' ? end - 1 : end);
      at = end + 1;
    }
    this.starts = s.stream().mapToInt(Integer::intValue).toArray();
    this.ends = e.stream().mapToInt(Integer::intValue).toArray();
  }

  public static Dockerfile parse(String text) {
    return new DockerfileParser(text).read();
  }

  private String line(int i) {
    return text.substring(starts[i], ends[i]);
  }

  private Dockerfile read() {
    List<Instruction> instructions = new ArrayList<>();
    boolean directives = true;
    int i = 0;
    while (i < starts.length) {
      String line = line(i);
      if (directives) {
        Matcher m = DIRECTIVE.matcher(line);
        if (m.matches() && DIRECTIVES.contains(m.group(1).toLowerCase(Locale.ROOT))) {
          directive(m.group(1).toLowerCase(Locale.ROOT), m.group(2), i + 1);
          i++;
          continue;
        }
        directives = false;
      }
      if (isBlank(line) || isComment(line)) {
        i++;
        continue;
      }
      i = instruction(i, instructions);
    }
    String newline = starts.length > 1 && ends[0] < text.length() && text.charAt(ends[0]) == '\r' ? "\r\n" : "\n";
    return stages(instructions, newline);
  }

  private void directive(String name, String value, int line) {
    if (name.equals("escape")) {
      if (value.equals("\\") || value.equals("`")) {
        escape = value.charAt(0);
      } else {
        problems.add(new Dockerfile.Problem(line, "invalid escape directive '" + value + "': the escape character must be \\ or `"));
      }
    }
  }

  /** Reads the instruction starting at line index {@code first}; returns the index of the next unread line. */
  private int instruction(int first, List<Instruction> out) {
    MappedText.Builder logical = new MappedText.Builder();
    int i = first;
    String line = line(i);
    int lead = 0;
    while (lead < line.length() && MappedText.isBlank(line.charAt(lead))) {
      lead++;
    }
    boolean continued = append(logical, i, lead);
    int appended = i;
    i++;
    while (continued) {
      if (i >= starts.length) {
        problems.add(new Dockerfile.Problem(appended + 1, "the file ends in the middle of an instruction: line " + (appended + 1)
            + " ends with the line continuation character " + escape));
        break;
      }
      String next = line(i);
      if (isBlank(next) || isComment(next)) {
        i++;
        continue;
      }
      continued = append(logical, i, 0);
      appended = i;
      i++;
    }
    int lastLine = appended + 1;
    MappedText whole = logical.build(ends[appended]);
    String value = whole.value();
    int word = 0;
    while (word < value.length() && !Character.isWhitespace(value.charAt(word))) {
      word++;
    }
    String keyword = value.substring(0, word);
    MappedText args = whole.sub(word, value.length()).trim();
    if (!KEYWORDS.contains(keyword.toUpperCase(Locale.ROOT))) {
      problems.add(new Dockerfile.Problem(first + 1, "unknown instruction '" + shorten(keyword) + "'"));
      return i;
    }
    List<Heredoc> heredocs = new ArrayList<>();
    int end = ends[appended];
    String upper = keyword.toUpperCase(Locale.ROOT);
    if (upper.equals("RUN") || upper.equals("COPY") || upper.equals("ADD")) {
      for (Matcher m : heredocMarkers(args.value())) {
        boolean stripTabs = !m.group(1).isEmpty();
        String name = m.group(3);
        int bodyFirst = i;
        MappedText.Builder body = new MappedText.Builder();
        boolean closed = false;
        while (i < starts.length) {
          String l = line(i);
          int from = 0;
          if (stripTabs) {
            while (from < l.length() && l.charAt(from) == '\t') {
              from++;
            }
          }
          if (l.substring(from).equals(name)) {
            closed = true;
            end = ends[i];
            i++;
            break;
          }
          if (body.length() > 0) {
            body.add('\n', starts[i] - 1);
          }
          body.append(text, starts[i] + from, ends[i]);
          end = ends[i];
          i++;
        }
        if (!closed) {
          problems.add(new Dockerfile.Problem(first + 1, "heredoc <<" + name + " opened on line " + (first + 1)
              + " is never closed: no line reads exactly '" + name + "' before the end of the file"));
        }
        heredocs.add(new Heredoc(name, body.build(end), bodyFirst + 1));
        lastLine = i;
      }
    }
    Instruction in = new Instruction(keyword, args, first + 1, Math.max(first + 1, lastLine), starts[first] + lead, end, heredocs, escape);
    if (in.is("ENV")) {
      List<Words.Word> words = in.words();
      if (!words.isEmpty() && words.get(0).value().contains("=") && words.stream().anyMatch(w -> !w.value().contains("="))) {
        problems.add(new Dockerfile.Problem(first + 1, "ENV mixes NAME=value pairs with a word without '=': the frontend rejects it"));
      }
    }
    out.add(in);
    return i;
  }

  /** Appends line {@code i} from column {@code from}; true when it ends with a line continuation. */
  private boolean append(MappedText.Builder logical, int i, int from) {
    String line = line(i);
    int to = line.length();
    while (to > from && MappedText.isBlank(line.charAt(to - 1))) {
      to--;
    }
    boolean continued = to > from && line.charAt(to - 1) == escape;
    logical.append(text, starts[i] + from, starts[i] + (continued ? to - 1 : line.length()));
    return continued;
  }

  /** Heredoc markers outside quotes, in order ({@code <<<} here-strings are not heredocs). */
  private List<Matcher> heredocMarkers(String args) {
    List<Matcher> out = new ArrayList<>();
    char quote = 0;
    for (int k = 0; k < args.length(); k++) {
      char c = args.charAt(k);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        }
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == escape) {
        k++;
      } else if (c == '<' && (k == 0 || args.charAt(k - 1) != '<')) {
        Matcher m = HEREDOC.matcher(args);
        m.region(k, args.length());
        if (m.lookingAt() && (m.end() >= args.length() || args.charAt(k + 2) != '<')) {
          out.add(m);
          k = m.end() - 1;
        }
      }
    }
    return out;
  }

  private Dockerfile stages(List<Instruction> instructions, String newline) {
    List<Instruction> globalArgs = new ArrayList<>();
    List<Stage> stages = new ArrayList<>();
    Dockerfile draft = new Dockerfile(escape, newline, instructions, globalArgs, stages, problems);
    Map<String, String> globals = Map.of();
    Instruction from = null;
    List<Instruction> body = new ArrayList<>();
    List<Dockerfile.Problem> beforeFrom = new ArrayList<>();
    for (Instruction in : instructions) {
      if (in.is("FROM")) {
        if (from == null) {
          globals = draft.globals();
        } else {
          stages.add(stage(stages, from, body, globals));
        }
        from = in;
        body = new ArrayList<>();
      } else if (from != null) {
        body.add(in);
      } else if (in.is("ARG")) {
        globalArgs.add(in);
      } else {
        beforeFrom.add(new Dockerfile.Problem(in.line(), in.keyword() + " before the first FROM: only ARG may come before FROM"));
      }
    }
    if (from != null) {
      problems.addAll(beforeFrom);
      stages.add(stage(stages, from, body, globals));
    } else if (!instructions.isEmpty()) {
      problems.add(new Dockerfile.Problem(instructions.get(0).line(), "no FROM instruction: the file defines no build stage"));
    }
    return new Dockerfile(escape, newline, List.copyOf(instructions), List.copyOf(globalArgs), List.copyOf(stages), List.copyOf(problems));
  }

  private Stage stage(List<Stage> earlier, Instruction from, List<Instruction> body, Map<String, String> globals) {
    List<Words.Word> words = from.words();
    String name = null;
    if (words.isEmpty()) {
      problems.add(new Dockerfile.Problem(from.line(), "FROM names no image"));
      return new Stage(earlier.size(), null, from, "", 0, null, null, List.copyOf(body));
    }
    if (words.size() == 3 && words.get(1).value().equalsIgnoreCase("as")) {
      name = words.get(2).value().toLowerCase(Locale.ROOT);
    } else if (words.size() != 1) {
      problems.add(new Dockerfile.Problem(from.line(), "FROM takes an image and an optional 'AS name', not '" + shorten(from.operands().value()) + "'"));
    }
    Words.Word image = words.get(0);
    String resolved = Variables.expand(image.value(), globals, escape).orElse(null);
    Stage parent = null;
    if (resolved != null) {
      String lower = resolved.toLowerCase(Locale.ROOT);
      for (Stage s : earlier) {
        if (lower.equals(s.name())) {
          parent = s;
        }
      }
    }
    return new Stage(earlier.size(), name, from, image.value(), image.start(), resolved, parent, List.copyOf(body));
  }

  private static boolean isBlank(String line) {
    return line.isBlank();
  }

  private static boolean isComment(String line) {
    return line.stripLeading().startsWith("#");
  }

  private static String shorten(String s) {
    return s.length() > 60 ? s.substring(0, 60) + "…" : s;
  }
}
