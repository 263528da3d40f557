package dev.shipgate.scanner.secrets;

import com.google.re2j.Matcher;
import dev.shipgate.core.model.Confidence;
import dev.shipgate.core.model.Severity;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds secrets in a file's bytes: keyword prefilter, then each triggered detector's regex on small
 * windows around its keyword hits, then the precision checks. Thread-safe; keeps no state between calls.
 */
final class SecretEngine {

  /** How far a window reaches along one line before it is cut (long minified lines). */
  static final int MAX_LINE_REACH = 4096;
  /** Same-line detectors look this far before a keyword (key names, boundaries) and after it (values). */
  static final int NEAR_BEFORE = 320;
  static final int NEAR_AFTER = 1024;
  /** How many bytes of the line either side of the secret a snippet shows. */
  static final int SNIPPET_REACH = 60;

  /** One accepted secret. Holds the raw value only in memory, for hashing; callers must never print it. */
  record Match(
      Detector detector,
      int start,
      int end,
      int line,
      int column,
      String secret,
      Boolean checksum,
      Severity severity,
      Confidence confidence,
      List<String> notes,
      String snippet) {}

  private final List<Detector> detectors;
  private final KeywordIndex index;
  private final int[][] detectorsOfKeyword;
  private final int[] keywordLength;
  private final boolean[] anchored;
  /** Per detector: the regex's group 1 is the whole match, so the secret needs no second (capturing) RE2/J pass. */
  private final boolean[] wholeMatch;
  /**
   * Per anchored whole-match detector: the length in characters of every match of its regex, or 0 when matches
   * vary in length. The secret at a hit is then known before the regex runs, so its value tests can run first.
   */
  private final int[] fixedLength;

  SecretEngine(List<Detector> detectors) {
    this.detectors = List.copyOf(detectors);
    List<String> keywords = new ArrayList<>();
    List<List<Integer>> owners = new ArrayList<>();
    Map<String, Integer> keywordIndex = new HashMap<>();
    for (int d = 0; d < detectors.size(); d++) {
      for (String k : detectors.get(d).keywords()) {
        Integer i = keywordIndex.get(k);
        if (i == null) {
          i = keywords.size();
          keywordIndex.put(k, i);
          keywords.add(k);
          owners.add(new ArrayList<>());
        }
        owners.get(i).add(d);
      }
    }
    index = new KeywordIndex(keywords);
    anchored = new boolean[detectors.size()];
    for (int d = 0; d < detectors.size(); d++) {
      anchored[d] = detectors.get(d).anchor() != Detector.Anchor.NONE;
    }
    wholeMatch = new boolean[detectors.size()];
    for (int d = 0; d < detectors.size(); d++) {
      wholeMatch[d] = groupOneIsWholeMatch(detectors.get(d).regexSource().source());
    }
    fixedLength = new int[detectors.size()];
    for (int d = 0; d < detectors.size(); d++) {
      if (anchored[d] && wholeMatch[d]) {
        fixedLength[d] = Math.max(0, fixedMatchLength(detectors.get(d).regexSource().source()));
      }
    }
    keywordLength = keywords.stream().mapToInt(k -> k.getBytes(StandardCharsets.UTF_8).length).toArray();
    detectorsOfKeyword = owners.stream().map(l -> l.stream().mapToInt(Integer::intValue).toArray()).toArray(int[][]::new);
  }

  List<Detector> detectors() {
    return detectors;
  }

