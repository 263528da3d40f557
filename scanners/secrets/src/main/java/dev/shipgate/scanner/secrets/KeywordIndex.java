package dev.shipgate.scanner.secrets;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Aho–Corasick automaton over raw bytes, ASCII case-insensitive, compiled to a dense DFA with one 256-entry row
 * per state. It runs on the file's bytes before any decoding, so files without a keyword cost one table lookup
 * per byte and are never turned into a String.
 */
final class KeywordIndex {

  /** Receives each keyword occurrence as (keyword index, offset just past its last byte). */
  interface Sink {
    void hit(int keyword, int end);
  }

  /**
   * A row per state (1 KiB each): this many states is about 16 MiB of table, far more than any realistic keyword
   * list needs (the built-in catalogue's 181 keywords make under a thousand).
   */
  static final int MAX_STATES = 16_384;

  /**
   * {@code delta[row + b]} for a signed byte {@code b} is the next state's row: state {@code s}'s row is
   * {@code s * 256 + 128}, so the signed byte indexes it without masking. The entry is negated when that state
   * emits keywords (rows are never 0, so the sign is free).
   */
  private final int[] delta;
  private final int[][] outputs;
  private final int size;

  KeywordIndex(List<String> keywords) {
    // Built over a compressed alphabet (one class per distinct lowercased keyword byte, class 0 for every other
    // byte), expanded to full rows at the end.
    byte[] byteClass = new byte[256];
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
    int classes = next;
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
    if (states > MAX_STATES) {
      throw new IllegalArgumentException("the detectors' keywords need " + states + " automaton states, more than "
          + MAX_STATES + ": use fewer or shorter keywords");
    }
    size = states;
    outputs = new int[states][];
    boolean[] accepting = new boolean[states];
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
    // Expands the compressed rows to one entry per byte value: a class lookup per byte was a fifth of the loop.
    delta = new int[states * 256];
    int[] row = new int[classes];
    for (int s = 0; s < states; s++) {
      for (int c = 0; c < classes; c++) {
        int t = go[s * classes + c];
        row[c] = accepting[t] ? -rowOf(t) : rowOf(t);
      }
      int base = s * 256;
      for (int u = 0; u < 256; u++) {
        delta[base + (byte) u + 128] = row[byteClass[u]];
      }
    }
  }

  private static int rowOf(int state) {
    return state * 256 + 128;
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
    int row = rowOf(0);
    int i = from;
    while (true) {
      long hit = next(bytes, i, to, row);
      if (hit < 0) {
        return;
      }
      row = (int) (hit >>> 32);
      i = (int) hit;
      for (int k : outputs[row >> 8]) {
        sink.hit(k, i);
      }
    }
  }

  /**
   * Runs from {@code from} in state row {@code row} to the next byte that ends a keyword: returns the row reached
   * there (high half) and the offset just past that byte (low half), or -1 when {@code to} comes first. The loop
   * does nothing else and is unrolled, so C1 (the launcher's only compiler) keeps its values in registers: with
   * the hit handling inside, it spilled them on every byte.
   */
  private long next(byte[] bytes, int from, int to, int row) {
    final int[] d = delta;
    int i = from;
    int unrolled = to - 3;
    while (i < unrolled) {
      row = d[row + bytes[i]];
      if (row < 0) {
        return hit(row, i + 1);
      }
      row = d[row + bytes[i + 1]];
      if (row < 0) {
        return hit(row, i + 2);
      }
      row = d[row + bytes[i + 2]];
      if (row < 0) {
        return hit(row, i + 3);
      }
      row = d[row + bytes[i + 3]];
      if (row < 0) {
        return hit(row, i + 4);
      }
      i += 4;
    }
    for (; i < to; i++) {
      row = d[row + bytes[i]];
      if (row < 0) {
        return hit(row, i + 1);
      }
    }
    return -1;
  }

  private static long hit(int negatedRow, int end) {
    return (long) -negatedRow << 32 | end;
  }
}
