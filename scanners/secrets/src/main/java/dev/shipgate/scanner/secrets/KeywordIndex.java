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
  /** The longest keyword's length in bytes. */
  private final int longest;

  /**
   * Large inputs are cut into this many segments scanned side by side: one scan is a chain of dependent table
   * loads that leaves the core mostly waiting; four independent chains take about half its time under C1 (eight
   * were no faster: C1 spills their registers).
   */
  private static final int STREAMS = 4;
  private static final int MIN_SEGMENT = 512;

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
    int maxLength = 0;
    for (byte[] w : words) {
      maxStates += w.length;
      maxLength = Math.max(maxLength, w.length);
    }
    longest = maxLength;
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

  /** Reports every keyword occurrence ending in {@code (from, to]}, in order of end (then of keyword, as listed). */
  void scan(byte[] bytes, int from, int to, Sink sink) {
    int segment = (to - from) / STREAMS;
    if (segment < MIN_SEGMENT || segment < longest) {
      scan(bytes, from, to, rowOf(0), sink);
      return;
    }
    // Stream k reports the ends in (from + k * segment, from + (k + 1) * segment], the last one up to to. It starts
    // longest - 1 bytes early in the root state: by its first end it has seen every keyword that can end there, so
    // it is in the state one scan from the start would be in, and reports the same keywords in the same order.
    int lead = longest - 1;
    int[] at = new int[STREAMS];
    int[] rows = new int[STREAMS];
    for (int k = 0; k < STREAMS; k++) {
      at[k] = k == 0 ? from : from + k * segment - lead;
      rows[k] = rowOf(0);
    }
    // Hits of streams 1.. wait until the streams before them are done: (row, end) pairs.
    int[][] held = new int[STREAMS][];
    int[] heldCount = new int[STREAMS];
    int steps = segment;
    while (steps > 0) {
      int taken = together(bytes, at, steps, rows);
      steps -= taken;
      for (int k = 0; k < STREAMS; k++) {
        at[k] += taken;
        if (rows[k] < 0) {
          rows[k] = -rows[k];
          if (k == 0) {
            emit(rows[0], at[0], sink);
          } else if (at[k] > from + k * segment) {
            int[] h = held[k] == null ? new int[16] : held[k];
            if (heldCount[k] + 2 > h.length) {
              h = Arrays.copyOf(h, h.length * 2);
            }
            h[heldCount[k]++] = rows[k];
            h[heldCount[k]++] = at[k];
            held[k] = h;
          }
        }
      }
    }
    // Stream 0 has reached its segment's end; every other stream is at least lead bytes into its own.
    for (int k = 1; k < STREAMS; k++) {
      for (int j = 0; j < heldCount[k]; j += 2) {
        emit(held[k][j], held[k][j + 1], sink);
      }
      scan(bytes, at[k], k == STREAMS - 1 ? to : from + (k + 1) * segment, rows[k], sink);
    }
  }

  /** {@link #scan(byte[], int, int, Sink)} as one stream, whatever the length: what the split scan must equal. */
  void scanOneStream(byte[] bytes, int from, int to, Sink sink) {
    scan(bytes, from, to, rowOf(0), sink);
  }

  /** One stream from {@code from} to {@code to}, starting in state row {@code row}. */
  private void scan(byte[] bytes, int from, int to, int row, Sink sink) {
    int i = from;
    while (true) {
      long hit = next(bytes, i, to, row);
      if (hit < 0) {
        return;
      }
      row = (int) (hit >>> 32);
      i = (int) hit;
      emit(row, i, sink);
    }
  }

  private void emit(int row, int end, Sink sink) {
    for (int k : outputs[row >> 8]) {
      sink.hit(k, end);
    }
  }

  /**
   * Advances the four streams one byte each, up to {@code steps} times, and stops after a step where any of them
   * reaches a state that ends a keyword (its row is then negative in {@code rows}). Returns the steps taken.
   */
  private int together(byte[] bytes, int[] at, int steps, int[] rows) {
    final int[] d = delta;
    int a0 = at[0];
    int a1 = at[1];
    int a2 = at[2];
    int a3 = at[3];
    int r0 = rows[0];
    int r1 = rows[1];
    int r2 = rows[2];
    int r3 = rows[3];
    int i = 0;
    int pairs = steps - 1;
    while (i < pairs) {
      r0 = d[r0 + bytes[a0 + i]];
      r1 = d[r1 + bytes[a1 + i]];
      r2 = d[r2 + bytes[a2 + i]];
      r3 = d[r3 + bytes[a3 + i]];
      if ((r0 | r1 | r2 | r3) < 0) {
        rows[0] = r0;
        rows[1] = r1;
        rows[2] = r2;
        rows[3] = r3;
        return i + 1;
      }
      r0 = d[r0 + bytes[a0 + i + 1]];
      r1 = d[r1 + bytes[a1 + i + 1]];
      r2 = d[r2 + bytes[a2 + i + 1]];
      r3 = d[r3 + bytes[a3 + i + 1]];
      i += 2;
      if ((r0 | r1 | r2 | r3) < 0) {
        break;
      }
    }
    if (i < steps && (r0 | r1 | r2 | r3) >= 0) {
      r0 = d[r0 + bytes[a0 + i]];
      r1 = d[r1 + bytes[a1 + i]];
      r2 = d[r2 + bytes[a2 + i]];
      r3 = d[r3 + bytes[a3 + i]];
      i++;
    }
    rows[0] = r0;
    rows[1] = r1;
    rows[2] = r2;
    rows[3] = r3;
    return i;
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
