package dev.shipgate.core.fix;

import dev.shipgate.core.model.Finding;
import dev.shipgate.core.model.Fix;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Applies the {@link Fix}es of findings to file texts. Fixes are taken in order; an edit identical to one
 * already taken is shared (two findings cured by the same upgrade); a fix whose edits otherwise overlap an
 * edit already taken, or point outside its file, is set aside (reported in {@link Plan#conflicts()}) so
 * that the next {@code shipgate fix} run, after a re-scan, can offer it again on the new text.
 */
public final class FixApplier {

  private FixApplier() {}

  /** The patched texts by path, the findings whose fixes went in, and those set aside with the reason. */
  public record Plan(Map<String, String> patched, List<Finding> applied, Map<Finding, String> conflicts) {}

  /** @param texts the current text of a path (decoded as the scanners saw it), or null when unknown */
  public static Plan apply(List<Finding> findings, Function<String, String> texts) {
    Map<String, List<Fix.Edit>> taken = new LinkedHashMap<>();
    Map<String, String> originals = new LinkedHashMap<>();
    List<Finding> applied = new ArrayList<>();
    Map<Finding, String> conflicts = new LinkedHashMap<>();
    for (Finding f : findings) {
      Fix fix = f.fix();
      if (fix == null) {
        continue;
      }
      String problem = null;
      for (Fix.Edit e : fix.edits()) {
        String text = originals.computeIfAbsent(e.path(), texts::apply);
        if (text == null) {
          problem = "cannot read " + e.path();
        } else if (e.end() > text.length()) {
          problem = "edit beyond the end of " + e.path();
        } else if (overlaps(taken.getOrDefault(e.path(), List.of()), e)) {
          problem = "overlaps another fix in " + e.path() + "; run fix again after this one is applied";
        }
        if (problem != null) {
          break;
        }
      }
      if (problem != null) {
        conflicts.put(f, problem);
        continue;
      }
      for (Fix.Edit e : fix.edits()) {
        List<Fix.Edit> inFile = taken.computeIfAbsent(e.path(), k -> new ArrayList<>());
        if (!inFile.contains(e)) {
          inFile.add(e);
        }
      }
      applied.add(f);
    }
    Map<String, String> patched = new LinkedHashMap<>();
    for (Map.Entry<String, List<Fix.Edit>> e : taken.entrySet()) {
      patched.put(e.getKey(), patch(originals.get(e.getKey()), e.getValue()));
    }
    return new Plan(patched, applied, conflicts);
  }

  /** Applies non-overlapping edits of one file, from the end so earlier offsets stay valid. */
  public static String patch(String text, List<Fix.Edit> edits) {
    List<Fix.Edit> sorted = new ArrayList<>(edits);
    sorted.sort(Comparator.comparingInt(Fix.Edit::start).thenComparingInt(Fix.Edit::end).reversed());
    StringBuilder out = new StringBuilder(text);
    for (Fix.Edit e : sorted) {
      out.replace(e.start(), e.end(), e.replacement());
    }
    return out.toString();
  }

  private static boolean overlaps(List<Fix.Edit> taken, Fix.Edit e) {
    for (Fix.Edit t : taken) {
      if (t.equals(e)) {
        continue;
      }
      boolean bothInserts = t.start() == t.end() && e.start() == e.end();
      if (bothInserts ? t.start() == e.start() : e.start() < t.end() && t.start() < e.end()) {
        return true;
      }
    }
    return false;
  }
}
