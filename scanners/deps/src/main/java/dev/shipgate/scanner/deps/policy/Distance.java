package dev.shipgate.scanner.deps.policy;

/** Edit distance for the typosquat check. */
final class Distance {

  private Distance() {}

  /**
   * Optimal string alignment distance (insertions, deletions, substitutions, transpositions of neighbours), or
   * {@code limit + 1} as soon as it must exceed {@code limit}.
   */
  static int osa(String a, String b, int limit) {
    return osa(a.toCharArray(), b.toCharArray(), limit, new int[3 * (b.length() + 1)]);
  }

  /**
   * As {@link #osa(String, String, int)} on characters, with {@code rows} (at least {@code 3 * (b.length + 1)} ints)
   * as the three rows, so comparing one name with many allocates nothing.
   */
  static int osa(char[] a, char[] b, int limit, int[] rows) {
    int n = a.length;
    int m = b.length;
    if (Math.abs(n - m) > limit) {
      return limit + 1;
    }
    int w = m + 1;
    int prev2 = 0;
    int prev = w;
    int cur = 2 * w;
    for (int j = 0; j <= m; j++) {
      rows[prev + j] = j;
    }
    for (int i = 1; i <= n; i++) {
      rows[cur] = i;
      int rowMin = i;
      char ai = a[i - 1];
      for (int j = 1; j <= m; j++) {
        int cost = ai == b[j - 1] ? 0 : 1;
        int v = Math.min(Math.min(rows[prev + j] + 1, rows[cur + j - 1] + 1), rows[prev + j - 1] + cost);
        if (i > 1 && j > 1 && ai == b[j - 2] && a[i - 2] == b[j - 1]) {
          v = Math.min(v, rows[prev2 + j - 2] + 1);
        }
        rows[cur + j] = v;
        rowMin = Math.min(rowMin, v);
      }
      if (rowMin > limit) {
        return limit + 1;
      }
      int t = prev2;
      prev2 = prev;
      prev = cur;
      cur = t;
    }
    return Math.min(rows[prev + m], limit + 1);
  }

  /** Character classes {@link #moreThanEditsApart} counts: {@code a}-{@code z}, digits, one for all others. */
  static final int BUCKETS = 37;

  /**
   * A cheap lower bound that rules out most pairs before {@link #osa}: an edit changes the character counts by at most
   * two (a substitution), a swap not at all, so counts differing by more than {@code 2 * limit} mean more than
   * {@code limit} edits. {@code counts} is scratch space of {@link #BUCKETS} ints, left zeroed.
   */
  static boolean moreThanEditsApart(char[] a, char[] b, int limit, int[] counts) {
    for (char c : a) {
      counts[bucket(c)]++;
    }
    for (char c : b) {
      counts[bucket(c)]--;
    }
    int difference = 0;
    for (char c : a) {
      difference += Math.abs(counts[bucket(c)]);
      counts[bucket(c)] = 0;
    }
    for (char c : b) {
      difference += Math.abs(counts[bucket(c)]);
      counts[bucket(c)] = 0;
    }
    return difference > 2 * limit;
  }

  private static int bucket(char c) {
    return c >= 'a' && c <= 'z' ? c - 'a' : c >= '0' && c <= '9' ? 26 + c - '0' : 36;
  }

  /** Whether {@code a} is {@code b} with one pair of neighbouring characters swapped. */
  static boolean isTransposition(String a, String b) {
    if (a.length() != b.length()) {
      return false;
    }
    int i = 0;
    while (i < a.length() && a.charAt(i) == b.charAt(i)) {
      i++;
    }
    return i + 1 < a.length() && a.charAt(i) == b.charAt(i + 1) && a.charAt(i + 1) == b.charAt(i)
        && a.substring(i + 2).equals(b.substring(i + 2));
  }
}