  List<Match> scan(String path, byte[] b) {
    int[][] hits = new int[detectors.size()][];
    int[] counts = new int[detectors.size()];
    final boolean[] anchoredAt = anchored;
    index.scan(b, 0, b.length, (k, hitEnd) -> {
      int start = hitEnd - keywordLength[k];
      for (int d : detectorsOfKeyword[k]) {
        // Anchored detectors need every keyword start; the others only need a position on the line.
        int end = anchoredAt[d] ? start : hitEnd;
        int[] h = hits[d];
        if (h == null) {
          h = hits[d] = new int[8];
        } else if (counts[d] == h.length) {
          h = hits[d] = Arrays.copyOf(h, h.length * 2);
        }
        h[counts[d]++] = end;
      }
    });
    List<Candidate> candidates = new ArrayList<>();
    Lines lines = null;
    for (int d = 0; d < detectors.size(); d++) {
      if (counts[d] == 0) {
        continue;
      }
      if (lines == null) {
        lines = new Lines(b);
      }
      collect(d, b, lines, Arrays.copyOf(hits[d], counts[d]), candidates);
    }
    if (candidates.isEmpty()) {
      return List.of();
    }
    String pathReason = PathHints.pathReason(path);
    List<Candidate> accepted = new ArrayList<>();
    for (Candidate c : candidates) {
      if (judge(c, b, lines, pathReason)) {
        accepted.add(c);
      }
    }
    List<Candidate> kept = resolveOverlaps(accepted);
    List<Match> out = new ArrayList<>();
    for (Candidate c : kept) {
      out.add(new Match(c.detector, c.start, c.end, lines.lineOf(c.start), column(b, lines, c.start), c.secret,
          c.checksum, c.severity, c.confidence, List.copyOf(c.notes), snippet(b, lines, c, kept)));
    }
    out.sort(Comparator.comparingInt(Match::start).thenComparing(m -> m.detector().id()));
    return out;
  }

  private static final class Candidate {
    final Detector detector;
    final int start;
    final int end;
    final String secret;
    Boolean checksum;
    String key;
    Severity severity;
    Confidence confidence;
    final List<String> notes = new ArrayList<>();

    /** The same redacted form the finding's properties carry (PEM bodies are normalised first). */
    String redacted() {
      return SecretText.redact(SecretText.normalized(detector, secret));
    }

    Candidate(Detector detector, int start, int end, String secret) {
      this.detector = detector;
      this.start = start;
      this.end = end;
      this.secret = secret;
      this.severity = detector.severity();
      this.confidence = detector.confidence();
    }
  }

  private void collect(int d, byte[] b, Lines lines, int[] hitEnds, List<Candidate> out) {
    Detector det = detectors.get(d);
    if (det.anchor() != Detector.Anchor.NONE && det.windowLines() == 0 && det.windowBytes() == 0) {
      anchored(det, wholeMatch[d], fixedLength[d], b, lines, hitEnds, out);
      return;
    }
    // Windows in byte offsets, merged when they touch, so each region is matched once.
    int ws = -1;
    int we = -1;
    Set<Integer> seen = new HashSet<>();
    for (int end : hitEnds) {
      int s;
      int e;
      if (det.windowBytes() > 0) {
        s = lines.startOfLineAt(Math.max(0, end - 1), MAX_LINE_REACH);
        e = Math.min(b.length, s + det.windowBytes());
      } else if (det.windowLines() == 0) {
        // Same line, near the keyword: a key name sits just before it, a value just after.
        s = lines.startOfLineAt(Math.max(0, end - 1), NEAR_BEFORE);
        e = lines.endOfLineAt(end, NEAR_AFTER);
      } else {
        s = lines.startOfLineAt(Math.max(0, end - 1), MAX_LINE_REACH);
        e = lines.endOfLineAt(end, MAX_LINE_REACH);
        for (int i = 0; i < det.windowLines(); i++) {
          s = s == 0 ? 0 : lines.startOfLineAt(s - 1, MAX_LINE_REACH);
          int next = e;
          while (next < b.length && (b[next] == '\r' || b[next] == '\n') && next - e < 2) {
            next++;
          }
          e = next >= b.length ? b.length : lines.endOfLineAt(next, MAX_LINE_REACH);
        }
      }
      if (ws >= 0 && s <= we) {
        we = Math.max(we, e);
        continue;
      }
      if (ws >= 0) {
        match(det, wholeMatch[d], b, ws, we, seen, out);
      }
      ws = s;
      we = e;
    }
    if (ws >= 0) {
      match(det, wholeMatch[d], b, ws, we, seen, out);
    }
  }

