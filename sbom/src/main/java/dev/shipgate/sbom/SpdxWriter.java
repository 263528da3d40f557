package dev.shipgate.sbom;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shipgate.scanner.deps.Package;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * SPDX 2.3 JSON, written with Jackson's tree model (STACK.md: no SPDX library is suitable offline).
 *
 * <p>The document namespace is {@code https://shipgate.dev/spdxdocs/<name>-<id>} with the {@link Sbom#id()}: the
 * same project gives the same namespace, so regenerating is reproducible, and any change to the packages gives a
 * new one, which is what the specification asks of a namespace.
 */
public final class SpdxWriter {

  static final String NOASSERTION = "NOASSERTION";
  static final String DOCUMENT_ID = "SPDXRef-DOCUMENT";
  static final String ROOT_ID = "SPDXRef-Root";
  static final String NAMESPACE_BASE = "https://shipgate.dev/spdxdocs/";
  private static final Pattern NOT_ID_CHARS = Pattern.compile("[^A-Za-z0-9.-]+");

  private SpdxWriter() {}

  public static String write(Sbom sbom) {
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode doc = mapper.createObjectNode();
    doc.put("spdxVersion", "SPDX-2.3");
    doc.put("dataLicense", "CC0-1.0");
    doc.put("SPDXID", DOCUMENT_ID);
    doc.put("name", sbom.root().displayName());
    doc.put("documentNamespace", NAMESPACE_BASE + URLEncoder.encode(sbom.root().displayName(), StandardCharsets.UTF_8) + "-" + sbom.id());
    ObjectNode creation = doc.putObject("creationInfo");
    creation.put("created", DateTimeFormatter.ISO_INSTANT.format(sbom.created()));
    creation.putArray("creators").add("Tool: shipgate-" + sbom.toolVersion());

    ArrayNode packages = doc.putArray("packages");
    packages.add(root(mapper, sbom.root()));
    ArrayNode relationships = mapper.createArrayNode();
    relationships.add(relationship(mapper, DOCUMENT_ID, "DESCRIBES", ROOT_ID));
    Set<String> used = new HashSet<>(Set.of(DOCUMENT_ID, ROOT_ID));
    java.util.Map<String, String> ids = new java.util.HashMap<>();
    for (SbomComponent c : sbom.components()) {
      ids.put(c.ref(), spdxId(c, used));
    }
    for (SbomComponent c : sbom.components()) {
      String id = ids.get(c.ref());
      packages.add(pkg(mapper, c, id));
      if (c.direct()) {
        // SPDX 2.3 names the non-runtime kinds; their direction is from the dependency to the project.
        switch (c.directScope()) {
          case RUNTIME -> relationships.add(relationship(mapper, ROOT_ID, "DEPENDS_ON", id));
          case OPTIONAL -> relationships.add(relationship(mapper, id, "OPTIONAL_DEPENDENCY_OF", ROOT_ID));
          case DEV -> relationships.add(relationship(mapper, id, "DEV_DEPENDENCY_OF", ROOT_ID));
          case TEST -> relationships.add(relationship(mapper, id, "TEST_DEPENDENCY_OF", ROOT_ID));
          case PROVIDED -> relationships.add(relationship(mapper, id, "PROVIDED_DEPENDENCY_OF", ROOT_ID));
        }
      }
      // Package to package, where a lockfile's graph (or Maven's resolution) records the edge.
      for (String target : c.dependsOn()) {
        relationships.add(relationship(mapper, id, "DEPENDS_ON", ids.get(target)));
      }
    }
    doc.set("relationships", relationships);
    try {
      return mapper.writeValueAsString(doc) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("SPDX serialisation failed: " + e.getMessage(), e);
    }
  }

  private static ObjectNode root(ObjectMapper mapper, RootProject project) {
    ObjectNode p = mapper.createObjectNode();
    p.put("SPDXID", ROOT_ID);
    p.put("name", project.displayName());
    if (!project.version().isEmpty()) {
      p.put("versionInfo", project.version());
    }
    p.put("downloadLocation", NOASSERTION);
    p.put("filesAnalyzed", false);
    p.put("licenseConcluded", NOASSERTION);
    p.put("licenseDeclared", NOASSERTION);
    p.put("primaryPackagePurpose", "APPLICATION");
    if (!project.purl().isEmpty()) {
      purl(p, project.purl());
    }
    return p;
  }

  private static ObjectNode pkg(ObjectMapper mapper, SbomComponent c, String id) {
    ObjectNode p = mapper.createObjectNode();
    p.put("SPDXID", id);
    p.put("name", c.name());
    if (!c.version().isEmpty()) {
      p.put("versionInfo", c.version());
    }
    // One location only: when files disagree, NOASSERTION is truer than picking one of them.
    p.put("downloadLocation", c.downloads().size() == 1 ? location(c.source(), c.downloads().get(0)) : NOASSERTION);
    p.put("filesAnalyzed", false);
    // Nothing here concludes a licence; the declared one is published only when it is a valid SPDX expression.
    p.put("licenseConcluded", NOASSERTION);
    boolean valid = !c.license().isEmpty() && Licenses.classify(c.license()) != Licenses.Kind.TEXT;
    p.put("licenseDeclared", valid ? c.license().strip() : NOASSERTION);
    if (!c.license().isEmpty() && !valid) {
      p.put("licenseComments", "declared as: " + c.license().strip());
    }
    p.put("primaryPackagePurpose", "LIBRARY");
    if (!c.hashes().isEmpty()) {
      ArrayNode sums = p.putArray("checksums");
      for (Digest d : c.hashes()) {
        sums.addObject().put("algorithm", d.algorithm().replace("-", "")).put("checksumValue", d.hex());
      }
    }
    if (!c.purl().isEmpty()) {
      purl(p, c.purl());
    }
    StringBuilder info = new StringBuilder("declared in ");
    info.append(c.occurrences().stream().map(Occurrence::toString).collect(Collectors.joining(", ")));
    if (!c.requirement().isEmpty()) {
      info.append("; version requirement ").append(c.requirement()).append(" (not resolved to one version)");
    }
    p.put("sourceInfo", info.toString());
    return p;
  }

  /**
   * SPDX writes a VCS revision as {@code @rev} and keeps {@code #} for a path inside the repository, where npm,
   * yarn and pnpm write {@code git+https://host/repo.git#commit}: the revision is moved, the rest kept as is.
   */
  static String location(Package.Source source, String url) {
    int hash = url.lastIndexOf('#');
    if (source != Package.Source.GIT || hash < 0 || !url.toLowerCase(Locale.ROOT).startsWith("git")) {
      return url;
    }
    return url.substring(0, hash) + "@" + url.substring(hash + 1);
  }

  private static void purl(ObjectNode p, String purl) {
    p.putArray("externalRefs").addObject()
        .put("referenceCategory", "PACKAGE-MANAGER")
        .put("referenceType", "purl")
        .put("referenceLocator", purl);
  }

  private static ObjectNode relationship(ObjectMapper mapper, String from, String type, String to) {
    return mapper.createObjectNode().put("spdxElementId", from).put("relationshipType", type).put("relatedSpdxElement", to);
  }

  /**
   * {@code SPDXRef-Package-<ecosystem>-<name>-<version>-<hash>}: readable, limited to the characters SPDX allows,
   * and made unique by a short hash of the component's reference (names that differ only in punctuation collapse).
   */
  static String spdxId(SbomComponent c, Set<String> used) {
    String readable = NOT_ID_CHARS.matcher(c.ecosystem().purlType() + "-" + c.name() + (c.version().isEmpty() ? "" : "-" + c.version()))
        .replaceAll("-");
    if (readable.length() > 80) {
      readable = readable.substring(0, 80);
    }
    String hash = HexFormat.of().formatHex(sha256(c.ref())).substring(0, 12);
    String id = "SPDXRef-Package-" + readable + "-" + hash;
    for (int n = 2; !used.add(id); n++) {
      id = "SPDXRef-Package-" + readable + "-" + hash + "-" + n;
    }
    return id;
  }

  private static byte[] sha256(String s) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK always has SHA-256", e);
    }
  }
}
