package dev.shipgate.scanner.change;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import com.google.re2j.Matcher;
import com.google.re2j.Pattern;

/** Git trailers: the {@code Token: value} lines of a commit message's last paragraph, as git interpret-trailers reads them. */
public final class Trailers {

  private static final Pattern TRAILER = Pattern.compile("([A-Za-z0-9][A-Za-z0-9-]*)\\s*:\\s*(.+)");
  private static final Pattern ADDRESS = Pattern.compile("<([^<>\\s]+@[^<>\\s]+)>");

  public record Trailer(String token, String value) {
    /** The token lower-cased, for comparisons ({@code co-authored-by}). */
    public String key() {
      return token.toLowerCase(Locale.ROOT);
    }

    /** The e-mail address in {@code Name <address>}, or null. */
    public String email() {
      Matcher m = ADDRESS.matcher(value);
      return m.find() ? m.group(1) : null;
    }
  }

  private Trailers() {}

  public static List<Trailer> parse(String message) {
    String[] lines = message.strip().split("\r?\n", -1);
    int start = lines.length;
    while (start > 0 && !lines[start - 1].isBlank()) {
      start--;
    }
    List<Trailer> out = new ArrayList<>();
    if (start == 0) {
      return out; // a one-paragraph message is a subject and body, never trailers
    }
    for (int i = start; i < lines.length; i++) {
      String line = lines[i];
      if (!out.isEmpty() && (line.startsWith(" ") || line.startsWith("\t"))) {
        Trailer last = out.remove(out.size() - 1);
        out.add(new Trailer(last.token(), last.value() + " " + line.strip()));
        continue;
      }
      Matcher m = TRAILER.matcher(line.strip());
      if (!m.matches()) {
        return List.of(); // git treats a paragraph that is not all trailers as body text
      }
      out.add(new Trailer(m.group(1), m.group(2).strip()));
    }
    return out;
  }
}
