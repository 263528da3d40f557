package dev.shipgate.scanner.java.frontend;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.ImportTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.SourcePositions;
import dev.shipgate.core.model.Location;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/** One parsed file: its tree, imports and positions. */
public final class JavaUnit {

  private final String path;
  private final CompilationUnitTree tree;
  private final SourcePositions positions;
  private final String packageName;
  private final Map<String, String> singleImports = new LinkedHashMap<>();
  private final List<String> wildcardImports = new ArrayList<>();
  private final Map<String, String> staticImports = new LinkedHashMap<>();
  private final List<String> staticWildcardImports = new ArrayList<>();
  private final List<String> importNames = new ArrayList<>();
  private final Map<String, Boolean> importPrefixes = new java.util.concurrent.ConcurrentHashMap<>();
  final List<TypeInfo> types = new ArrayList<>();

  JavaUnit(String path, CompilationUnitTree tree, SourcePositions positions) {
    this.path = path;
    this.tree = tree;
    this.positions = positions;
    ExpressionTree pkg = tree.getPackageName();
    this.packageName = pkg == null ? "" : pkg.toString();
    for (ImportTree imp : tree.getImports()) {
      String name = imp.getQualifiedIdentifier().toString();
      importNames.add((imp.isStatic() ? "static " : "") + name);
      int dot = name.lastIndexOf('.');
      if (dot < 0) {
        continue;
      }
      String owner = name.substring(0, dot);
      String last = name.substring(dot + 1);
      if (imp.isStatic()) {
        if (last.equals("*")) {
          staticWildcardImports.add(owner);
        } else {
          staticImports.put(last, owner);
        }
      } else if (last.equals("*")) {
        wildcardImports.add(owner);
      } else {
        singleImports.put(last, name);
      }
    }
  }

  /** Repository-relative path. */
  public String path() {
    return path;
  }

  public CompilationUnitTree tree() {
    return tree;
  }

  /** Package name, "" for the default package. */
  public String packageName() {
    return packageName;
  }

  /**
   * Whether an import as written ({@link #imports}) starts with {@code prefix}, such as {@code "io.jsonwebtoken."}:
   * checks ask this for every method they analyse, so the answer is kept per prefix.
   */
  public boolean importsFrom(String prefix) {
    return importPrefixes.computeIfAbsent(prefix, p -> {
      for (String i : importNames) {
        if (i.startsWith(p)) {
          return true;
        }
      }
      return false;
    });
  }

  /** Imports as written, static ones prefixed with {@code "static "}. */
  public List<String> imports() {
    return Collections.unmodifiableList(importNames);
  }

  /** Simple name to qualified name for single-type imports. */
  public Map<String, String> singleImports() {
    return singleImports;
  }

  /** Packages (or types) imported with {@code .*}. */
  public List<String> wildcardImports() {
    return wildcardImports;
  }

  /** Statically imported member name to its declaring type. */
  public Map<String, String> staticImports() {
    return staticImports;
  }

  public List<String> staticWildcardImports() {
    return staticWildcardImports;
  }

  /** Every type declared in this file, nested and anonymous ones included, in source order. */
  public List<TypeInfo> types() {
    return List.copyOf(types);
  }

  /** 1-based line where {@code t} starts, 0 when unknown. */
  public int line(Tree t) {
    return lineAt(positions.getStartPosition(tree, t));
  }

  /** 1-based line where {@code t} ends; for a call this is the line of its closing parenthesis. */
  public int endLine(Tree t) {
    return lineAt(positions.getEndPosition(tree, t) - 1);
  }

  public long startPosition(Tree t) {
    return positions.getStartPosition(tree, t);
  }

  public long endPosition(Tree t) {
    return positions.getEndPosition(tree, t);
  }

  public int lineAt(long pos) {
    return pos < 0 ? 0 : (int) tree.getLineMap().getLineNumber(pos);
  }

  public int columnAt(long pos) {
    return pos < 0 ? 0 : (int) tree.getLineMap().getColumnNumber(pos);
  }

  public Location location(Tree t) {
    long start = positions.getStartPosition(tree, t);
    if (start < 0) {
      return Location.file(path);
    }
    long end = positions.getEndPosition(tree, t);
    int line = lineAt(start);
    int endLine = end > start ? lineAt(end - 1) : line;
    int endCol = end > start ? columnAt(end) : 0;
    return new Location(path, line, columnAt(start), endLine, endLine == line && endCol <= columnAt(start) ? 0 : endCol);
  }

  @Override
  public String toString() {
    return path;
  }
}
