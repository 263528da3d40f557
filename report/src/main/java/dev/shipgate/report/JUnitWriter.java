package dev.shipgate.report;

import dev.shipgate.core.gate.Coverage;
import dev.shipgate.core.gate.ScanReport;
import dev.shipgate.core.model.Finding;
import dev.shipgate.core.model.FindingStatus;
import dev.shipgate.core.model.Rule;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * JUnit XML for CI test tabs: one {@code testsuite} per scanner family, one {@code testcase} per enabled
 * rule. A rule with blocking findings fails and lists them; open warnings go to {@code system-out}; a
 * family's scan errors become one {@code error} test case. XML is written by hand so that characters XML 1.0
 * forbids are replaced rather than producing a file parsers reject.
 */
final class JUnitWriter implements ReportWriter {

  static final int MAX_MESSAGE = 1000;

  @Override
  public String kind() {
    return "junit";
  }

  @Override
  public void write(ScanReport report, Writer out) throws IOException {
    Map<String, Suite> suites = new TreeMap<>();
    for (Rule r : report.rules()) {
      suites.computeIfAbsent(r.family(), Suite::new).rules.putIfAbsent(r.id(), r);
    }
    List<Finding> sorted = new ArrayList<>(report.findings());
    sorted.sort(Text.BY_LOCATION);
    for (Finding f : sorted) {
      Suite s = suites.computeIfAbsent(f.rule().family(), Suite::new);
      s.rules.putIfAbsent(f.ruleId(), f.rule());
      s.findings.add(f);
    }
    for (Coverage c : report.coverage()) {
      Suite s = suites.computeIfAbsent(c.family(), Suite::new);
      s.millis += c.millis();
      for (Coverage.ScanError e : c.errors()) {
        s.errors.add(e.toString());
      }
    }
    // The file walk (family "files") has no rules; it only gets a suite when it has errors.
    suites.values().removeIf(s -> s.rules.isEmpty() && s.errors.isEmpty());

    int tests = 0;
    int failures = 0;
    int errors = 0;
    long millis = 0;
    for (Suite s : suites.values()) {
      tests += s.tests();
      failures += s.failures();
      errors += s.errors.isEmpty() ? 0 : 1;
      millis += s.millis;
    }
    StringBuilder b = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    b.append("<testsuites name=\"shipgate\" tests=\"").append(tests).append("\" failures=\"").append(failures)
        .append("\" errors=\"").append(errors).append("\" time=\"").append(seconds(millis)).append("\">\n");
    for (Suite s : suites.values()) {
      suite(s, b);
    }
    b.append("</testsuites>\n");
    out.write(b.toString());
  }

  private static void suite(Suite s, StringBuilder b) {
    b.append("  <testsuite name=\"").append(attr(s.family)).append("\" tests=\"").append(s.tests())
        .append("\" failures=\"").append(s.failures()).append("\" errors=\"").append(s.errors.isEmpty() ? 0 : 1)
        .append("\" skipped=\"0\" time=\"").append(seconds(s.millis)).append("\">\n");
    String classname = "shipgate." + s.family;
    for (Rule r : s.rules.values()) {
      List<Finding> blocking = new ArrayList<>();
      List<Finding> warnings = new ArrayList<>();
      for (Finding f : s.findings) {
        if (f.ruleId().equals(r.id())) {
          if (f.blocking()) {
            blocking.add(f);
          } else if (f.status() == FindingStatus.OPEN) {
            warnings.add(f);
          }
        }
      }
      b.append("    <testcase classname=\"").append(attr(classname)).append("\" name=\"").append(attr(r.id()))
          .append("\" time=\"0\"");
      if (blocking.isEmpty() && warnings.isEmpty()) {
        b.append("/>\n");
        continue;
      }
      b.append(">\n");
      if (!blocking.isEmpty()) {
        b.append("      <failure message=\"").append(attr(blocking.size() + " blocking: " + r.title()))
            .append("\" type=\"").append(attr(r.id())).append("\">");
        b.append(text(lines(blocking)));
        b.append("</failure>\n");
      }
      if (!warnings.isEmpty()) {
        b.append("      <system-out>").append(text(lines(warnings))).append("</system-out>\n");
      }
      b.append("    </testcase>\n");
    }
    if (!s.errors.isEmpty()) {
      b.append("    <testcase classname=\"").append(attr(classname)).append("\" name=\"scan errors\" time=\"0\">\n");
      b.append("      <error message=\"").append(attr(s.errors.size() + " scan errors in " + s.family))
          .append("\" type=\"scan-error\">");
      StringBuilder t = new StringBuilder();
      for (String e : s.errors) {
        t.append(Text.truncate(Text.oneLine(e), MAX_MESSAGE)).append('\n');
      }
      b.append(text(t.toString())).append("</error>\n");
      b.append("    </testcase>\n");
    }
    b.append("  </testsuite>\n");
  }

