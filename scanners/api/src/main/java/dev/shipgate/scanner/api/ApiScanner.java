package dev.shipgate.scanner.api;

import dev.shipgate.core.model.Rule;
import dev.shipgate.core.policy.PolicyException;
import dev.shipgate.core.policy.Settings;
import dev.shipgate.core.scan.ProjectScanner;
import dev.shipgate.core.scan.ScanContext;
import dev.shipgate.core.scan.SourceFile;
import dev.shipgate.scanner.api.openapi.OpenApiDocument;
import dev.shipgate.scanner.api.rules.ApiRule;
import dev.shipgate.scanner.java.frontend.JavaProject;
import dev.shipgate.scanner.java.frontend.LibraryTypes;
import dev.shipgate.scanner.java.frontend.ParseProblem;
import dev.shipgate.scanner.java.frontend.ParsedSources;
import dev.shipgate.scanner.java.taint.Models;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Family {@code api}: the HTTP routes of the tree, whether each demands authentication, object loads
 * that ignore the caller, and drift against the OpenAPI document. Reads the Java parse shared with the
 * {@code java} family.
 */
public final class ApiScanner implements ProjectScanner {

  public static final String FAMILY = ApiRule.FAMILY;
  /** Route extraction and security evaluation recurse over trees; deep nesting needs a big stack. */
  private static final long STACK_BYTES = 256L << 20;

  /** The java family's library models, read when the first Java file is: a tree without Java never needs them. */
  private final Supplier<LibraryTypes> library;
  private final List<ApiRule> checks = ApiRule.all();

  public ApiScanner() {
    this.library = Models::loadDefault;
  }

  ApiScanner(LibraryTypes library) {
    this.library = () -> library;
  }

  @Override
  public String family() {
    return FAMILY;
  }

  @Override
  public String version() {
    return "0.1.0";
  }

  @Override
  public List<Rule> rules() {
    return checks.stream().map(ApiRule::rule).toList();
  }

  @Override
  public boolean accepts(String path) {
    return ParsedSources.isJavaSource(path) || OpenApiDocument.conventional(path) || Inventory.isSupportingFile(path);
  }

  @Override
  public Set<String> settingKeys() {
    return ApiPolicy.KEYS;
  }

  @Override
  public void validate(Settings section) throws PolicyException {
    ApiPolicy.from(section);
  }

  @Override
  public void scan(List<SourceFile> files, ScanContext context) throws IOException {
    ApiPolicy policy;
    try {
      policy = ApiPolicy.from(context.settings());
    } catch (PolicyException e) {
      throw new IOException(e.getMessage(), e);
    }
    List<SourceFile> java = new ArrayList<>();
    List<SourceFile> others = new ArrayList<>();
    Map<String, SourceFile> openapi = new LinkedHashMap<>();
    for (SourceFile f : files) {
      if (ParsedSources.isJavaSource(f.path())) {
        java.add(f);
      } else if (OpenApiDocument.conventional(f.path()) && !policy.openapi().contains(f.path())) {
        if (policy.openapi().isEmpty()) {
          openapi.put(f.path(), f);
        }
      } else if (Inventory.isSupportingFile(f.path())) {
        others.add(f);
      }
    }
    for (String named : policy.openapi()) {
      SourceFile f = files.stream().filter(x -> x.path().equals(named)).findFirst().orElse(null);
      openapi.put(named, f != null ? f : fromDisk(context.root(), named, context));
    }
    Inventory inventory = onLargeStack(() -> build(java, others, openapi, policy, context));
    for (ApiRule r : checks) {
      r.check(inventory, context::report);
    }
  }

  private Inventory build(List<SourceFile> java, List<SourceFile> others, Map<String, SourceFile> openapi, ApiPolicy policy,
      ScanContext context) {
    ParsedSources parsed = ParsedSources.shared(java, java.isEmpty() ? LibraryTypes.NONE : library.get(), context);
    JavaProject project = parsed.project();
    for (ParseProblem p : parsed.parse().problems()) {
      context.error(p.path(), p.line(), "routes not read: " + p.message());
    }
    List<OpenApiDocument> docs = new ArrayList<>();
    for (Map.Entry<String, SourceFile> e : openapi.entrySet()) {
      if (e.getValue() == null) {
        continue; // reported by fromDisk
      }
      OpenApiDocument d = OpenApiDocument.parse(e.getKey(), e.getValue().text());
      boolean unreadable = d.operations().isEmpty() && !d.problems().isEmpty();
      if (unreadable && !policy.openapi().contains(e.getKey()) && d.problems().get(0).message().startsWith("not an OpenAPI document")) {
        context.skipped(e.getKey(), "named like an OpenAPI document but is not one");
        continue;
      }
      for (OpenApiDocument.Problem p : d.problems()) {
        context.error(p.file(), p.line(), p.message());
      }
      docs.add(d);
    }
    return Inventory.build(project, others, docs, policy);
  }

  private static SourceFile fromDisk(Path root, String relative, ScanContext context) {
    Path p = root.resolve(relative).normalize();
    if (!p.startsWith(root.normalize()) || !Files.isRegularFile(p)) {
      context.error(relative, 0, "scanners.api.openapi names '" + relative + "', which is not a file below the scanned directory");
      return null;
    }
    try {
      if (Files.size(p) > OpenApiDocument.MAX_BYTES) {
        context.error(relative, 0, "OpenAPI document larger than " + (OpenApiDocument.MAX_BYTES >> 20) + " MB: not read");
        return null;
      }
      return SourceFile.of(relative, Files.readAllBytes(p));
    } catch (IOException e) {
      context.error(relative, 0, "cannot read the OpenAPI document: " + e.getMessage());
      return null;
    }
  }

  /** Runs {@code work} on a thread with a large stack, rethrowing what it throws. */
  static <T> T onLargeStack(java.util.function.Supplier<T> work) {
    AtomicReference<T> out = new AtomicReference<>();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Thread t = new Thread(null, () -> {
      try {
        out.set(work.get());
      } catch (Throwable e) {
        failure.set(e);
      }
    }, "shipgate-api-analysis", STACK_BYTES);
    t.start();
    try {
      t.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
    if (failure.get() instanceof RuntimeException re) {
      throw re;
    }
    if (failure.get() instanceof Error err) {
      throw err;
    }
    return out.get();
  }
}
