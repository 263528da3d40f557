package dev.shipgate.scanner.deps.extract;

import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/** A small element tree with start lines, read with DTDs and external entities disabled (no XXE). */
final class Xml {

  /** One element: local name, trimmed text content, start line, children in order. */
  record Element(String name, int line, StringBuilder textBuilder, List<Element> children, java.util.Map<String, String> attributes) {
    String attribute(String n) {
      return attributes.getOrDefault(n, "");
    }

    String text() {
      return textBuilder.toString().strip();
    }

    Element child(String n) {
      for (Element c : children) {
        if (c.name.equals(n)) {
          return c;
        }
      }
      return null;
    }

    String childText(String n) {
      Element c = child(n);
      return c == null ? "" : c.text();
    }

    List<Element> all(String n) {
      List<Element> out = new ArrayList<>();
      for (Element c : children) {
        if (c.name.equals(n)) {
          out.add(c);
        }
      }
      return out;
    }

    /** Children of the child {@code container}, named {@code item}: {@code dependencies/dependency}. */
    List<Element> list(String container, String item) {
      Element c = child(container);
      return c == null ? List.of() : c.all(item);
    }
  }

  private static final int MAX_DEPTH = 100;

  /**
   * One configured factory per thread: {@code newFactory()} searches the class path for a StAX provider on every
   * call, and factories are not specified to be thread-safe.
   */
  private static final ThreadLocal<XMLInputFactory> FACTORY = ThreadLocal.withInitial(Xml::newFactory);

  private Xml() {}

  private static XMLInputFactory newFactory() {
    XMLInputFactory f = XMLInputFactory.newFactory();
    f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, true);
    try {
      f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    } catch (IllegalArgumentException ignored) {
      // not every StAX implementation knows the JAXP 1.5 property; DTD support is off anyway
    }
    return f;
  }

  static Element parse(String text) throws ExtractException {
    if (text.isBlank()) {
      throw new ExtractException(1, "empty file: expected an XML document");
    }
    XMLInputFactory f = FACTORY.get();
    XMLStreamReader r = null;
    try {
      r = f.createXMLStreamReader(new StringReader(text));
      Deque<Element> stack = new ArrayDeque<>();
      Element root = null;
      while (r.hasNext()) {
        int ev = r.next();
        switch (ev) {
          case XMLStreamConstants.START_ELEMENT -> {
            if (stack.size() >= MAX_DEPTH) {
              throw new ExtractException(r.getLocation().getLineNumber(), "XML nested deeper than " + MAX_DEPTH);
            }
            java.util.Map<String, String> attributes = new java.util.HashMap<>();
            for (int a = 0; a < r.getAttributeCount(); a++) {
              attributes.put(r.getAttributeLocalName(a), r.getAttributeValue(a));
            }
            Element e = new Element(r.getLocalName(), r.getLocation().getLineNumber(), new StringBuilder(), new ArrayList<>(), attributes);
            if (stack.isEmpty()) {
              root = e;
            } else {
              stack.peek().children().add(e);
            }
            stack.push(e);
          }
          case XMLStreamConstants.END_ELEMENT -> stack.pop();
          case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA -> {
            if (!stack.isEmpty()) {
              stack.peek().textBuilder().append(r.getText());
            }
          }
          case XMLStreamConstants.DTD -> throw new ExtractException(r.getLocation().getLineNumber(), "DOCTYPE declarations are not allowed in a POM");
          default -> {}
        }
      }
      if (root == null) {
        throw new ExtractException(1, "no root element");
      }
      return root;
    } catch (XMLStreamException e) {
      int line = e.getLocation() == null ? 0 : e.getLocation().getLineNumber();
      String msg = e.getMessage() == null ? "malformed XML" : e.getMessage().replaceAll("(?s)^ParseError at \\[row,col\\]:\\[\\d+,\\d+\\]\\s*Message:\\s*", "");
      throw new ExtractException(line, "malformed XML: " + msg.strip(), e);
    } finally {
      if (r != null) {
        try {
          r.close();
        } catch (XMLStreamException ignored) {
          // nothing held open for a string source
        }
      }
    }
  }
}