  /**
   * Matches starting exactly at each keyword occurrence (hit offsets are keyword starts here). With {@code fixed}
   * &gt; 0 every match is that many characters long, so a hit too close to its window's end cannot match, and an
   * ASCII secret that {@link #judge} would reject by its value (documentation keys, {@code ghp_xxxx…}) is dropped
   * before the regex runs, with the same outcome.
   */
  private static void anchored(Detector det, boolean whole, int fixed, byte[] b, Lines lines, int[] starts,
      List<Candidate> out) {
    Set<Integer> seen = new HashSet<>();
    int last = -1;
    for (int s : starts) {
      if (s == last) {
        continue;
      }
      last = s;
      if (det.anchor() == Detector.Anchor.WORD && s > 0 && isWordByte(b[s - 1])) {
        continue;
      }
      if (fixed > 0 && (lines.endOfLineAt(s, NEAR_AFTER) - s < fixed
          || Utf8.isAscii(b, s, s + fixed) && !valuePasses(det, new String(b, s, fixed, StandardCharsets.ISO_8859_1)))) {
        continue;
      }
      // Prechecks stop at the line's end themselves: most hits fail them, and finding that end cost more.
      if (!precheck(det, b, s, (int) Math.min(b.length, (long) s + NEAR_AFTER))) {
        continue;
      }
      match(det, whole, b, s, lines.endOfLineAt(s, NEAR_AFTER), seen, out, true);
    }
  }

  /**
   * Cheap byte-level tests at an anchored hit, run before the regex because one RE2/J call costs
   * microseconds: the value a generic assignment or URL would carry is cut out by hand and judged by the
   * same placeholder, length and entropy rules first; only survivors meet the regex (which still decides).
   * {@code e} is the end of the hit's line or any later bound: the tests stop at a line's end ({@code \n} or
   * {@code \r\n}) themselves, with the same outcome either way.
   */
  static boolean precheck(Detector det, byte[] b, int s, int e) {
    switch (det.precheck()) {
      case ASSIGNMENT -> {
        int i = s;
        while (i < e && (isWordByte(b[i]) || b[i] == '.' || b[i] == '-')) {
          i++;
        }
        int keyEnd = i;
        if (i < e && (b[i] == '"' || b[i] == '\'')) {
          i++;
        }
        while (i < e && (b[i] == ' ' || b[i] == '\t')) {
          i++;
        }
        if (i >= e || !(b[i] == '=' || b[i] == ':' || b[i] == '?' || b[i] == '|')) {
          return false;
        }
        // The regex's key group is this identifier (it starts at the keyword and takes the same
        // characters), so judge's key test can run here and spare the regex for `token_url = ...`. The test
        // reads the whole name, from before the keyword too: `algolia_search_api_key` ends in a public key's name.
        if (det.generic() && det.regex().namedGroups().containsKey("key")) {
          int keyStart = s;
          while (keyStart > 0 && s - keyStart < 64 && (isWordByte(b[keyStart - 1]) || b[keyStart - 1] == '.' || b[keyStart - 1] == '-')) {
            keyStart--;
          }
          if (!GenericValues.credentialKey(b, keyStart, keyEnd)) {
            return false;
          }
        }
        while (i < e && (b[i] == '=' || b[i] == ':' || b[i] == '?' || b[i] == '|' || b[i] == '>' || b[i] == ' ' || b[i] == '\t' || b[i] == '@')) {
          i++;
        }
        boolean quoted = i < e && (b[i] == '"' || b[i] == '\'' || b[i] == '`');
        int vs = quoted ? i + 1 : i;
        int ve = vs;
        while (ve < e && b[ve] != '"' && b[ve] != '\'' && b[ve] != '`' && b[ve] != ' ' && b[ve] != '\t' && b[ve] != '\r'
            && b[ve] != '\n' && (quoted || (b[ve] != ';' && b[ve] != ','))) {
          ve++;
        }
        return plausibleValue(det, new String(b, vs, ve - vs, StandardCharsets.UTF_8));
      }
      case URL_CREDENTIALS -> {
        int colon = -1;
        int scheme = -1;
        for (int i = s; i < e; i++) {
          byte c = b[i];
          if (c == '@') {
            return colon > 0 && plausibleValue(det, new String(b, colon + 1, i - colon - 1, StandardCharsets.UTF_8));
          }
          if (c == ' ' || c == '"' || c == '\'' || c == '`' || c == '<' || c == '>' || c == '\t' || c == '\n'
              || c == '\r' && i + 1 < e && b[i + 1] == '\n') {
            return false;
          }
          if (c == '/' && scheme < 0 && i + 1 < e && b[i + 1] == '/') {
            scheme = i + 2;
            colon = -1;
          } else if (c == ':' && scheme > 0 && colon < 0) {
            colon = i;
          }
        }
        return false;
      }
      case CALL_ARGUMENT -> {
        int i = s;
        while (i < e && isWordByte(b[i])) {
          i++;
        }
        while (i < e && (b[i] == ' ' || b[i] == '\t')) {
          i++;
        }
        return i < e && b[i] == '(';
      }
      case XML_ELEMENT -> {
        int i = s;
        while (i < e && isWordByte(b[i])) {
          i++;
        }
        if (i < e && (b[i] == '"' || b[i] == '\'')) {
          i++;
        }
        return i < e && b[i] == '>';
      }
      case QUOTED_PAIR -> {
        // The whole string literal is the key, and it ends in a credential word: "mail.smtp.password" and
        // "X-Auth-Token" are keys of a secret, "SecretKeyFactory" and "tokens" are not.
        int keyStart = s;
        while (keyStart > 0 && s - keyStart < 64 && (isWordByte(b[keyStart - 1]) || b[keyStart - 1] == '.' || b[keyStart - 1] == '-')) {
          keyStart--;
        }
        if (keyStart == 0 || (b[keyStart - 1] != '"' && b[keyStart - 1] != '\'')) {
          return false;
        }
        int i = s;
        while (i < e && (isWordByte(b[i]) || b[i] == '.' || b[i] == '-')) {
          i++;
        }
        if (i >= e || b[i] != b[keyStart - 1] || !endsWithCredentialWord(b, keyStart, i)) {
          return false;
        }
        i++;
        while (i < e && (b[i] == ' ' || b[i] == '\t')) {
          i++;
        }
        if (i >= e || b[i] != ',') {
          return false;
        }
        i++;
        while (i < e && (b[i] == ' ' || b[i] == '\t')) {
          i++;
        }
        return i < e && (b[i] == '"' || b[i] == '\'');
      }
      case JWT -> {
        // The regex's shape: eyJ<segment>.eyJ<segment>.<optional segment>, then neither a segment byte nor '.'.
        if (e - s < 3 || b[s] != 'e' || b[s + 1] != 'y' || b[s + 2] != 'J') {
          return false;
        }
        int i = jwtSegment(b, s + 3, e);
        if (i == s + 3 || e - i < 4 || b[i] != '.' || b[i + 1] != 'e' || b[i + 2] != 'y' || b[i + 3] != 'J') {
          return false;
        }
        int j = jwtSegment(b, i + 4, e);
        if (j == i + 4 || j >= e || b[j] != '.') {
          return false;
        }
        j = jwtSegment(b, j + 1, e);
        return j >= e || b[j] != '.';
      }
      default -> {
        return true;
      }
    }
  }

