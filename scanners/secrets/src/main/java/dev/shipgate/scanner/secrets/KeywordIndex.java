package dev.shipgate.scanner.secrets;

import java.util.ArrayDeque;
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
    List<List<Integer>> out = new ArrayList<>();
    out.add(new ArrayList<>());
    int states = 1;
    for (int k = 0; k < words.size(); k++) {
      int s = 0;
      for (byte b : words.get(k)) {
        int c = byteClass[b & 0xff];
        if (go[s * classes + c] < 0) {
          go[s * classes + c] = states++;
          out.add(new ArrayList<>());
        }
        s = go[s * classes + c];
      }
      out.get(s).add(k);
    }
    // Breadth-first failure links, folded straight into a complete transition table.
    int[] fail = new int[states];
    ArrayDeque<Integer> queue = new ArrayDeque<>();
    for (int c = 0; c < classes; c++) {
      int t = go[c];
      if (t < 0) {
        go[c] = 0;
      } else {
        fail[t] = 0;
        queue.add(t);
      }
    }
    while (!queue.isEmpty()) {
      int s = queue.poll();
      out.get(s).addAll(out.get(fail[s]));
      for (int c = 0; c < classes; c++) {
        int t = go[s * classes + c];
        if (t < 0) {
          go[s * classes + c] = go[fail[s] * classes + c];
        } else {
          fail[t] = go[fail[s] * classes + c];
          queue.add(t);
        }
      }
    }
    size = states;
    outputs = new int[states][];
    accepting = new boolean[states];
    for (int s = 0; s < states; s++) {
      outputs[s] = out.get(s).stream().mapToInt(Integer::intValue).distinct().toArray();
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
