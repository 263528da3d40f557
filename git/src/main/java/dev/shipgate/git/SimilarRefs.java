package dev.shipgate.git;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Ranks existing ref names by how likely the user meant them instead of a name that does not resolve. */
final class SimilarRefs {

  private static final int LIMIT = 5;

  private SimilarRefs() {}

  /** Up to five short ref names close to {@code wanted}, best first. */
  static List<String> rank(String wanted, Collection<String> existing) {
    String want = wanted.toLowerCase(Locale.ROOT);
    String wantLeaf = leaf(want);
    Map<String, Integer> scored = new TreeMap<>();
    for (String name : existing) {
      String have = name.toLowerCase(Locale.ROOT);
      int score;
      if (have.equals(want) || leaf(have).equals(wantLeaf)) {
        score = 0; // origin/main for main, main for origin/main, upstream/main for origin/main
      } else if (have.contains(want) || want.contains(have)) {
        score = 1;
      } else {
        int distance = distance(want, have);
        if (distance > Math.max(2, want.length() / 4)) {
          continue;
        }
        score = 1 + distance;
      }
      scored.put(name, score);
    }
    List<String> names = new ArrayList<>(scored.keySet());
    names.sort(Comparator.comparingInt((String n) -> scored.get(n)).thenComparing(Comparator.naturalOrder()));
    return names.subList(0, Math.min(LIMIT, names.size()));
  }

  private static String leaf(String name) {
    return name.substring(name.lastIndexOf('/') + 1);
  }

  /** Levenshtein distance; ref names are short, so the quadratic table is fine. */
  static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitute = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitute, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
