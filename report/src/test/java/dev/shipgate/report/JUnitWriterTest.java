package dev.shipgate.report;

import static dev.shipgate.report.Render.render;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

class JUnitWriterTest {

  static Document parse(String xml) {
    try {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      return f.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
    } catch (Exception e) {
      throw new AssertionError("not well-formed XML: " + e.getMessage(), e);
    }
  }

  private static List<Element> children(Element parent, String name) {
    List<Element> out = new ArrayList<>();
    NodeList nodes = parent.getChildNodes();
    for (int i = 0; i < nodes.getLength(); i++) {
      Node n = nodes.item(i);
      if (n instanceof Element e && e.getTagName().equals(name)) {
        out.add(e);
      }
    }
    return out;
  }

  private static Element testcase(Element suite, String name) {
    return children(suite, "testcase").stream().filter(t -> t.getAttribute("name").equals(name)).findFirst().orElseThrow();
  }

  private static Element suite(Document doc, String name) {
    return children(doc.getDocumentElement(), "testsuite").stream()
        .filter(s -> s.getAttribute("name").equals(name)).findFirst().orElseThrow();
  }

  @Test
  void oneSuitePerFamilyAndOneTestCasePerEnabledRule() {
    Document doc = parse(render("junit", Reports.full()));
    Element root = doc.getDocumentElement();
    assertThat(root.getTagName()).isEqualTo("testsuites");
    List<String> suites = children(root, "testsuite").stream().map(s -> s.getAttribute("name")).toList();
    assertThat(suites).containsExactly("config", "java", "secrets");
    assertThat(children(suite(doc, "config"), "testcase").stream().map(t -> t.getAttribute("name")))
        .containsExactly("config/docker/latest-tag", "config/spring/debug-enabled");
    assertThat(children(suite(doc, "java"), "testcase").stream().map(t -> t.getAttribute("name")))
        .containsExactly("java/crypto/weak-hash", "java/injection/sql-string-concat", "scan errors");
    assertThat(root.getAttribute("tests")).isEqualTo("7");
    assertThat(root.getAttribute("failures")).isEqualTo("2");
    assertThat(root.getAttribute("errors")).isEqualTo("1");
    assertThat(suite(doc, "java").getAttribute("tests")).isEqualTo("3");
    assertThat(suite(doc, "java").getAttribute("time")).isEqualTo("0.900");
  }

  @Test
  void ruleWithBlockingFindingsFailsAndListsThem() {
    Document doc = parse(render("junit", Reports.full()));
    Element sql = testcase(suite(doc, "java"), Reports.SQL.id());
    List<Element> failures = children(sql, "failure");
    assertThat(failures).hasSize(1);
    assertThat(failures.get(0).getAttribute("message")).isEqualTo("1 blocking: SQL built by string concatenation");
    String text = failures.get(0).getTextContent();
    assertThat(text.lines().toList()).hasSize(1);
    assertThat(text).startsWith("src/main/java/com/acme/UserDao.java:42:9 critical Query from request parameter reaches executeQuery </script><b>x</b> ]]> a|b `tick`");
    // The suppressed finding of the same rule does not fail it.
    assertThat(text).doesNotContain("TestDb.java");
    assertThat(children(testcase(suite(doc, "java"), Reports.WEAK_HASH.id()), "failure")).isEmpty();
  }

  @Test
  void openNonBlockingFindingsGoToSystemOut() {
    Document doc = parse(render("junit", Reports.full()));
    Element debug = testcase(suite(doc, "config"), Reports.DEBUG.id());
    assertThat(children(debug, "failure")).isEmpty();
    List<Element> out = children(debug, "system-out");
    assertThat(out).hasSize(1);
    assertThat(out.get(0).getTextContent().lines().toList()).hasSize(1).first().asString()
        .startsWith("src/main/resources/application.yml:3:1 medium debug: true")
        .endsWith(Reports.UNICODE);
  }

  @Test
  void scanErrorsBecomeAnErrorTestCase() {
    Document doc = parse(render("junit", Reports.full()));
    Element errors = testcase(suite(doc, "java"), "scan errors");
    List<Element> error = children(errors, "error");
    assertThat(error).hasSize(1);
    assertThat(error.get(0).getAttribute("message")).isEqualTo("2 scan errors in java");
    assertThat(error.get(0).getTextContent().lines().toList()).hasSize(2).last().isEqualTo("type solver ran out of memory");
  }

  @Test
  void hostileTextIsEscapedAndInvalidCharactersReplaced() {
    String xml = render("junit", Reports.full());
    assertThat(xml).doesNotContain("]]>").doesNotContain("</script>").doesNotContain("\u0000").doesNotContain("\u001b");
    Document doc = parse(xml);
    String text = children(testcase(suite(doc, "java"), Reports.SQL.id()), "failure").get(0).getTextContent();
    assertThat(text).contains("\uFFFD[31mred\uFFFD\uFFFD \uFFFDgnp.exe");
  }

  @Test
  void passingRunHasNoFailures() {
    Document doc = parse(render("junit", Reports.withoutErrors(List.of())));
    assertThat(doc.getDocumentElement().getAttribute("failures")).isEqualTo("0");
    assertThat(doc.getDocumentElement().getAttribute("errors")).isEqualTo("0");
    assertThat(doc.getDocumentElement().getAttribute("tests")).isEqualTo(String.valueOf(Reports.RULES.size()));
  }

  @Test
  void anyTextRoundTripsThroughAttributesAndElementsAsWellFormedXml() {
    for (String text : HostileStrings.sample(500)) {
      String xml = "<a v=\"" + JUnitWriter.attr(text) + "\">" + JUnitWriter.text(text) + "</a>";
      Element a = parse(xml).getDocumentElement();
      String expected = expectedXmlText(text);
      assertThat(a.getAttribute("v")).as("attribute for %s", text).isEqualTo(expected);
      assertThat(a.getTextContent()).as("text for %s", text).isEqualTo(expected);
    }
  }

  /** What the writer promises: every character XML 1.0 allows survives, other ones become U+FFFD. */
  private static String expectedXmlText(String text) {
    StringBuilder b = new StringBuilder();
    text.codePoints().forEach(cp -> {
      boolean discouraged = cp >= 0x7F && cp <= 0x9F || cp >= 0x202A && cp <= 0x202E || cp >= 0x2066 && cp <= 0x2069;
      b.appendCodePoint(JUnitWriter.isXmlChar(cp) && !discouraged ? cp : 0xFFFD);
    });
    return b.toString();
  }
}