  private static String lines(List<Finding> findings) {
    StringBuilder t = new StringBuilder();
    for (Finding f : findings) {
      t.append(Text.oneLine(Text.position(f.location()))).append(' ')
          .append(f.severity().label()).append(' ')
          .append(Text.truncate(Text.oneLine(f.message()), MAX_MESSAGE)).append('\n');
    }
    return t.toString();
  }

  private static String seconds(long millis) {
    return String.format(Locale.ROOT, "%.3f", millis / 1000.0);
  }

  /** Element text: markup escaped, characters XML 1.0 forbids replaced. */
  static String text(String s) {
    return escape(s, false);
  }

  /** Attribute value in double quotes; line breaks and tabs become character references so they survive. */
  static String attr(String s) {
    return escape(s, true);
  }

  private static String escape(String s, boolean attribute) {
    StringBuilder b = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      switch (cp) {
        case '&':
          b.append("&amp;");
          break;
        case '<':
          b.append("&lt;");
          break;
        case '>':
          // Escaped everywhere so "]]>" can never appear in text.
          b.append("&gt;");
          break;
        case '"':
          b.append(attribute ? "&quot;" : "\"");
          break;
        case '\n':
          b.append(attribute ? "&#10;" : "\n");
          break;
        case '\t':
          b.append(attribute ? "&#9;" : "\t");
          break;
        case '\r':
          b.append("&#13;");
          break;
        default:
          b.appendCodePoint(isXmlChar(cp) && !isDiscouraged(cp) ? cp : Text.REPLACEMENT);
      }
    }
    return b.toString();
  }

  /** The XML 1.0 {@code Char} production. */
  static boolean isXmlChar(int cp) {
    return cp == 0x9 || cp == 0xA || cp == 0xD
        || cp >= 0x20 && cp <= 0xD7FF
        || cp >= 0xE000 && cp <= 0xFFFD
        || cp >= 0x10000 && cp <= 0x10FFFF;
  }

  /** Allowed by XML 1.0 but controls that some consumers choke on or that hide text (C1, DEL, bidi). */
  private static boolean isDiscouraged(int cp) {
    return cp >= 0x7F && cp <= 0x9F || cp >= 0x202A && cp <= 0x202E || cp >= 0x2066 && cp <= 0x2069;
  }

  private static final class Suite {
    final String family;
    final Map<String, Rule> rules = new TreeMap<>();
    final List<Finding> findings = new ArrayList<>();
    final List<String> errors = new ArrayList<>();
    long millis;

    Suite(String family) {
      this.family = family;
    }

    int tests() {
      return rules.size() + (errors.isEmpty() ? 0 : 1);
    }

    int failures() {
      int n = 0;
      for (String id : rules.keySet()) {
        if (findings.stream().anyMatch(f -> f.blocking() && f.ruleId().equals(id))) {
          n++;
        }
      }
      return n;
    }
  }
}
