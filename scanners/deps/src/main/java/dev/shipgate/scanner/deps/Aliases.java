package dev.shipgate.scanner.deps;

import dev.shipgate.scanner.deps.osv.OsvEntry;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Merges OSV records that describe one vulnerability (shared id or alias) into one group. */
final class Aliases {

  /** Which id names a group: GHSA first, then the ecosystem databases, then CVE, then anything else. */
  static final Comparator<String> ORDER = Comparator.comparingInt(Aliases::rank).thenComparing(Comparator.naturalOrder());

  private Aliases() {}

  private static int rank(String id) {
    if (id.startsWith("GHSA-")) {
      return 0;
    }
    if (id.startsWith("GO-") || id.startsWith("PYSEC-") || id.startsWith("RUSTSEC-") || id.startsWith("MAL-")) {
      return 1;
    }
    return id.startsWith("CVE-") ? 2 : 3;
  }

  /** Connected components of records linked by ids and aliases, in first-seen order. */
  static List<List<OsvEntry>> group(List<OsvEntry> entries) {
    int n = entries.size();
    int[] parent = new int[n];
    for (int i = 0; i < n; i++) {
      parent[i] = i;
    }
    Map<String, Integer> owner = new HashMap<>();
    for (int i = 0; i < n; i++) {
      List<String> ids = new ArrayList<>(entries.get(i).aliases());
      ids.add(entries.get(i).id());
      for (String id : ids) {
        Integer j = owner.putIfAbsent(id, i);
        if (j != null) {
          parent[find(parent, i)] = find(parent, j);
        }
      }
    }
    Map<Integer, List<OsvEntry>> groups = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      groups.computeIfAbsent(find(parent, i), k -> new ArrayList<>()).add(entries.get(i));
    }
    return new ArrayList<>(groups.values());
  }

  private static int find(int[] parent, int i) {
    while (parent[i] != i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  }
}
