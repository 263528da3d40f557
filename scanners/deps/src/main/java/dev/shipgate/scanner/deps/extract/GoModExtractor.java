package dev.shipgate.scanner.deps.extract;

import dev.shipgate.core.scan.SourceFile;
import dev.shipgate.scanner.deps.Ecosystem;
import dev.shipgate.scanner.deps.Package;
import dev.shipgate.scanner.deps.Package.Source;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code go.mod}: every {@code require} (since Go 1.17 the file lists the whole build list; {@code // indirect}
 * marks transitive modules), with {@code replace} directives applied: a replacement by a local path is a
 * file source, one by another module version is matched as that module. Hashes come from the sibling
 * {@code go.sum}.
 */
public final class GoModExtractor implements Extractor {

  @Override
  public String name() {
    return "go/gomod";
  }

  @Override
  public int version() {
    return 1;
  }

  @Override
  public boolean accepts(String path) {
    return Extractor.fileName(path).equals("go.mod") && !path.contains("vendor/");
  }

  private record Require(String module, String version, boolean indirect, int line) {}

  private record Replacement(String module, String version, boolean local) {}

  @Override
  public List<Package> extract(SourceFile file, ExtractContext context) throws ExtractException {
    String[] lines = Extractor.text(file).split("\r?\n", -1);
    List<Require> requires = new ArrayList<>();
    Map<String, Replacement> replaces = new LinkedHashMap<>();
    String block = null;
    for (int i = 0; i < lines.length; i++) {
      int lineNo = i + 1;
      String raw = lines[i];
      int comment = raw.indexOf("//");
      String commentText = comment >= 0 ? raw.substring(comment + 2).strip() : "";
      String line = (comment >= 0 ? raw.substring(0, comment) : raw).strip();
      if (line.isEmpty()) {
        continue;
      }
      if (block != null) {
        if (line.equals(")")) {
          block = null;
          continue;
        }
        directive(block, line, commentText, lineNo, requires, replaces);
        continue;
      }
      String[] parts = line.split("\\s+", 2);
      String verb = parts[0];
      if (parts.length == 2 && parts[1].equals("(")) {
        block = verb;
        continue;
      }
      if (parts.length == 2) {
        directive(verb, parts[1], commentText, lineNo, requires, replaces);
      } else if (!verb.equals(")")) {
        throw new ExtractException(lineNo, "directive '" + verb + "' without arguments");
      }
    }
    if (block != null) {
      throw new ExtractException(lines.length, "'" + block + " (' block is not closed");
    }
    Map<String, String> sums = goSum(file.path(), context);
    List<Package> out = new ArrayList<>();
    for (Require r : requires) {
      Replacement rep = replaces.getOrDefault(r.module + "@" + r.version, replaces.get(r.module));
      Package.Builder b;
      if (rep == null) {
        b = Package.builder(Ecosystem.GO, r.module, file.path()).locked(r.version);
      } else if (rep.local) {
        b = Package.builder(Ecosystem.GO, r.module, file.path()).locked(r.version).source(Source.FILE).resolved(rep.module);
      } else {
        b = Package.builder(Ecosystem.GO, rep.module, file.path()).locked(rep.version);
      }
      String module = rep == null || rep.local ? r.module : rep.module;
      String version = rep == null || rep.local ? r.version : rep.version;
      out.add(b.direct(!r.indirect).line(r.line).integrity(rep != null && rep.local ? "" : sums.getOrDefault(module + " " + version, "")).build());
    }
    return out;
  }

  /**
   * Hashes from the sibling {@code go.sum}: the module zip's {@code h1:} hash, else the hash of its go.mod
   * (all that pruned module graphs record for modules whose packages are not built).
   */
  private static Map<String, String> goSum(String gomod, ExtractContext context) {
    Map<String, String> sums = new LinkedHashMap<>();
    java.util.Optional<SourceFile> f = context.find(Extractor.directory(gomod) + "go.sum");
    if (f.isEmpty()) {
      return sums;
    }
    for (String line : Extractor.text(f.get()).split("\r?\n")) {
      String[] p = line.strip().split("\\s+");
      if (p.length != 3) {
        continue;
      }
      if (p[1].endsWith("/go.mod")) {
        sums.putIfAbsent(p[0] + " " + p[1].substring(0, p[1].length() - "/go.mod".length()), p[2]);
      } else {
        sums.put(p[0] + " " + p[1], p[2]);
      }
    }
    return sums;
  }

  private static void directive(String verb, String args, String comment, int line, List<Require> requires, Map<String, Replacement> replaces)
      throws ExtractException {
    switch (verb) {
      case "require" -> {
        String[] p = args.split("\\s+");
        if (p.length != 2) {
          throw new ExtractException(line, "require needs a module path and a version: " + args);
        }
        requires.add(new Require(unquote(p[0]), p[1], comment.startsWith("indirect"), line));
      }
      case "replace" -> {
        int arrow = args.indexOf("=>");
        if (arrow < 0) {
          throw new ExtractException(line, "replace without '=>': " + args);
        }
        String[] left = args.substring(0, arrow).strip().split("\\s+");
        String[] right = args.substring(arrow + 2).strip().split("\\s+");
        String key = left.length == 2 ? unquote(left[0]) + "@" + left[1] : unquote(left[0]);
        String target = unquote(right[0]);
        boolean local = target.startsWith("./") || target.startsWith("../") || target.startsWith("/");
        replaces.put(key, new Replacement(target, right.length > 1 ? right[1] : "", local));
      }
      default -> {}
    }
  }

  private static String unquote(String s) {
    return s.length() >= 2 && (s.startsWith("\"") || s.startsWith("`")) ? s.substring(1, s.length() - 1) : s;
  }
}
