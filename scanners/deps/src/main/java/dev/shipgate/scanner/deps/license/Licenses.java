package dev.shipgate.scanner.deps.license;

import dev.shipgate.scanner.deps.license.SpdxExpression.License;
import dev.shipgate.scanner.deps.license.SpdxExpression.Ref;
import dev.shipgate.scanner.deps.license.SpdxExpression.With;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The licence identifiers and exceptions we recognise, with their kind (data files {@code licenses.txt}, {@code exceptions.txt}). */
public final class Licenses {

  /** How a licence constrains a work that contains it; see {@code licenses.txt}. */
  public enum Kind { PERMISSIVE, FILE_COPYLEFT, LGPL, GPL2_ONLY, GPL2_PLUS, GPL3, AGPL3, OTHER }

  private static final Map<String, Kind> KINDS = new HashMap<>();
  private static final Set<String> EXCEPTIONS = new HashSet<>();

  static {
    for (String line : read("licenses.txt")) {
      String[] parts = line.split("\\s+");
      KINDS.put(parts[0].toUpperCase(Locale.ROOT), Kind.valueOf(parts[1].toUpperCase(Locale.ROOT).replace('-', '_')));
    }
    for (String line : read("exceptions.txt")) {
      EXCEPTIONS.add(line.toUpperCase(Locale.ROOT));
    }
  }

  private Licenses() {}

  /** The kind of a leaf, or null when we do not recognise it (references, unknown identifiers). */
  public static Kind kind(SpdxExpression leaf) {
    if (leaf instanceof With w) {
      return kind(w.license());
    }
    if (!(leaf instanceof License l)) {
      return null;
    }
    Kind k = KINDS.get(l.id().toUpperCase(Locale.ROOT));
    if (k == Kind.GPL2_ONLY && l.orLater()) {
      return Kind.GPL2_PLUS;
    }
    return k;
  }

  /** Identifiers and exceptions of the expression we do not recognise; references are the user's own and count as known. */
  public static List<String> unrecognised(SpdxExpression e) {
    List<String> out = new ArrayList<>();
    for (SpdxExpression leaf : e.leaves()) {
      if (leaf instanceof With w) {
        if (!EXCEPTIONS.contains(w.exception().toUpperCase(Locale.ROOT))) {
          out.add(w.exception());
        }
        leaf = w.license();
      }
      if (leaf instanceof License l && !KINDS.containsKey(l.id().toUpperCase(Locale.ROOT))) {
        out.add(l.id());
      }
    }
    return out;
  }

  static boolean isRef(SpdxExpression leaf) {
    return leaf instanceof Ref;
  }

  private static List<String> read(String name) {
    InputStream in = Licenses.class.getResourceAsStream(name);
    if (in == null) {
      throw new IllegalStateException("missing data file " + name);
    }
    try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      return r.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
