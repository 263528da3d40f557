package dev.shipgate.bench.java;

import com.sun.source.util.JavacTask;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;

/**
 * Compares Java front ends on one thread over the same files: javac parse only, javac parse plus
 * attribution, and JavaParser (loaded by name when {@code javaparser-core} is on the class path, since the
 * bench module does not depend on it). Used to choose the scanner's front end; see bench/java/RESULTS.md.
 */
public final class FrontEndComparison {

  private FrontEndComparison() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 2) {
      System.err.println("usage: FrontEndComparison DIR javac-parse|javac-analyze|javaparser [ROUNDS=4]");
      System.exit(2);
    }
    List<Path> files;
    try (Stream<Path> s = Files.walk(Path.of(args[0]))) {
      files = s.filter(p -> p.toString().endsWith(".java")).sorted().collect(Collectors.toList());
    }
    List<String> sources = new ArrayList<>();
    long lines = 0;
    for (Path p : files) {
      String t = Files.readString(p);
      sources.add(t);
      lines += t.lines().count();
    }
    String mode = args[1];
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 4;
    for (int round = 1; round <= rounds; round++) {
      long t0 = System.nanoTime();
      if (mode.equals("javaparser")) {
        Class<?> parserClass = Class.forName("com.github.javaparser.JavaParser");
        Method parse = parserClass.getMethod("parse", String.class);
        for (String s : sources) {
          parse.invoke(parserClass.getDeclaredConstructor().newInstance(), s);
        }
      } else {
        javac(files, sources, mode.equals("javac-analyze"));
      }
      long ms = Math.max(1, (System.nanoTime() - t0) / 1_000_000);
      System.out.printf("%s round %d: %d lines in %d ms = %,d lines/s%n", mode, round, lines, ms, lines * 1000 / ms);
    }
  }

  private static void javac(List<Path> files, List<String> sources, boolean analyze) throws Exception {
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    int chunk = 128;
    for (int i = 0; i < sources.size(); i += chunk) {
      List<JavaFileObject> objects = new ArrayList<>();
      for (int j = i; j < Math.min(sources.size(), i + chunk); j++) {
        String src = sources.get(j);
        objects.add(new SimpleJavaFileObject(files.get(j).toUri(), JavaFileObject.Kind.SOURCE) {
          @Override
          public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return src;
          }
        });
      }
      JavacTask task = (JavacTask) compiler.getTask(null, null, new DiagnosticCollector<>(),
          List.of("-proc:none", "-implicit:none"), null, objects);
      if (analyze) {
        task.analyze();
      } else {
        task.parse();
      }
    }
  }
}
