package dev.shipgate.scanner.secrets;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Aho–Corasick automaton over raw bytes, ASCII case-insensitive, compiled to a dense DFA over a compressed
 * alphabet. It runs on the file's bytes before any decoding, so files without a keyword cost one table
 * lookup per byte and are never turned into a String.
 */
final class KeywordIndex {

  /** Receives each keyword occurrence as (keyword index, offset just past its last byte). */
  interface Sink {
    void hit(int keyword, int end);
  }

  private final int classes;
  private final byte[] byteClass = new byte[256];
  private final int[] delta;
  private final int[][] outputs;
  private final boolean[] accepting;
  private final int size;

  KeywordIndex(List<String> keywords) {
    // Alphabet: one class per distinct (lowercased) keyword byte, class 0 for every other byte.
    int next = 1;
    List<byte[]> words = new ArrayList<>();
    for (String k : keywords) {
      byte[] w = k.toLowerCase(Locale.ROOT).getBytes(java.nio.charset.StandardCharsets.UTF_8);
      if (w.length == 0) {
        throw new IllegalArgumentException("empty keyword");
      }
      words.add(w);
      for (byte b : w) {
        int u = b & 0xff;
        if (byteClass[u] == 0) {
          if (next > 127) {
            throw new IllegalArgumentException("keywords use too many distinct bytes");
          }
          byteClass[u] = (byte) next++;
        }
      }
    }
    for (int c = 'A'; c <= 'Z'; c++) {
      byteClass[c] = byteClass[c + 32];
    }
    classes = next;
    int maxStates = 1;
    for (byte[] w : words) {
      maxStates += w.length;
    }
    int[] go = new int[maxStates * classes];
    Arrays.fill(go, -1);
    // Keywords ending at each state: the trie's own (terminal[s], or null) plus those of its failure chain, which
    // end at the same byte. Plain arrays, no boxing or streams: this runs at every start, mostly interpreted.
    int[][] terminal = new int[maxStates][];
    int states = 1;
    for (int k = 0; k < words.size(); k++) {
      int s = 0;
      for (byte b : words.get(k)) {
        int c = byteClass[b & 0xff];
        if (go[s * classes + c] < 0) {
          go[s * classes + c] = states++;
        }
        s = go[s * classes + c];
      }
      int[] here = terminal[s];
      terminal[s] = here == null ? new int[] {k} : append(here, k); // the same word may be listed twice
    }
    // Breadth-first failure links, folded straight into a complete transition table.
    int[] fail = new int[states];
    int[] order = new int[states];
    int head = 0;
    int tail = 0;
    for (int c = 0; c < classes; c++) {
      int t = go[c];
      if (t < 0) {
        go[c] = 0;
      } else {
        fail[t] = 0;
        order[tail++] = t;
      }
    }
    while (head < tail) {
      int s = order[head++];
      for (int c = 0; c < classes; c++) {
        int t = go[s * classes + c];
        if (t < 0) {
          go[s * classes + c] = go[fail[s] * classes + c];
        } else {
          fail[t] = go[fail[s] * classes + c];
          order[tail++] = t;
        }
      }
    }
    size = states;
    outputs = new int[states][];
    accepting = new boolean[states];
    outputs[0] = new int[0];
    // In breadth-first order a state's failure target is done before it: its outputs are the target's plus its own.
    for (int i = 0; i < tail; i++) {
      int s = order[i];
      int[] inherited = outputs[fail[s]];
      int[] own = terminal[s];
      if (own == null) {
        outputs[s] = inherited;
      } else {
        int[] mine = Arrays.copyOf(own, own.length + inherited.length);
        System.arraycopy(inherited, 0, mine, own.length, inherited.length);
        outputs[s] = mine;
      }
      accepting[s] = outputs[s].length > 0;
    }
    // Entries hold the next state's row offset (no multiply in the loop), negated when that state
    // emits keywords (the root never does, so its offset 0 needs no sign).
    delta = new int[states * classes];
    for (int i = 0; i < delta.length; i++) {
      int t = go[i];
      delta[i] = accepting[t] ? -(t * classes) : t * classes;
    }
  }

  private static int[] append(int[] a, int v) {
    int[] out = Arrays.copyOf(a, a.length + 1);
    out[a.length] = v;
    return out;
  }

  int states() {
    return size;
  }

  void scan(byte[] bytes, int from, int to, Sink sink) {
    final int[] d = delta;
    final byte[] cls = byteClass;
    final int n = classes;
    int row = 0;
    for (int i = from; i < to; i++) {
      int t = d[row + cls[bytes[i] & 0xff]];
      if (t < 0) {
        t = -t;
        for (int k : outputs[t / n]) {
          sink.hit(k, i + 1);
        }
      }
      row = t;
    }
  }
}
