package dev.shipgate.sbom;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
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
   * The document model of a project's components, with its id.
   *
   * @param unique a random id, for users who register every generated document separately (CycloneDX recommends
   *     a new serial number per generation; reproducible output needs the opposite, so it is a choice)
   */
  public static Sbom of(RootProject root, List<SbomComponent> components, String toolVersion, Instant created, boolean unique) {
    UUID id = unique ? UUID.randomUUID() : UUID.nameUUIDFromBytes(contentDigest(root, components, toolVersion));
    return new Sbom(root, components, toolVersion, created.truncatedTo(java.time.temporal.ChronoUnit.SECONDS), id);
  }

  /** Everything the documents say except the creation time, so regenerating an unchanged project keeps its id. */
  private static byte[] contentDigest(RootProject root, List<SbomComponent> components, String toolVersion) {
    MessageDigest sha;
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK always has SHA-256", e);
    }
    sha.update((toolVersion + "\n" + root + "\n").getBytes(StandardCharsets.UTF_8));
    for (SbomComponent c : components) {
      sha.update((c + "\n").getBytes(StandardCharsets.UTF_8));
    }
    return sha.digest();
  }
}
