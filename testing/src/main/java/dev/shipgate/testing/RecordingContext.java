package dev.shipgate.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipgate.core.gate.Coverage;
import dev.shipgate.core.model.Finding;
import dev.shipgate.core.policy.Settings;
import dev.shipgate.core.scan.FileScanner;
import dev.shipgate.core.scan.ProjectScanner;
import dev.shipgate.core.scan.ScanContext;
import dev.shipgate.core.scan.Scanner;
import dev.shipgate.core.scan.SourceFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A {@link ScanContext} for tests that keeps everything a scanner reports. */
public final class RecordingContext implements ScanContext {

  private final Path root;
  private final Settings settings;
  private final Map<String, String> options = new HashMap<>();
  private final List<Finding> findings = Collections.synchronizedList(new ArrayList<>());
  private final List<Coverage.Skipped> skipped = Collections.synchronizedList(new ArrayList<>());
  private final Map<String, String> notes = new java.util.concurrent.ConcurrentHashMap<>();
  private final Map<Class<?>, Object> shared = new java.util.concurrent.ConcurrentHashMap<>();
  private final List<Coverage.ScanError> errors = Collections.synchronizedList(new ArrayList<>());

  public RecordingContext(Path root, Settings settings) {
    this.root = root;
    this.settings = settings;
  }

  public RecordingContext() {
    this(Path.of("."), Settings.empty("<test>"));
  }

  /** What {@code scanner} reports on one in-memory file, in a fresh context with empty settings. */
  public static RecordingContext scan(Scanner scanner, String path, byte[] content) throws IOException {
    RecordingContext ctx = new RecordingContext();
    ctx.run(scanner, List.of(SourceFile.of(path, content)));
    return ctx;
  }

  /** {@link #scan(Scanner, String, byte[])} of the text's UTF-8 bytes. */
  public static RecordingContext scan(Scanner scanner, String path, String content) throws IOException {
    return scan(scanner, path, content.getBytes(StandardCharsets.UTF_8));
  }

  /** The one error recorded; fails unless there is exactly one. */
  public static Coverage.ScanError onlyError(RecordingContext ctx) {
    assertThat(ctx.errors()).hasSize(1);
    return ctx.errors().get(0);
  }

  /** The start lines of {@code rule}'s findings, in the order they were reported. */
  public static List<Integer> lines(RecordingContext ctx, String rule) {
    return ctx.findings().stream().filter(f -> f.ruleId().equals(rule)).map(f -> f.location().startLine()).toList();
  }

  /** Runs a scanner of either kind over in-memory files into this context; returns every finding so far. */
  public List<Finding> run(Scanner scanner, List<SourceFile> files) throws IOException {
    if (scanner instanceof FileScanner fs) {
      for (SourceFile f : files) {
        fs.scan(f, this);
      }
    } else if (scanner instanceof ProjectScanner ps) {
      ps.scan(new ArrayList<>(files), this);
    } else {
      throw new IllegalArgumentException(scanner.family() + " is neither a FileScanner nor a ProjectScanner");
    }
    return findings();
  }

  public RecordingContext option(String name, String value) {
    options.put(name, value);
    return this;
  }

  @Override
  public Path root() {
    return root;
  }

  @Override
  public Settings settings() {
    return settings;
  }

  @Override
  public Optional<String> option(String name) {
    return Optional.ofNullable(options.get(name));
  }

  @Override
  public boolean cancelled() {
    return false;
  }

  @Override
  public void report(Finding finding) {
    findings.add(finding);
  }

  @Override
  public <T> T shared(Class<T> key, java.util.function.Supplier<T> compute) {
    return key.cast(shared.computeIfAbsent(key, k -> compute.get()));
  }

  @Override
  public void note(String key, String value) {
    notes.put(key, value);
  }

  /** The notes the scanner stated, by key. */
  public Map<String, String> notes() {
    return Map.copyOf(notes);
  }

  @Override
  public void skipped(String path, String reason) {
    skipped.add(new Coverage.Skipped(path, reason));
  }

  @Override
  public void error(String path, int line, String message) {
    errors.add(new Coverage.ScanError(path, line, message));
  }

  public List<Finding> findings() {
    return List.copyOf(findings);
  }

  public List<Coverage.Skipped> skippedFiles() {
    return List.copyOf(skipped);
  }

  public List<Coverage.ScanError> errors() {
    return List.copyOf(errors);
  }
}
