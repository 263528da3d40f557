package dev.shipgate.sbom;

import dev.shipgate.scanner.deps.Ecosystem;
import dev.shipgate.scanner.deps.Package;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The project the document describes: the coordinates of the directory's {@code pom.xml} when it states them,
 * else the directory's name.
 *
 * @param group Maven groupId, or ""
 * @param version the project version, or "" when unknown (also when it is an unresolved {@code ${property}})
 * @param purl {@code pkg:maven/...} for a POM with full coordinates, else ""
 */
public record RootProject(String group, String name, String version, String purl) {

  public static RootProject of(Path dir) {
    Path abs = dir.toAbsolutePath().normalize();
    String dirName = abs.getFileName() == null ? "project" : abs.getFileName().toString();
    Path pom = abs.resolve("pom.xml");
    if (Files.isRegularFile(pom, LinkOption.NOFOLLOW_LINKS)) {
      RootProject fromPom = fromPom(pom);
      if (fromPom != null) {
        return fromPom;
      }
    }
    return new RootProject("", dirName, "", "");
  }

  /** The document's display name: {@code group:name} for Maven coordinates. */
  public String displayName() {
    return group.isEmpty() ? name : group + ":" + name;
  }

  /** Null when the POM cannot be read or names no artifactId; its problems are the inventory's to report. */
  private static RootProject fromPom(Path pom) {
    Element project;
    try (InputStream in = Files.newInputStream(pom)) {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      // A POM never needs a DOCTYPE: refusing it rules out external entities and entity expansion.
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      f.setXIncludeAware(false);
      f.setExpandEntityReferences(false);
      f.setNamespaceAware(false);
      DocumentBuilder builder = f.newDocumentBuilder();
      // The default handler prints parse errors to the console; a bad POM is the inventory's to report.
      builder.setErrorHandler(new DefaultHandler());
      project = builder.parse(in).getDocumentElement();
    } catch (IOException | SAXException | ParserConfigurationException e) {
      return null;
    }
    Element parent = child(project, "parent");
    String artifact = text(project, "artifactId");
    if (artifact.isEmpty()) {
      return null;
    }
    String group = text(project, "groupId");
    if (group.isEmpty() && parent != null) {
      group = text(parent, "groupId");
    }
    String version = text(project, "version");
    if (version.isEmpty() && parent != null) {
      version = text(parent, "version");
    }
    group = group.contains("${") ? "" : group;
    version = version.contains("${") ? "" : version;
    String purl = group.isEmpty() ? "" : Package.purlOf(Ecosystem.MAVEN, group + ":" + artifact, version);
    return new RootProject(group, artifact, version, purl);
  }

  private static Element child(Element parent, String name) {
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && e.getTagName().equals(name)) {
        return e;
      }
    }
    return null;
  }

  private static String text(Element parent, String name) {
    Element e = child(parent, name);
    return e == null ? "" : e.getTextContent().strip();
  }
}
