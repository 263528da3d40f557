package dev.shipgate.scanner.java;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipgate.core.model.Finding;
import dev.shipgate.core.scan.SourceFile;
import dev.shipgate.scanner.java.AccuracyCorpus.Case;
import dev.shipgate.scanner.java.AccuracyCorpus.Category;
import dev.shipgate.scanner.java.AccuracyCorpus.Corpus;
import dev.shipgate.testing.RecordingContext;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Scores the scanner on the generated {@link AccuracyCorpus} the way labelled SAST benchmarks do: a case
 * counts as reported when any finding in its file carries the class's CWE; per class, score = TPR - FPR.
 * The floors are the scores reached when they were last raised, so a regression fails the build.
 */
class AccuracyTest {

  static final long SEED = 20240601L;

  /** Per-class floors (percent, TPR - FPR); raise them when the scanner improves. */
  private static final Map<Category, Double> FLOORS = new EnumMap<>(Map.ofEntries(
      Map.entry(Category.CMDI, 100.0),
      Map.entry(Category.CRYPTO, 100.0),
      Map.entry(Category.HASH, 100.0),
      Map.entry(Category.LDAPI, 100.0),
      Map.entry(Category.PATHTRAVER, 100.0),
      Map.entry(Category.SECURECOOKIE, 100.0),
      Map.entry(Category.SQLI, 100.0),
      Map.entry(Category.TRUSTBOUND, 100.0),
      Map.entry(Category.WEAKRAND, 100.0),
      Map.entry(Category.XPATHI, 100.0),
      Map.entry(Category.XSS, 100.0)));

  record Score(int tp, int fn, int fp, int tn) {
    double tpr() {
      return tp + fn == 0 ? 0 : 100.0 * tp / (tp + fn);
    }

    double fpr() {
      return fp + tn == 0 ? 0 : 100.0 * fp / (fp + tn);
    }

    double score() {
      return tpr() - fpr();
    }
  }

  @Test
  void everyClassScoresAtLeastItsFloor() throws IOException {
    Corpus corpus = AccuracyCorpus.generate(SEED);
    RecordingContext ctx = ScanSupport.scan(corpus.files().toArray(SourceFile[]::new));
    assertThat(ctx.errors()).as("the corpus parses").isEmpty();

    Set<String> reported = new HashSet<>();
    for (Finding f : ctx.findings()) {
      for (String cwe : f.rule().cwe()) {
        reported.add(f.location().path() + "|" + cwe);
      }
    }
    Map<Category, int[]> counts = new EnumMap<>(Category.class);
    List<String> misses = new ArrayList<>();
    for (Case c : corpus.cases()) {
      boolean hit = reported.contains(c.path() + "|" + c.category().cwe);
      int[] n = counts.computeIfAbsent(c.category(), k -> new int[4]);
      n[c.vulnerable() ? (hit ? 0 : 1) : (hit ? 2 : 3)]++;
      if (hit != c.vulnerable()) {
        misses.add((hit ? "FP " : "FN ") + c.category() + " " + c.describe());
      }
    }

    StringBuilder table = new StringBuilder(String.format(Locale.ROOT, "%-22s %-8s %5s %5s %5s %5s %7s %7s %7s%n",
        "class", "CWE", "TP", "FN", "FP", "TN", "TPR", "FPR", "score"));
    Map<Category, Score> scores = new EnumMap<>(Category.class);
    double sum = 0;
    for (Map.Entry<Category, int[]> e : counts.entrySet()) {
      int[] n = e.getValue();
      Score s = new Score(n[0], n[1], n[2], n[3]);
      scores.put(e.getKey(), s);
      sum += s.score();
      table.append(String.format(Locale.ROOT, "%-22s %-8s %5d %5d %5d %5d %6.1f%% %6.1f%% %6.1f%%%n", e.getKey().title,
          e.getKey().cwe, s.tp, s.fn, s.fp, s.tn, s.tpr(), s.fpr(), s.score()));
    }
    table.append(String.format(Locale.ROOT, "%-22s %56.1f%%%n", "average", sum / counts.size()));
    System.out.println(table);
    misses.forEach(System.out::println);

    assertThat(scores).hasSize(Category.values().length);
    scores.forEach((c, s) -> assertThat(s.score()).as("%s score (TPR - FPR)", c.title).isGreaterThanOrEqualTo(FLOORS.get(c)));
  }
}
