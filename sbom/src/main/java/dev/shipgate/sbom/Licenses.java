package dev.shipgate.sbom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides how a licence text from a lockfile may be published. Both formats want a valid SPDX expression: one
 * whose identifiers are on the SPDX licence list (or {@code LicenseRef-}) and whose operators and parentheses are
 * well formed. Anything else ("SEE LICENSE IN LICENSE.md", "Apache 2") is kept as free text in CycloneDX and
 * becomes NOASSERTION in SPDX. The list is the one CycloneDX ships with its schemas, so no network is needed.
 */
final class Licenses {

  /** How a licence text can be written. */
  enum Kind {
    /** One listed licence identifier. */
    ID,
    /** A valid compound expression (AND, OR, WITH, parentheses, or a LicenseRef). */
    EXPRESSION,
    /** Not an SPDX expression: only its text can be shown. */
    TEXT
  }

  private static final Pattern TOKEN = Pattern.compile("\\s*(\\(|\\)|[A-Za-z0-9.+:-]+)");
  private static final Pattern REF = Pattern.compile("(DocumentRef-[A-Za-z0-9.-]+:)?LicenseRef-[A-Za-z0-9.-]+");
  private static final Set<String> KNOWN = load();

  private Licenses() {}

  static Kind classify(String text) {
    List<String> tokens = tokens(text);
    if (tokens == null || tokens.isEmpty()) {
      return Kind.TEXT;
    }
    int[] pos = {0};
    if (!expression(tokens, pos) || pos[0] != tokens.size()) {
      return Kind.TEXT;
    }
    return tokens.size() == 1 && KNOWN.contains(tokens.get(0)) ? Kind.ID : Kind.EXPRESSION;
  }

  private static List<String> tokens(String text) {
    List<String> out = new ArrayList<>();
    Matcher m = TOKEN.matcher(text);
    int end = 0;
    while (m.find() && m.start() == end) {
      out.add(m.group(1));
      end = m.end();
    }
    return text.substring(end).isBlank() ? out : null;
  }

  // expression := term (("AND" | "OR") term)*
  private static boolean expression(List<String> t, int[] pos) {
    if (!term(t, pos)) {
      return false;
    }
    while (pos[0] < t.size() && isOperator(t.get(pos[0]), "AND", "OR")) {
      pos[0]++;
      if (!term(t, pos)) {
        return false;
      }
    }
    return true;
  }

  // term := "(" expression ")" | licence ["WITH" exception]
  private static boolean term(List<String> t, int[] pos) {
    if (pos[0] >= t.size()) {
      return false;
    }
    String token = t.get(pos[0]++);
    if (token.equals("(")) {
      return expression(t, pos) && pos[0] < t.size() && t.get(pos[0]++).equals(")");
    }
    if (!licence(token)) {
      return false;
    }
    if (pos[0] < t.size() && isOperator(t.get(pos[0]), "WITH")) {
      pos[0]++;
      return pos[0] < t.size() && KNOWN.contains(t.get(pos[0]++));
    }
    return true;
  }

  private static boolean licence(String token) {
    String id = token.endsWith("+") ? token.substring(0, token.length() - 1) : token;
    return KNOWN.contains(id) || REF.matcher(token).matches();
  }

  private static boolean isOperator(String token, String... names) {
    for (String n : names) {
      // The SPDX specification accepts the operators in upper or lower case, not mixed.
      // shipgate:ignore java/crypto/timing-unsafe-comparison -- a lexer token of an SPDX expression, not a credential
      if (token.equals(n) || token.equals(n.toLowerCase(Locale.ROOT))) {
        return true;
      }
    }
    return false;
  }

  private static Set<String> load() {
    try (InputStream in = Licenses.class.getClassLoader().getResourceAsStream("spdx.schema.json")) {
      if (in == null) {
        throw new IllegalStateException("spdx.schema.json missing from the CycloneDX library");
      }
      Set<String> ids = new HashSet<>();
      for (JsonNode id : new ObjectMapper().readTree(in).path("enum")) {
        ids.add(id.asText());
      }
      return Set.copyOf(ids);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
