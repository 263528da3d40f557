package dev.shipgate.scanner.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipgate.core.model.Finding;
import dev.shipgate.core.model.Rule;
import dev.shipgate.core.policy.PolicyException;
import dev.shipgate.core.policy.Settings;
import dev.shipgate.core.scan.SourceFile;
import dev.shipgate.testing.Expectations;
import dev.shipgate.testing.RecordingContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;

/**
 * Multi-file fixtures: a directory is one application. Every accepted file under it is scanned together,
 * with the {@code scanners.api} settings from its {@code api-policy.yml}; the reported (file, line, rule)
 * triples must equal the {@code expect:} marks of all files, and no {@code ok:} line may be reported.
 */
final class AppFixtures {

  static final ApiScanner SCANNER = new ApiScanner();

  private AppFixtures() {}

  static Path resource(String name) {
    try {
      return Path.of(AppFixtures.class.getResource("/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Application directories below {@code parent}: each direct subdirectory. */
  static List<Path> apps(String parent) throws IOException {
    try (Stream<Path> s = Files.list(resource(parent))) {
      return s.filter(Files::isDirectory).sorted().toList();
    }
  }

  static List<SourceFile> files(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile).map(p -> rel(dir, p)).filter(SCANNER::accepts).sorted()
          .map(r -> SourceFile.of(r, read(dir.resolve(r)))).toList();
    }
  }

  static Settings settings(Path dir) throws IOException, PolicyException {
    Path policy = dir.resolve("api-policy.yml");
    if (!Files.isRegularFile(policy)) {
      return Settings.empty("<test>");
    }
    LoadSettings ls = LoadSettings.builder().setLabel("api-policy.yml").build();
    Node node = new Composer(ls, new ParserImpl(ls, new StreamReader(ls, Files.readString(policy)))).getSingleNode().orElseThrow();
    return Settings.of("api-policy.yml", node, "scanners.api");
  }

  static RecordingContext scan(Path dir) throws IOException, PolicyException {
    RecordingContext ctx = new RecordingContext(dir, settings(dir));
    SCANNER.scan(new ArrayList<>(files(dir)), ctx);
    return ctx;
  }

  /** Scans the application and checks every mark in every file. */
  static void check(Path dir) throws IOException, PolicyException {
    Set<String> known = SCANNER.rules().stream().map(Rule::id).collect(Collectors.toSet());
    Set<String> expected = new TreeSet<>();
    Set<String> forbidden = new TreeSet<>();
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.filter(Files::isRegularFile).toList()) {
        for (Expectations.Mark m : Expectations.parse(Files.readString(p))) {
          assertThat(known).as("%s:%d names an unknown rule", rel(dir, p), m.line()).contains(m.ruleId());
          (m.expected() ? expected : forbidden).add(key(rel(dir, p), m.line(), m.ruleId()));
        }
      }
    }
    RecordingContext ctx = scan(dir);
    assertThat(ctx.errors()).as("%s: scan errors", dir.getFileName()).isEmpty();
    Set<String> actual = new TreeSet<>();
    for (Finding f : ctx.findings()) {
      actual.add(key(f.location().path(), f.location().startLine(), f.ruleId()));
    }
    Set<String> okViolated = new TreeSet<>(forbidden);
    okViolated.retainAll(actual);
    Set<String> missing = new TreeSet<>(expected);
    missing.removeAll(actual);
    Set<String> unexpected = new TreeSet<>(actual);
    unexpected.removeAll(expected);
    String messages = ctx.findings().stream().map(f -> f.location() + " " + f.ruleId() + ": " + f.message())
        .collect(Collectors.joining("\n"));
    assertThat(okViolated).as("%s: lines marked ok: but reported\n%s", dir.getFileName(), messages).isEmpty();
    assertThat(missing).as("%s: expected but not reported\n%s", dir.getFileName(), messages).isEmpty();
    assertThat(unexpected).as("%s: reported but not expected\n%s", dir.getFileName(), messages).isEmpty();
  }

  private static String key(String path, int line, String rule) {
    return path + ":" + String.format("%05d", line) + ":" + rule;
  }

  static String rel(Path dir, Path p) {
    return dir.relativize(p).toString().replace('\\', '/');
  }

  private static byte[] read(Path p) {
    try {
      return Files.readAllBytes(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
