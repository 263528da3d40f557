package dev.shipgate.sbom;

import dev.shipgate.scanner.deps.Ecosystem;
import dev.shipgate.scanner.deps.Package;
import java.util.List;

/**
 * One distinct package (ecosystem, name, version) with everything the inventory said about it across files.
 *
 * @param ref document-unique reference: the PURL for exact versions, else a {@code shipgate:} name
 * @param version the exact version, or "" when the manifests give only a requirement
 * @param requirement the version requirement as written when there is no exact version ("" otherwise)
 * @param purl the package URL ("" when the name cannot form one)
 * @param scope the widest scope any declaration gives it (runtime over optional over dev over test)
 * @param directScope the widest scope among its direct declarations, or null when no file declares it directly
 * @param hashes artifact hashes, sorted and distinct
 * @param license the declared licence text, "" when no file states one
 * @param downloads redacted download URLs, sorted and distinct
 * @param occurrences every manifest and line that declares it, sorted
 * @param dependsOn refs of the components it depends on, as the lockfiles' graphs (or Maven's resolution) record them,
 *     sorted and distinct; empty when no file records what it needs
 */
public record SbomComponent(
    String ref,
    Ecosystem ecosystem,
    String name,
    String version,
    String requirement,
    String purl,
    Package.Scope scope,
    Package.Scope directScope,
    Package.Source source,
    List<Digest> hashes,
    String license,
    List<String> downloads,
    List<Occurrence> occurrences,
    List<String> dependsOn) {

  public SbomComponent {
    hashes = List.copyOf(hashes);
    downloads = List.copyOf(downloads);
    occurrences = List.copyOf(occurrences);
    dependsOn = List.copyOf(dependsOn);
  }

  public boolean direct() {
    return directScope != null;
  }
}