  private static final byte[][] CREDENTIAL_ENDINGS = java.util.stream.Stream.of("password", "passwd", "pwd", "passphrase",
      "secret", "token", "apikey", "api_key", "api-key", "credential", "credentials")
      .map(w -> w.getBytes(StandardCharsets.US_ASCII)).toArray(byte[][]::new);

  /** Whether {@code b[from, to)} ends, ignoring ASCII case, in a word that names a credential. */
  private static boolean endsWithCredentialWord(byte[] b, int from, int to) {
    for (byte[] w : CREDENTIAL_ENDINGS) {
      if (GenericValues.endsWith(b, from, to, w)) {
        return true;
      }
    }
    return false;
  }

  /** End of the run of base64url bytes ({@code [A-Za-z0-9_-]}) from {@code i}. */
  private static int jwtSegment(byte[] b, int i, int e) {
    while (i < e && (isWordByte(b[i]) || b[i] == '-')) {
      i++;
    }
    return i;
  }

  /** The value-only part of {@link #judge}: what can be decided before the regex runs. */
  private static boolean plausibleValue(Detector det, String v) {
    if (v.length() < det.minLength() || v.length() > det.maxLength()) {
      return false;
    }
    if (Placeholders.reason(v, v, true) != null) {
      return false;
    }
    double minEntropy = Math.min(det.minEntropy(), 0.8 * Math.log(Math.max(2, v.length())) / Math.log(2));
    if (det.minEntropy() > 0 && Entropy.bitsPerChar(v) < minEntropy) {
      return false;
    }
    return !det.generic() || GenericValues.plausible(v);
  }

