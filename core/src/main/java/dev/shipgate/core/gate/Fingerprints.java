package dev.shipgate.core.gate;

import dev.shipgate.core.model.Finding;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Fingerprints that survive unrelated edits: rule id + path + the finding's normalised code context
 * (never its line number), plus an occurrence index when the same context repeats in a file. Baselines,
 * waivers and diff mode all key on them.
 */
public final class Fingerprints {

  private Fingerprints() {}

  /** Returns the findings with fingerprints set, in their original order. */
  public static List<Finding> assign(List<Finding> findings) {
    List<Finding> ordered = new ArrayList<>(findings);
    ordered.sort(Comparator.comparing((Finding f) -> f.location().path())
        .thenComparingInt(f -> f.location().startLine())
        .thenComparingInt(f -> f.location().startColumn())
        .thenComparing(Finding::ruleId));
    Map<String, Integer> seen = new HashMap<>();
    // Identity, not equality: two equal findings (same line twice) still need their own occurrence index.
    java.util.IdentityHashMap<Finding, String> prints = new java.util.IdentityHashMap<>();
    for (Finding f : ordered) {
      String base = f.ruleId() + "\u0000" + f.location().path() + "\u0000" + context(f);
      int occurrence = seen.merge(base, 1, Integer::sum) - 1;
      prints.put(f, hash(base + "\u0000" + occurrence));
    }
    List<Finding> out = new ArrayList<>(findings.size());
    for (Finding f : findings) {
      out.add(f.withFingerprint(prints.get(f)));
    }
    return out;
  }

  /** What identifies the finding within its file: the scanner's context key, else its code, else its message. */
  static String context(Finding f) {
    String raw = !f.contextKey().isEmpty() ? f.contextKey() : !f.snippet().isBlank() ? f.snippet() : f.message();
    return raw.strip().replaceAll("\\s+", " ");
  }

  static String hash(String s) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
