package dev.shipgate.scanner.deps.version;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipgate.scanner.deps.osv.OsvEntry;
import dev.shipgate.scanner.deps.osv.RangeMatcher;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Our comparators against golden files written by each ecosystem's reference implementation (generators and how
 * to run them: {@code src/test/resources/oracle/}, README "Version semantics"). {@code <name>-pairs.tsv}: two
 * versions and the sign of their comparison; {@code <name>-valid.tsv}: whether the reference accepts a version;
 * {@code <name>-ranges.tsv}: an OSV range (introduced, fixed or last_affected) and whether a version is inside.
 */
class ReferenceOraclesTest {

  private static final Path ORACLE = Path.of("src/test/resources/oracle");

  private static VersionScheme scheme(String name) {
    return switch (name) {
      case "rubygems" -> VersionSchemes.RUBYGEMS;
      case "composer" -> VersionSchemes.COMPOSER;
      case "pep440" -> VersionSchemes.PYPI;
      case "semver" -> VersionSchemes.NPM;
      case "go" -> VersionSchemes.GO;
      case "cargo" -> VersionSchemes.CARGO;
      case "nuget" -> VersionSchemes.NUGET;
      default -> throw new IllegalArgumentException(name);
    };
  }

  private static List<String[]> rows(String file, int minimum) throws IOException {
    List<String[]> out = new ArrayList<>();
    for (String line : Files.readAllLines(ORACLE.resolve(file), StandardCharsets.UTF_8)) {
      out.add(line.split("\t", -1));
    }
    assertThat(out).as(file).hasSizeGreaterThanOrEqualTo(minimum);
    return out;
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"rubygems", "composer", "pep440", "semver", "go", "cargo", "nuget"})
  void ordersPairsAsTheReferenceImplementation(String name) throws IOException {
    VersionScheme s = scheme(name);
    List<String> wrong = new ArrayList<>();
    for (String[] r : rows(name + "-pairs.tsv", 5000)) {
      int expected = Integer.parseInt(r[2]);
      if (Integer.signum(s.compare(r[0], r[1])) != expected || Integer.signum(s.compare(r[1], r[0])) != -expected) {
        wrong.add(r[0] + " vs " + r[1] + ": reference " + expected + ", ours " + s.compare(r[0], r[1]));
      }
      if ((expected == 0) != s.canonical(r[0]).equals(s.canonical(r[1]))) {
        wrong.add(r[0] + " vs " + r[1] + ": canonical forms " + s.canonical(r[0]) + " / " + s.canonical(r[1]));
      }
    }
    assertThat(wrong).as(name).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"rubygems", "composer", "semver", "go", "cargo", "pep440", "nuget"})
  void acceptsTheVersionsTheReferenceAccepts(String name) throws IOException {
    VersionScheme s = scheme(name);
    List<String> wrong = new ArrayList<>();
    for (String[] r : rows(name + "-valid.tsv", 300)) {
      if (s.isValid(r[0]) != r[1].equals("1")) {
        wrong.add("'" + r[0] + "': reference " + (r[1].equals("1") ? "valid" : "invalid"));
      }
    }
    assertThat(wrong).as(name).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"rubygems", "composer"})
  void decidesOsvRangesAsTheReferenceRequirements(String name) throws IOException {
    RangeMatcher matcher = new RangeMatcher(scheme(name));
    List<String> wrong = new ArrayList<>();
    for (String[] r : rows(name + "-ranges.tsv", 1000)) {
      OsvEntry entry = new OsvEntry("ORACLE", List.of(), "", "", -1, "",
          List.of(new OsvEntry.Range("ECOSYSTEM", List.of(new OsvEntry.Event("introduced", r[0]), new OsvEntry.Event(r[1], r[2])))),
          List.of(), "");
      boolean expected = r[4].equals("1");
      if (matcher.affects(entry, r[3]) != expected) {
        wrong.add(r[3] + " in [" + r[0] + ", " + r[1] + " " + r[2] + "]: reference " + expected);
      }
    }
    assertThat(wrong).as(name).isEmpty();
  }
}