  /** {@code [A-Za-z0-9_]} by byte value: a table keeps {@link #isWordByte} small enough for C1 to inline. */
  private static final boolean[] WORD_BYTE = new boolean[256];

  static {
    for (int c = 0; c < 128; c++) {
      WORD_BYTE[c] = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    }
  }

  private static boolean isWordByte(byte c) {
    return WORD_BYTE[c & 0xff];
  }

  /** Runs the regex only around runs of exactly {@code runLength} characters of the detector's class. */
  private static void runs(Detector det, boolean whole, byte[] b, int from, int to, Set<Integer> seen, List<Candidate> out) {
    int n = det.runLength();
    for (int s = nextRun(det.runChars(), n, b, from, to); s >= 0; s = nextRun(det.runChars(), n, b, s + n + 1, to)) {
      // The run is the secret (that is what `run` declares), so the value tests can spare the regex for
      // git SHAs and other low-entropy runs; run characters are ASCII.
      if (valuePasses(det, new String(b, s, n, StandardCharsets.ISO_8859_1))) {
        match(det, whole, b, Math.max(from, s - 1), Math.min(to, s + n + 1), seen, out, false);
      }
    }
  }

  /**
   * Start of the first maximal run of exactly {@code n} bytes of {@code cls} in {@code [from, to)} (runs are cut at
   * both ends), or -1; {@code from} must be the window's start or follow a byte outside the class. Such a run covers
   * the byte {@code n - 1} ahead, so when that byte is outside the class the stretch up to it is skipped unread.
   */
  static int nextRun(boolean[] cls, int n, byte[] b, int from, int to) {
    int i = from;
    while (to - i >= n) {
      int p = i + n - 1;
      if (!inRun(cls, b[p])) {
        i = p + 1;
        continue;
      }
      int start = p;
      while (start > i && inRun(cls, b[start - 1])) {
        start--;
      }
      int end = p + 1;
      while (end < to && inRun(cls, b[end])) {
        end++;
      }
      if (end - start == n) {
        return start;
      }
      i = end + 1;
    }
    return -1;
  }

  private static boolean inRun(boolean[] cls, byte c) {
    return c >= 0 && cls[c];
  }

  private static void match(Detector det, boolean whole, byte[] b, int from, int to, Set<Integer> seen, List<Candidate> out) {
    if (det.runLength() > 0) {
      runs(det, whole, b, from, to, seen, out);
    } else {
      match(det, whole, b, from, to, seen, out, false);
    }
  }

  private static void match(Detector det, boolean whole, byte[] b, int from, int to, Set<Integer> seen, List<Candidate> out,
      boolean anchored) {
    from = Utf8.charStart(b, from);
    to = Utf8.charStart(b, to);
    boolean ascii = Utf8.isAscii(b, from, to);
    String text = new String(b, from, to - from, StandardCharsets.UTF_8);
    Matcher m = det.regex().matcher(text);
    int groups = m.groupCount();
    Map<String, Integer> named = det.regex().namedGroups();
    Integer keyGroup = named.get("key");
    int pos = 0;
    while (pos <= text.length() && (anchored ? pos == 0 && m.lookingAt() : m.find(pos))) {
      int g = whole ? 0 : secretGroup(m, named, groups);
      int cs = m.start(g);
      int ce = m.end(g);
      pos = m.end() > m.start() ? m.end() : m.start() + 1;
      if (cs < 0 || ce <= cs) {
        continue;
      }
      int bs = from + (ascii ? cs : Utf8.length(text, 0, cs));
      int be = bs + (ascii ? ce - cs : Utf8.length(text, cs, ce));
      if (seen.add(bs)) {
        Candidate c = new Candidate(det, bs, be, text.substring(cs, ce));
        c.key = keyGroup != null && m.start(keyGroup) >= 0 ? m.group(keyGroup) : null;
        out.add(c);
      }
    }
  }

  /** The regex without one leading and one trailing {@code \\b}. */
  private static String withoutOuterBoundaries(String regex) {
    String r = regex.startsWith("\\b") ? regex.substring(2) : regex;
    return r.endsWith("\\b") && !r.endsWith("\\\\b") ? r.substring(0, r.length() - 2) : r;
  }

