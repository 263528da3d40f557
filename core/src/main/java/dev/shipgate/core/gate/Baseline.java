package dev.shipgate.core.gate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shipgate.core.model.Finding;
import dev.shipgate.core.model.FindingStatus;
import dev.shipgate.core.policy.PolicyException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

/**
 * Accepted existing findings, keyed by fingerprint ({@code .shipgate/baseline.json}). It stores only
 * fingerprint, rule id and path, so it is safe to commit even for secret findings.
 */
public final class Baseline {

  public static final String FILE = ".shipgate/baseline.json";

  /** Built on first use: most scans have no baseline, and Jackson's object mapper costs a tenth of a second cold. */
  private static final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  }

  private final Set<String> fingerprints;

  private Baseline(Set<String> fingerprints) {
    this.fingerprints = Set.copyOf(fingerprints);
  }

  public static Baseline empty() {
    return new Baseline(Set.of());
  }

  public static Baseline load(Path file, String displayName) throws PolicyException {
    if (!Files.isRegularFile(file)) {
      return empty();
    }
    JsonNode root;
    try {
      root = Json.MAPPER.readTree(file.toFile());
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      throw new PolicyException(displayName, line, 0, "not valid JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new PolicyException(displayName, 0, 0, "cannot read the baseline: " + e.getMessage());
    }
    if (root == null || !root.isObject() || root.path("schema_version").asInt(0) != 1 || !root.path("findings").isArray()) {
      throw new PolicyException(displayName, 1, 1, "not a shipgate baseline (needs schema_version 1 and a findings array); recreate it with 'shipgate baseline'");
    }
    Set<String> prints = new HashSet<>();
    for (JsonNode f : root.path("findings")) {
      String fp = f.path("fingerprint").asText("");
      if (!fp.matches("[0-9a-f]{32}")) {
        throw new PolicyException(displayName, 0, 0, "baseline entry without a valid fingerprint: " + f.toString().substring(0, Math.min(80, f.toString().length())));
      }
      prints.add(fp);
    }
    return new Baseline(prints);
  }

  /** Writes the open findings (everything not already suppressed or waived) as the new baseline. */
  public static void write(Path file, Collection<Finding> findings, String toolVersion) throws IOException {
    TreeMap<String, Finding> sorted = new TreeMap<>();
    for (Finding f : findings) {
      if (f.status() == FindingStatus.OPEN || f.status() == FindingStatus.BASELINED || f.status() == FindingStatus.PREEXISTING) {
        sorted.put(f.fingerprint(), f);
      }
    }
    ObjectNode root = Json.MAPPER.createObjectNode();
    root.put("schema_version", 1);
    root.put("tool", "shipgate " + toolVersion);
    ArrayNode arr = root.putArray("findings");
    for (Finding f : sorted.values()) {
      ObjectNode o = arr.addObject();
      o.put("fingerprint", f.fingerprint());
      o.put("rule_id", f.ruleId());
      o.put("path", f.location().path());
    }
    Files.createDirectories(file.toAbsolutePath().getParent());
    Json.MAPPER.writeValue(file.toFile(), root);
  }

  public int size() {
    return fingerprints.size();
  }

  public Finding apply(Finding f) {
    if (f.status() == FindingStatus.OPEN && fingerprints.contains(f.fingerprint())) {
      return f.withStatus(FindingStatus.BASELINED, "accepted in the baseline");
    }
    return f;
  }

  List<String> fingerprints() {
    return List.copyOf(fingerprints);
  }
}
