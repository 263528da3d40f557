package dev.shipgate.scanner.java.frontend;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.SourcePositions;
import com.sun.source.util.Trees;
import dev.shipgate.core.scan.SourceFile;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticListener;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;

/**
 * Parses Java sources with the JDK's own parser ({@code com.sun.source}, module {@code jdk.compiler}).
 * Only {@link JavacTask#parse()} runs: no attribution, no annotation processors, no class generation, so
 * nothing from the scanned tree is loaded or executed and code that does not compile is still read. Types
 * are then resolved by name in {@link JavaProject}.
 */
public final class JavaFrontEnd {

  /** Files per javac task: one task keeps its trees alive, so chunks bound the per-task state. */
  private static final int CHUNK = 128;
  /** javac's parser and our tree walks recurse; deep nesting needs a larger stack than the default. */
  private static final long STACK_BYTES = 256L << 20;

  private JavaFrontEnd() {}

  /** The outcome of parsing: units of the files that parsed, sorted by path, and problems of those that did not. */
  public record ParseResult(List<JavaUnit> units, List<ParseProblem> problems) {}

  public static ParseResult parse(List<SourceFile> files, int threads) {
    List<SourceFile> sorted = new ArrayList<>(files);
    sorted.sort(Comparator.comparing(SourceFile::path));
    List<List<SourceFile>> chunks = new ArrayList<>();
    for (int i = 0; i < sorted.size(); i += CHUNK) {
      chunks.add(sorted.subList(i, Math.min(sorted.size(), i + CHUNK)));
    }
    List<JavaUnit> units = new ArrayList<>();
    List<ParseProblem> problems = new ArrayList<>();
    int workers = Math.max(1, Math.min(threads, chunks.size()));
    List<List<Object>> results = new ArrayList<>();
    for (int i = 0; i < chunks.size(); i++) {
      results.add(null);
    }
    AtomicReference<Throwable> failure = new AtomicReference<>();
    List<Thread> pool = new ArrayList<>();
    for (int w = 0; w < workers; w++) {
      final int worker = w;
      Thread t = new Thread(null, () -> {
        try {
          for (int c = worker; c < chunks.size(); c += workers) {
            results.set(c, parseSafely(chunks.get(c)));
          }
        } catch (Throwable e) {
          failure.compareAndSet(null, e);
        }
      }, "shipgate-java-parse-" + w, STACK_BYTES);
      pool.add(t);
      t.start();
    }
    for (Thread t : pool) {
      try {
        t.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while parsing", e);
      }
    }
    if (failure.get() != null) {
      throw new IllegalStateException("java front end failed: " + failure.get(), failure.get());
    }
    for (List<Object> r : results) {
      for (Object o : r) {
        if (o instanceof JavaUnit u) {
          units.add(u);
        } else {
          problems.add((ParseProblem) o);
        }
      }
    }
    return new ParseResult(List.copyOf(units), List.copyOf(problems));
  }

  /** A pathological file (nesting deeper than the stack) must not take its chunk down with it. */
  private static List<Object> parseSafely(List<SourceFile> chunk) {
    try {
      return parseChunk(chunk);
    } catch (StackOverflowError e) {
      List<Object> out = new ArrayList<>();
      for (SourceFile f : chunk) {
        try {
          out.addAll(parseChunk(List.of(f)));
        } catch (StackOverflowError again) {
          out.add(new ParseProblem(f.path(), 0, "Java source nested too deeply to parse"));
        }
      }
      return out;
    }
  }

  /** Parses one chunk in one javac task; returns units and problems in input order. */
  private static List<Object> parseChunk(List<SourceFile> chunk) {
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    if (compiler == null) {
      throw new IllegalStateException("the Java scanner needs a JDK (module jdk.compiler), not a JRE");
    }
    Map<URI, SourceFile> byUri = new HashMap<>();
    List<JavaFileObject> objects = new ArrayList<>();
    for (int i = 0; i < chunk.size(); i++) {
      SourceFile f = chunk.get(i);
      // Synthetic URIs keep javac away from the file system and make the diagnostics easy to map back.
      URI uri = URI.create("mem:///f" + i + "/" + f.name().replaceAll("[^A-Za-z0-9_.$-]", "_"));
      byUri.put(uri, f);
      String text = f.text();
      objects.add(new SimpleJavaFileObject(uri, JavaFileObject.Kind.SOURCE) {
        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
          return text;
        }
      });
    }
    Map<SourceFile, ParseProblem> firstError = new HashMap<>();
    DiagnosticListener<JavaFileObject> listener = d -> {
      if (d.getKind() == Diagnostic.Kind.ERROR && d.getSource() != null) {
        SourceFile f = byUri.get(d.getSource().toUri());
        if (f != null && !firstError.containsKey(f)) {
          int line = d.getLineNumber() == Diagnostic.NOPOS ? 0 : (int) d.getLineNumber();
          String message = d.getMessage(Locale.ROOT);
          int nl = message.indexOf('\n');
          firstError.put(f, new ParseProblem(f.path(), line, "Java syntax error: " + (nl < 0 ? message : message.substring(0, nl))));
        }
      }
    };
    JavacTask task = (JavacTask) compiler.getTask(null, null, listener,
        List.of("-proc:none", "-implicit:none", "-Xlint:none", "-nowarn"), null, objects);
    Iterable<? extends CompilationUnitTree> trees;
    try {
      trees = task.parse();
    } catch (java.io.IOException e) {
      throw new IllegalStateException("javac could not read in-memory sources", e);
    }
    SourcePositions positions = Trees.instance(task).getSourcePositions();
    Map<SourceFile, CompilationUnitTree> byFile = new HashMap<>();
    for (CompilationUnitTree cu : trees) {
      SourceFile f = byUri.get(cu.getSourceFile().toUri());
      if (f != null) {
        byFile.put(f, cu);
      }
    }
    List<Object> out = new ArrayList<>();
    for (SourceFile f : chunk) {
      ParseProblem problem = firstError.get(f);
      CompilationUnitTree cu = byFile.get(f);
      if (problem != null) {
        out.add(problem);
      } else if (cu == null) {
        out.add(new ParseProblem(f.path(), 0, "Java parser returned no tree"));
      } else {
        out.add(new JavaUnit(f.path(), cu, positions));
      }
    }
    return out;
  }
}
