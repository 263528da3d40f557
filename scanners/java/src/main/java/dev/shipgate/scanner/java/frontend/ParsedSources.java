package dev.shipgate.scanner.java.frontend;

import dev.shipgate.core.scan.ScanContext;
import dev.shipgate.core.scan.SourceFile;
import java.util.List;

/**
 * The parsed Java sources of one scan and the project model over them. The java, arch and api families all
 * need it, so it is computed once per scan through {@link ScanContext#shared}: every family must pass the
 * same file set (all {@code .java} files except {@code module-info.java}).
 */
public record ParsedSources(JavaFrontEnd.ParseResult parse, JavaProject project) {

  /** Parses {@code javaFiles} in parallel and builds the project model. */
  public static ParsedSources parse(List<SourceFile> javaFiles, LibraryTypes library) {
    JavaFrontEnd.ParseResult parsed = JavaFrontEnd.parse(javaFiles, Runtime.getRuntime().availableProcessors());
    return new ParsedSources(parsed, JavaProject.build(parsed.units(), library));
  }

  /** The scan's shared parse, computed by the first family that asks. */
  public static ParsedSources shared(List<SourceFile> javaFiles, LibraryTypes library, ScanContext context) {
    return context.shared(ParsedSources.class, () -> parse(javaFiles, library));
  }

  /** Whether a path is one of the sources this parse covers. */
  public static boolean isJavaSource(String path) {
    return path.endsWith(".java") && !path.endsWith("/module-info.java") && !path.equals("module-info.java");
  }
}
