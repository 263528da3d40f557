package dev.shipgate.scanner.arch;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Declared dependencies of build manifests, with their lines: Maven {@code pom.xml}, Gradle build scripts (Groovy
 * and Kotlin DSL) and npm {@code package.json}. Declarations only: resolving versions and lockfiles is the deps
 * family's job.
 */
final class Manifests {

  /** A declared dependency: {@code maven} is {@code group:artifact}, or an npm package name. */
  record Declared(String ecosystem, String name, int line) {}

  static final String MAVEN = "maven";
  static final String NPM = "npm";

  private static final Set<String> NPM_SECTIONS = Set.of("dependencies", "devDependencies", "peerDependencies",
      "optionalDependencies");
  private static final Pattern GRADLE_BLOCK_OPEN = Pattern.compile("\\s*\\{");
  private static final Pattern GRADLE_COORDINATE = Pattern.compile("([^:\\s'\"$]+):([^:\\s'\"$]+)(?::[^\\s'\"]*)?");
  private static final Pattern GRADLE_MAP_TAIL = Pattern.compile("\\s*[:=]\\s*(?=['\"])");
  private static final Pattern GRADLE_NAME = Pattern.compile("\\bname\\s*[:=]\\s*(?=['\"])");
  /** Built when the first package.json is read: the scanner asks {@link #kind} of every path in every scan. */
  private static final class Json {
    static final JsonFactory FACTORY = JsonFactory.builder()
        .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).build())
        .build();
  }

  private Manifests() {}

  /** The manifest kind of a path, or null. */
  static String kind(String path) {
    String name = path.substring(path.lastIndexOf('/') + 1);
    if (path.contains("node_modules/")) {
      return null;
    }
    return switch (name) {
      case "pom.xml" -> "pom";
      case "build.gradle", "build.gradle.kts" -> "gradle";
      case "package.json" -> "npm";
      default -> null;
    };
  }

  static String ecosystem(String kind) {
    return kind.equals("npm") ? NPM : MAVEN;
  }

  /** Thrown for a manifest that cannot be read; the scanner records it as skipped with this message. */
  static final class Unreadable extends Exception {
    private static final long serialVersionUID = 1L;

    Unreadable(String message) {
      super(message);
    }
  }

  static List<Declared> read(String kind, String text) throws Unreadable {
    return switch (kind) {
      case "pom" -> pom(text);
      case "gradle" -> gradle(text);
      default -> packageJson(text);
    };
  }

  /** Every {@code <dependency>} (managed, plugin and profile ones included) with its artifactId line. */
  static List<Declared> pom(String text) throws Unreadable {
    XMLInputFactory f = XMLInputFactory.newFactory();
    // A manifest is untrusted input: no DTDs, no external entities.
    f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    List<Declared> out = new ArrayList<>();
    Deque<String> path = new ArrayDeque<>();
    String group = null;
    String artifact = null;
    int line = 0;
    try {
      XMLStreamReader r = f.createXMLStreamReader(new StringReader(text));
      try {
        while (r.hasNext()) {
          int event = r.next();
          if (event == XMLStreamConstants.START_ELEMENT) {
            String name = r.getLocalName();
            if (name.equals("dependency")) {
              group = null;
              artifact = null;
              line = r.getLocation().getLineNumber();
            } else if ("dependency".equals(path.peek()) && (name.equals("groupId") || name.equals("artifactId"))) {
              int at = r.getLocation().getLineNumber();
              String value = r.getElementText().trim();
              if (name.equals("groupId")) {
                group = value;
              } else {
                artifact = value;
                line = at;
              }
              continue; // getElementText consumed the end tag
            }
            path.push(name);
          } else if (event == XMLStreamConstants.END_ELEMENT) {
            String name = path.isEmpty() ? "" : path.pop();
            if (name.equals("dependency") && group != null && artifact != null) {
              out.add(new Declared(MAVEN, group + ":" + artifact, line));
            }
          }
        }
      } finally {
        r.close();
      }
    } catch (XMLStreamException e) {
      throw new Unreadable("not well-formed XML: " + firstLine(e.getMessage()));
    }
    return out;
  }

  /** String coordinates and {@code group:/name:} maps inside {@code dependencies { }} blocks. */
  static List<Declared> gradle(String text) {
    SourceText src = SourceText.gradle(text);
    String m = src.masked();
    int[] lines = lineStarts(text);
    List<SourceText.Literal> literals = src.literals();
    List<Declared> out = new ArrayList<>();
    // Keywords are found by a plain scan, far faster than a regular expression's word boundaries at every offset.
    for (int kw = word(m, "dependencies", 0, m.length()); kw >= 0; ) {
      Matcher open = GRADLE_BLOCK_OPEN.matcher(m).region(kw + "dependencies".length(), m.length());
      if (!open.lookingAt()) {
        kw = word(m, "dependencies", kw + 1, m.length());
        continue;
      }
      int start = open.end();
      int end = closingBrace(m, start);
      // Literals are in offset order and blocks do not overlap: start at the block's first literal.
      for (int i = firstLiteralAfter(literals, start); i < literals.size() && literals.get(i).start() < end; i++) {
        SourceText.Literal lit = literals.get(i);
        Matcher c = GRADLE_COORDINATE.matcher(lit.value());
        if (c.matches()) {
          out.add(new Declared(MAVEN, c.group(1) + ":" + c.group(2), line(lines, lit.start())));
        }
      }
      for (int g = word(m, "group", start, end); g >= 0; g = word(m, "group", g + 1, end)) {
        Matcher group = GRADLE_MAP_TAIL.matcher(m).region(g + "group".length(), end);
        if (!group.lookingAt()) {
          continue;
        }
        SourceText.Literal value = src.literalAt(group.end());
        int lineEnd = m.indexOf('\n', group.end());
        Matcher name = GRADLE_NAME.matcher(m).region(group.end(), lineEnd < 0 || lineEnd > end ? end : lineEnd);
        if (value != null && name.find()) {
          SourceText.Literal n = src.literalAt(name.end());
          if (n != null) {
            out.add(new Declared(MAVEN, value.value() + ":" + n.value(), line(lines, g)));
          }
        }
      }
      kw = word(m, "dependencies", Math.max(end, start), m.length());
    }
    return out;
  }

  /** The next offset of {@code word} in [from, to) not preceded by an identifier character, or -1; never reads past {@code to}. */
  private static int word(String text, String word, int from, int to) {
    char first = word.charAt(0);
    for (int i = from; i + word.length() <= to; i++) {
      if (text.charAt(i) == first && text.startsWith(word, i) && (i == 0 || !Character.isJavaIdentifierPart(text.charAt(i - 1)))) {
        return i;
      }
    }
    return -1;
  }

  private static int firstLiteralAfter(List<SourceText.Literal> literals, int offset) {
    int lo = 0;
    int hi = literals.size();
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (literals.get(mid).start() <= offset) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  private static int[] lineStarts(String text) {
    List<Integer> starts = new ArrayList<>();
    starts.add(0);
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        starts.add(i + 1);
      }
    }
    return starts.stream().mapToInt(Integer::intValue).toArray();
  }

  /** The 1-based line of an offset, by binary search over line starts. */
  private static int line(int[] starts, int offset) {
    int i = java.util.Arrays.binarySearch(starts, offset);
    return i >= 0 ? i + 1 : -i - 1;
  }

  private static int closingBrace(String masked, int open) {
    int depth = 1;
    for (int i = open; i < masked.length(); i++) {
      char c = masked.charAt(i);
      if (c == '{') {
        depth++;
      } else if (c == '}' && --depth == 0) {
        return i;
      }
    }
    return masked.length();
  }

  /** The keys of the dependency sections of the top-level object. */
  static List<Declared> packageJson(String text) throws Unreadable {
    List<Declared> out = new ArrayList<>();
    try (JsonParser p = Json.FACTORY.createParser(text)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new Unreadable("package.json is not a JSON object");
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String section = p.currentName();
        JsonToken value = p.nextToken();
        if (NPM_SECTIONS.contains(section) && value == JsonToken.START_OBJECT) {
          while (p.nextToken() == JsonToken.FIELD_NAME) {
            out.add(new Declared(NPM, p.currentName(), p.currentTokenLocation().getLineNr()));
            p.nextToken();
            p.skipChildren();
          }
        } else {
          p.skipChildren();
        }
      }
    } catch (IOException e) {
      throw new Unreadable("not valid JSON: " + firstLine(e.getMessage()));
    }
    return out;
  }

  static int lineOf(String text, int offset) {
    int line = 1;
    for (int i = 0; i < offset && i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "unknown error";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
