package dev.shipgate.scanner.secrets;

/** Shannon entropy of a candidate secret. */
final class Entropy {

  private Entropy() {}

  static double bitsPerChar(CharSequence s) {
    int n = s.length();
    if (n == 0) {
      return 0;
    }
    int[] counts = new int[128];
    java.util.Map<Character, Integer> other = null;
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c < 128) {
        counts[c]++;
      } else {
        if (other == null) {
          other = new java.util.HashMap<>();
        }
        other.merge(c, 1, Integer::sum);
      }
    }
    double h = 0;
    for (int c : counts) {
      h += term(c, n);
    }
    if (other != null) {
      for (int c : other.values()) {
        h += term(c, n);
      }
    }
    return h;
  }

  private static double term(int count, int n) {
    if (count == 0) {
      return 0;
    }
    double p = (double) count / n;
    return -p * Math.log(p) / Math.log(2);
  }
}
