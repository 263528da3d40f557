package dev.shipgate.sbom;

import dev.shipgate.scanner.deps.Package;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.cyclonedx.Version;
import org.cyclonedx.exception.GeneratorException;
import org.cyclonedx.generators.BomGeneratorFactory;
import org.cyclonedx.model.Bom;
import org.cyclonedx.model.Component;
import org.cyclonedx.model.Dependency;
import org.cyclonedx.model.Evidence;
import org.cyclonedx.model.ExternalReference;
import org.cyclonedx.model.Hash;
import org.cyclonedx.model.License;
import org.cyclonedx.model.LicenseChoice;
import org.cyclonedx.model.Metadata;
import org.cyclonedx.model.Property;
import org.cyclonedx.model.component.evidence.Occurrence;
import org.cyclonedx.model.license.Expression;
import org.cyclonedx.model.metadata.ToolInformation;

/** CycloneDX 1.6 JSON through the official CycloneDX library's model and generator. */
public final class CycloneDxWriter {

  public static final Version VERSION = Version.VERSION_16;

  /** Names the root component's bom-ref apart from every package's (those start with {@code pkg:} or {@code shipgate:}). */
  static final String ROOT_REF_PREFIX = "project:";

  private CycloneDxWriter() {}

  public static String write(Sbom sbom) {
    Bom bom = new Bom();
    bom.setSerialNumber("urn:uuid:" + sbom.id());
    Metadata metadata = new Metadata();
    metadata.setTimestamp(Date.from(sbom.created()));
    Component tool = new Component();
    tool.setType(Component.Type.APPLICATION);
    tool.setName("shipgate");
    tool.setVersion(sbom.toolVersion());
    ToolInformation tools = new ToolInformation();
    tools.setComponents(List.of(tool));
    metadata.setToolChoice(tools);
    Component root = root(sbom.root());
    metadata.setComponent(root);
    bom.setMetadata(metadata);

    List<Component> components = new ArrayList<>();
    List<Dependency> direct = new ArrayList<>();
    List<Dependency> edges = new ArrayList<>();
    for (SbomComponent c : sbom.components()) {
      components.add(component(c));
      if (c.direct()) {
        direct.add(new Dependency(c.ref()));
      }
      if (!c.dependsOn().isEmpty()) {
        Dependency d = new Dependency(c.ref());
        d.setDependencies(c.dependsOn().stream().map(Dependency::new).toList());
        edges.add(d);
      }
    }
    bom.setComponents(components);
    // Only the edges the inventory knows: the project to its direct dependencies, and package to package where a
    // lockfile's graph (or Maven's resolution) records them. An absent entry means "unknown", where an empty one
    // would mean "needs nothing", so packages without recorded edges get none.
    List<Dependency> dependencies = new ArrayList<>();
    if (!direct.isEmpty()) {
      Dependency rootDeps = new Dependency(root.getBomRef());
      rootDeps.setDependencies(direct);
      dependencies.add(rootDeps);
    }
    dependencies.addAll(edges);
    if (!dependencies.isEmpty()) {
      bom.setDependencies(dependencies);
    }
    try {
      return BomGeneratorFactory.createJson(VERSION, bom).toJsonString(true);
    } catch (GeneratorException e) {
      throw new IllegalStateException("CycloneDX generation failed: " + e.getMessage(), e);
    }
  }

  static String rootRef(RootProject root) {
    return ROOT_REF_PREFIX + (root.purl().isEmpty() ? root.displayName() : root.purl());
  }

  private static Component root(RootProject project) {
    Component c = new Component();
    c.setType(Component.Type.APPLICATION);
    c.setBomRef(rootRef(project));
    if (!project.group().isEmpty()) {
      c.setGroup(project.group());
    }
    c.setName(project.name());
    if (!project.version().isEmpty()) {
      c.setVersion(project.version());
    }
    if (!project.purl().isEmpty()) {
      c.setPurl(project.purl());
    }
    return c;
  }

  private static Component component(SbomComponent s) {
    Component c = new Component();
    c.setType(Component.Type.LIBRARY);
    c.setBomRef(s.ref());
    int cut = groupEnd(s);
    if (cut > 0) {
      c.setGroup(s.name().substring(0, cut));
    }
    c.setName(cut > 0 ? s.name().substring(cut + 1) : s.name());
    if (!s.version().isEmpty()) {
      c.setVersion(s.version());
    }
    if (!s.purl().isEmpty()) {
      c.setPurl(s.purl());
    }
    c.setScope(switch (s.scope()) {
      case RUNTIME -> Component.Scope.REQUIRED;
      case OPTIONAL -> Component.Scope.OPTIONAL;
      case DEV, TEST, PROVIDED -> Component.Scope.EXCLUDED;
    });
    if (!s.hashes().isEmpty()) {
      List<Hash> hashes = new ArrayList<>();
      for (Digest d : s.hashes()) {
        hashes.add(new Hash(d.algorithm(), d.hex()));
      }
      c.setHashes(hashes);
    }
    if (!s.license().isEmpty()) {
      c.setLicenses(license(s.license()));
    }
    if (!s.downloads().isEmpty()) {
      List<ExternalReference> refs = new ArrayList<>();
      for (String url : s.downloads()) {
        ExternalReference r = new ExternalReference();
        r.setType(s.source() == Package.Source.GIT ? ExternalReference.Type.VCS : ExternalReference.Type.DISTRIBUTION);
        r.setUrl(url);
        refs.add(r);
      }
      c.setExternalReferences(refs);
    }
    if (!s.requirement().isEmpty()) {
      c.setProperties(List.of(new Property("shipgate:version-requirement", s.requirement())));
    }
    Evidence evidence = new Evidence();
    List<Occurrence> occurrences = new ArrayList<>();
    for (dev.shipgate.sbom.Occurrence o : s.occurrences()) {
      Occurrence e = new Occurrence();
      e.setLocation(o.path());
      if (o.line() > 0) {
        e.setLine(o.line());
      }
      occurrences.add(e);
    }
    evidence.setOccurrences(occurrences);
    c.setEvidence(evidence);
    return c;
  }

  /**
   * Where the ecosystem's own CycloneDX tools put a group: Maven's groupId, an npm scope, a Composer vendor.
   * Returns the index of the separator, or -1 to keep the whole name (Go module paths, PyPI, crates, ...).
   */
  private static int groupEnd(SbomComponent s) {
    String n = s.name();
    int cut = switch (s.ecosystem()) {
      case MAVEN -> n.indexOf(':');
      case NPM -> n.startsWith("@") ? n.indexOf('/') : -1;
      case PACKAGIST -> n.indexOf('/');
      default -> -1;
    };
    return cut > 0 && cut < n.length() - 1 ? cut : -1;
  }

  private static LicenseChoice license(String text) {
    LicenseChoice choice = new LicenseChoice();
    switch (Licenses.classify(text)) {
      case ID -> {
        License l = new License();
        l.setId(text.strip());
        choice.addLicense(l);
      }
      case EXPRESSION -> choice.setExpression(new Expression(text.strip()));
      case TEXT -> {
        License l = new License();
        l.setName(text.strip());
        choice.addLicense(l);
      }
    }
    return choice;
  }
}