  /**
   * The index of the {@code ]} closing the character class that opens at {@code open}, or -1 when the class is not
   * closed. A {@code ]} right after {@code [} or {@code [^} is a member, and POSIX classes ({@code [:alpha:]}) inside
   * it are skipped whole. The regex readers here and {@link GitleaksImport} share it.
   */
  static int classEnd(String r, int open) {
    int i = open + 1;
    if (i < r.length() && r.charAt(i) == '^') {
      i++;
    }
    if (i < r.length() && r.charAt(i) == ']') {
      i++;
    }
    while (i < r.length() && r.charAt(i) != ']') {
      if (r.startsWith("[:", i)) {
        int close = r.indexOf(":]", i + 2);
        if (close < 0) {
          return -1;
        }
        i = close + 2;
      } else {
        i += r.charAt(i) == '\\' ? 2 : 1;
      }
    }
    return i < r.length() ? i : -1;
  }

  /**
   * Whether the regex is {@code (X)} without named groups, optionally between {@code \b}s: then group 1 spans the
   * whole match, which RE2/J reports without re-running the automaton for capture groups.
   */
  static boolean groupOneIsWholeMatch(String regex) {
    String r = withoutOuterBoundaries(regex);
    // A named group inside (secret, bare) would name the secret instead of group 1.
    if (!r.startsWith("(") || r.startsWith("(?") || r.contains("(?P<") || r.contains("(?<")) {
      return false;
    }
    int depth = 0;
    for (int i = 0; i < r.length(); i++) {
      char c = r.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == '[') {
        i = classEnd(r, i);
        if (i < 0) {
          return false;
        }
      } else if (c == '(') {
        depth++;
      } else if (c == ')' && --depth == 0) {
        return i == r.length() - 1;
      }
    }
    return false;
  }

  /**
   * The number of characters every match of {@code regex} spans, or -1 when that varies or the regex uses
   * anything beyond the plain subset read here: outer {@code \\b}s, literals, escaped punctuation, {@code \\d},
   * {@code \\w}, classes, {@code .}, groups whose alternatives all have the same length, and {@code {n}} repeats.
   */
  static int fixedMatchLength(String regex) {
    String r = withoutOuterBoundaries(regex);
    int[] pos = {0};
    int n = sequenceLength(r, pos);
    return pos[0] == r.length() ? n : -1;
  }

  /** Length of the alternation starting at {@code pos[0]}, which is left at the closing ')' or the end. */
  private static int sequenceLength(String r, int[] pos) {
    int alternative = 0;
    int length = -2;
    while (true) {
      if (pos[0] >= r.length() || r.charAt(pos[0]) == ')' || r.charAt(pos[0]) == '|') {
        if (length != -2 && length != alternative) {
          return -1;
        }
        length = alternative;
        if (pos[0] < r.length() && r.charAt(pos[0]) == '|') {
          pos[0]++;
          alternative = 0;
          continue;
        }
        return length;
      }
      int atom = atomLength(r, pos);
      if (atom < 0) {
        return -1;
      }
      if (pos[0] < r.length() && "*+?".indexOf(r.charAt(pos[0])) >= 0) {
        return -1;
      }
      if (pos[0] < r.length() && r.charAt(pos[0]) == '{') {
        int close = r.indexOf('}', pos[0]);
        String count = close < 0 ? "" : r.substring(pos[0] + 1, close);
        if (!count.matches("[0-9]{1,4}")) {
          return -1;
        }
        atom *= Integer.parseInt(count);
        pos[0] = close + 1;
        if (pos[0] < r.length() && "?+".indexOf(r.charAt(pos[0])) >= 0) {
          return -1;
        }
      }
      alternative += atom;
    }
  }

  private static int atomLength(String r, int[] pos) {
    char c = r.charAt(pos[0]);
    switch (c) {
      case '\\' -> {
        if (pos[0] + 1 >= r.length()) {
          return -1;
        }
        char e = r.charAt(pos[0] + 1);
        pos[0] += 2;
        return e == 'd' || e == 'w' || (!Character.isLetterOrDigit(e) && e < 128) ? 1 : -1;
      }
      case '[' -> {
        int end = classEnd(r, pos[0]);
        if (end < 0) {
          return -1;
        }
        pos[0] = end + 1;
        return 1;
      }
      case '(' -> {
        if (r.startsWith("(?:", pos[0])) {
          pos[0] += 3;
        } else if (r.startsWith("(?", pos[0])) {
          return -1; // flags and named groups
        } else {
          pos[0]++;
        }
        int n = sequenceLength(r, pos);
        if (n < 0 || pos[0] >= r.length()) {
          return -1;
        }
        pos[0]++;
        return n;
      }
      case ')', '|', '*', '+', '?', '{', '^', '$' -> {
        return -1;
      }
      default -> {
        pos[0]++;
        return 1;
      }
    }
  }

  /** The group named {@code secret} (or its alternative {@code bare}), else the first numbered group that took part. */
  private static int secretGroup(Matcher m, Map<String, Integer> named, int groups) {
    for (String name : new String[] {"secret", "bare"}) {
      Integer g = named.get(name);
      if (g != null && m.start(g) >= 0) {
        return g;
      }
    }
    Set<Integer> skip = new HashSet<>(named.values());
    for (int g = 1; g <= groups; g++) {
      if (!skip.contains(g) && m.start(g) >= 0) {
        return g;
      }
    }
    return named.getOrDefault("secret", 1);
  }

  private boolean judge(Candidate c, byte[] b, Lines lines, String pathReason) {
    Detector det = c.detector;
    String secret = c.secret;
    if (!valuePasses(det, secret)) {
      return false;
    }
    // Allow-list regexes after the cheap tests: each is an RE2/J call.
    for (Regex allow : det.allow()) {
      if (allow.pattern().matcher(secret).find()) {
        return false;
      }
    }
    if (det.generic() && (!GenericValues.plausible(secret) || c.key != null && !GenericValues.credentialKey(c.key))) {
      return false;
    }
    if (det.validator() != null) {
      Validators.Result r = Validators.check(det.validator(), secret);
      if (!r.keep()) {
        return false;
      }
      c.checksum = r.checksum();
      if (r.severity() != null) {
        c.severity = r.severity();
      }
      if (r.note() != null) {
        c.notes.add(r.note());
      }
      if (Boolean.TRUE.equals(r.checksum())) {
        c.confidence = Confidence.HIGH;
      } else if (Boolean.FALSE.equals(r.checksum())) {
        c.confidence = Confidence.LOW;
      }
    }
    if (det.context() != null) {
      int s = lines.startOfLineAbove(c.start, det.contextLines());
      int e = lines.endOfLineBelow(c.start, det.contextLines());
      // The context must come from around the secret, not from inside it ("aws" in random base64).
      byte[] window = Arrays.copyOfRange(b, s, Math.max(s, Math.min(e, s + 64 * 1024)));
      for (int i = Math.max(c.start, s); i < Math.min(c.end, s + window.length); i++) {
        window[i - s] = ' ';
      }
      String around = new String(window, StandardCharsets.UTF_8);
      if (!det.context().matcher(around).find()) {
        return false;
      }
    }
    String lineReason = PathHints.lineReason(lineText(b, lines, c.start));
    for (String reason : new String[] {pathReason, lineReason}) {
      if (reason != null) {
        c.notes.add(reason);
        c.confidence = lower(c.confidence);
      }
    }
    return true;
  }

  /** The tests of {@link #judge} that need only the secret itself: length, placeholders, entropy. */
  private static boolean valuePasses(Detector det, String secret) {
    if (secret.length() < det.minLength() || secret.length() > det.maxLength()) {
      return false;
    }
    boolean pem = "pem-body".equals(det.validator());
    String body = pem ? SecretText.pemPayload(secret) : body(secret, det.generic());
    if (!pem && Placeholders.reason(secret, body, det.generic() || det.strictPlaceholders()) != null
        && !checksumVouches(det, secret)) {
      return false;
    }
    // Short random strings cannot reach a long one's entropy: cap the bar at 80% of the maximum for the length.
    double minEntropy = Math.min(det.minEntropy(), 0.8 * Math.log(Math.max(2, body.length())) / Math.log(2));
    return det.minEntropy() <= 0 || Entropy.bitsPerChar(body) >= minEntropy;
  }

  /**
   * A valid checksum outweighs a placeholder word: one random 30-character body in 30,000 spells "fake" or
   * "todo", and a documentation stand-in does not carry its own CRC.
   */
  private static boolean checksumVouches(Detector det, String secret) {
    return "crc32-base62".equals(det.validator()) && Boolean.TRUE.equals(Validators.check(det.validator(), secret).checksum());
  }

  /** The variable part of a provider token: what follows a short fixed prefix ending in _, - or . */
  private static String body(String secret, boolean generic) {
    if (generic) {
      return secret;
    }
    int cut = 0;
    for (int i = 0; i < Math.min(16, secret.length() - 8); i++) {
      char ch = secret.charAt(i);
      if (ch == '_' || ch == '-' || ch == '.') {
        cut = i + 1;
        break;
      }
    }
    return secret.substring(cut);
  }

  private static Confidence lower(Confidence c) {
    return c == Confidence.HIGH ? Confidence.MEDIUM : Confidence.LOW;
  }

  /** Provider detectors win over generic ones on the same text, then longer matches over shorter. */
  private static List<Candidate> resolveOverlaps(List<Candidate> in) {
    List<Candidate> sorted = new ArrayList<>(in);
    sorted.sort(Comparator.comparingInt((Candidate c) -> -c.detector.priority())
        .thenComparingInt(c -> -(c.end - c.start))
        .thenComparingInt(c -> c.start));
    List<Candidate> kept = new ArrayList<>();
    for (Candidate c : sorted) {
      boolean overlaps = false;
      for (Candidate k : kept) {
        if (c.start < k.end && k.start < c.end) {
          overlaps = true;
          break;
        }
      }
      if (!overlaps) {
        kept.add(c);
      }
    }
    kept.sort(Comparator.comparingInt(c -> c.start));
    return kept;
  }

  private static String lineText(byte[] b, Lines lines, int offset) {
    int s = lines.startOfLineAt(offset, MAX_LINE_REACH);
    int e = lines.endOfLineAt(offset, MAX_LINE_REACH);
    if (s > 0 && b[s - 1] != '\n' || e < b.length && b[e] != '\n' && b[e] != '\r') {
      // Cut at MAX_LINE_REACH: the line is long, which is itself the signal.
      return " ".repeat(1001);
    }
    return new String(b, Utf8.charStart(b, s), Utf8.charStart(b, e) - Utf8.charStart(b, s), StandardCharsets.UTF_8);
  }

  private static int column(byte[] b, Lines lines, int offset) {
    int s = lines.startOfLineAbove(offset, 0);
    if (offset - s > 100_000) {
      return offset - s + 1;
    }
    return new String(b, s, offset - s, StandardCharsets.UTF_8).length() + 1;
  }

  /** The secret's line, cut to a short region around it, with every kept secret in it redacted. */
  private static String snippet(byte[] b, Lines lines, Candidate c, List<Candidate> kept) {
    int ls = lines.startOfLineAbove(c.start, 0);
    int le = lines.endOfLineBelow(c.start, 0);
    int from = Utf8.charStart(b, Math.max(ls, c.start - SNIPPET_REACH));
    int to = Utf8.charStart(b, Math.min(le, Math.min(c.end, le) + SNIPPET_REACH));
    StringBuilder sb = new StringBuilder();
    if (from > ls) {
      sb.append('…');
    }
    int pos = from;
    for (Candidate k : kept) {
      if (k.end <= from || k.start >= to) {
        continue;
      }
      int ks = Math.max(k.start, from);
      if (ks > pos) {
        sb.append(new String(b, pos, ks - pos, StandardCharsets.UTF_8));
      }
      sb.append(k.redacted());
      pos = Math.max(pos, Math.min(k.end, to));
    }
    if (to > pos) {
      sb.append(new String(b, pos, to - pos, StandardCharsets.UTF_8));
    }
    if (to < le) {
      sb.append('…');
    }
    String s = sb.toString().replace('\r', ' ').replace('\t', ' ');
    // Belt and braces: a secret that still shows (overlapping matches) hides the whole line.
    for (Candidate k : kept) {
      if (k.secret.length() >= 6 && s.contains(k.secret)) {
        return c.redacted();
      }
    }
    return s.strip();
  }
}
