package dev.shipgate.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipgate.core.model.Finding;
import dev.shipgate.core.model.Rule;
import dev.shipgate.core.scan.Scanner;
import dev.shipgate.core.scan.SourceFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Runs a scanner over every fixture below a directory and asserts that the reported (line, rule) pairs
 * equal the {@code expect:} marks exactly, and that no {@code ok:} line is reported. Fixture paths are
 * given to the scanner relative to the directory, so {@link Scanner#accepts} sees realistic names.
 */
public final class FixtureRunner {

  private final Scanner scanner;

  public FixtureRunner(Scanner scanner) {
    this.scanner = scanner;
  }

  /** Every regular file below {@code dir} that the scanner accepts, sorted. */
  public List<Path> fixtures(Path dir) {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile)
          .filter(p -> !p.getFileName().toString().endsWith(SIDECAR))
          .filter(p -> scanner.accepts(relative(dir, p)))
          .sorted()
          .collect(Collectors.toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Checks one fixture; the assertion message lists missing and unexpected findings with their lines. */
  public void check(Path dir, Path fixture) throws IOException {
    String rel = relative(dir, fixture);
    List<Expectations.Mark> marks = marks(fixture);
    Set<String> known = scanner.rules().stream().map(Rule::id).collect(Collectors.toSet());
    for (Expectations.Mark m : marks) {
      assertThat(known).as("%s:%d names a rule the scanner does not have", rel, m.line()).contains(m.ruleId());
    }
    RecordingContext ctx = new RecordingContext(dir, dev.shipgate.core.policy.Settings.empty("<test>"));
    List<Finding> findings = run(List.of(SourceFile.of(rel, Files.readAllBytes(fixture))), ctx);
    assertThat(ctx.errors()).as("%s: scanner errors", rel).isEmpty();

    Set<String> expected = new TreeSet<>();
    Set<String> forbidden = new TreeSet<>();
    for (Expectations.Mark m : marks) {
      (m.expected() ? expected : forbidden).add(key(m.line(), m.ruleId()));
    }
    Set<String> actual = new TreeSet<>();
    for (Finding f : findings) {
      assertThat(f.location().path()).as("finding path").isEqualTo(rel);
      actual.add(key(f.location().startLine(), f.ruleId()));
    }
    Set<String> missing = new TreeSet<>(expected);
    missing.removeAll(actual);
    Set<String> unexpected = new TreeSet<>(actual);
    unexpected.removeAll(expected);
    Set<String> okViolated = new TreeSet<>(forbidden);
    okViolated.retainAll(actual);
    assertThat(okViolated).as("%s: lines marked ok: but reported", rel).isEmpty();
    assertThat(missing).as("%s: expected but not reported (line:rule)", rel).isEmpty();
    assertThat(unexpected).as("%s: reported but not expected (line:rule)", rel).isEmpty();
  }

  /**
   * Checks the fixes of one before/after pair: scanning {@code before} and applying every fix (of
   * {@code ruleId} only, when given) must give exactly the text of {@code after}; scanning the result must
   * no longer report the fixed findings' rules on the patched file more often than what was left unfixed,
   * and must report no rule that {@code before} did not. Returns the findings whose fixes were applied.
   */
  public List<Finding> checkFix(Path before, Path after, String ruleId) throws IOException {
    String name = before.getFileName().toString().replace(".before", "");
    String text = Files.readString(before);
    List<Finding> found = run(List.of(SourceFile.of(name, text)), new RecordingContext());
    List<Finding> fixable = found.stream()
        .filter(f -> f.fix() != null && (ruleId == null || f.ruleId().equals(ruleId)))
        .collect(Collectors.toList());
    assertThat(fixable).as("%s: no fixable finding", before).isNotEmpty();
    dev.shipgate.core.fix.FixApplier.Plan plan = dev.shipgate.core.fix.FixApplier.apply(fixable, p -> p.equals(name) ? text : null);
    assertThat(plan.conflicts()).as("%s: conflicting fixes", before).isEmpty();
    String patched = plan.patched().getOrDefault(name, text);
    assertThat(patched).as("%s: patched text", before).isEqualTo(Files.readString(after));
    RecordingContext again = new RecordingContext();
    List<Finding> rescanned = run(List.of(SourceFile.of(name, patched)), again);
    assertThat(again.errors()).as("%s: the patched file must still parse", after).isEmpty();
    Map<String, Long> beforeCounts = found.stream().collect(Collectors.groupingBy(Finding::ruleId, Collectors.counting()));
    Map<String, Long> afterCounts = rescanned.stream().collect(Collectors.groupingBy(Finding::ruleId, Collectors.counting()));
    Map<String, Long> fixedCounts = plan.applied().stream().collect(Collectors.groupingBy(Finding::ruleId, Collectors.counting()));
    for (Map.Entry<String, Long> e : afterCounts.entrySet()) {
      long allowed = beforeCounts.getOrDefault(e.getKey(), 0L) - fixedCounts.getOrDefault(e.getKey(), 0L);
      assertThat(e.getValue()).as("%s: %s after the fix (before %s, fixed %s)", after, e.getKey(),
          beforeCounts.get(e.getKey()), fixedCounts.get(e.getKey())).isLessThanOrEqualTo(allowed);
    }
    return plan.applied();
  }

  /** Rules that no fixture below {@code dir} marks with {@code expect:}. */
  public Set<String> rulesWithoutFixtures(Path dir) throws IOException {
    Set<String> covered = new TreeSet<>();
    for (Path p : fixtures(dir)) {
      for (Expectations.Mark m : marks(p)) {
        if (m.expected()) {
          covered.add(m.ruleId());
        }
      }
    }
    Set<String> missing = new TreeSet<>();
    for (Rule r : scanner.rules()) {
      if (!covered.contains(r.id())) {
        missing.add(r.id());
      }
    }
    return missing;
  }

  /**
   * A binary fixture (a key store, an image) cannot carry comments: its marks live in a text file beside it, named
   * like it plus {@code .expect}, one {@code LINE expect|ok: RULE-ID[, RULE-ID]} per line.
   */
  static final String SIDECAR = ".expect";

  private static List<Expectations.Mark> marks(Path fixture) throws IOException {
    Path sidecar = fixture.resolveSibling(fixture.getFileName() + SIDECAR);
    return Files.exists(sidecar) ? Expectations.parseSidecar(Files.readString(sidecar)) : Expectations.parse(Files.readString(fixture));
  }

  /** Runs the scanner on in-memory files, whichever kind it is. */
  public List<Finding> run(List<SourceFile> files, RecordingContext ctx) throws IOException {
    return ctx.run(scanner, files);
  }

  private static String key(int line, String rule) {
    return String.format("%05d:%s", line, rule);
  }

  private static String relative(Path dir, Path p) {
    return dir.relativize(p).toString().replace('\\', '/');
  }
}
