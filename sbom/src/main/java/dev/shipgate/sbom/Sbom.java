package dev.shipgate.sbom;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What both document formats are written from.
 *
 * @param id identifies this document (CycloneDX serial number, SPDX namespace): derived from the content, so the
 *     same project gives the same id, unless {@link #of} was asked for a unique one
 * @param created the creation time written into the document (seconds precision)
 */
public record Sbom(RootProject root, List<SbomComponent> components, String toolVersion, Instant created, UUID id) {

  public Sbom {
    components = List.copyOf(components);
  }

  /**
   * @param unique a random id, for users who register every generated document separately (CycloneDX recommends
   *     a new serial number per generation; reproducible output needs the opposite, so it is a choice)
   */
  public static Sbom of(RootProject root, List<SbomComponent> components, String toolVersion, Instant created, boolean unique) {
    // The creation time is left out on purpose: regenerating an unchanged project keeps its id.
    String content = toolVersion + "\n" + root + "\n" + components;
    UUID id = unique ? UUID.randomUUID() : UUID.nameUUIDFromBytes(content.getBytes(StandardCharsets.UTF_8));
    return new Sbom(root, components, toolVersion, created.truncatedTo(java.time.temporal.ChronoUnit.SECONDS), id);
  }
}
