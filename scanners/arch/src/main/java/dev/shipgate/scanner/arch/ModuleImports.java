package dev.shipgate.scanner.arch;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Module imports of Python and JavaScript/TypeScript files, read at the import level: keywords are matched on
 * text whose comments and strings are masked ({@link SourceText}), module names come from the real literals.
 */
final class ModuleImports {

  /** One imported module and the offset of the statement or call that imports it. */
  record Import(String module, int offset) {}

  private static final Pattern PY_IMPORT = Pattern.compile("(?m)^[ \\t]*import[ \\t]+([^\\n;]+)");
  private static final Pattern PY_FROM = Pattern.compile("(?m)^[ \\t]*from[ \\t]+([A-Za-z_][\\w.]*)[ \\t]+import[ \\t]*(\\([^)]*\\)|[^\\n;]*)");
  private static final Pattern PY_DYNAMIC = Pattern.compile("(?<![\\w.])(?:__import__|importlib\\.import_module|import_module)\\s*\\(\\s*(?=['\"])");
  private static final Pattern DOTTED = Pattern.compile("[A-Za-z_][\\w.]*");
  private static final Pattern JS_SOURCE = Pattern.compile("(?<![\\w.$])(?:from|import)\\s*(?=['\"])");
  private static final Pattern JS_CALL = Pattern.compile("(?<![\\w.$])(?:require|import)\\s*\\(\\s*(?=['\"`])");

  private ModuleImports() {}

  static boolean isPython(String path) {
    return path.endsWith(".py") || path.endsWith(".pyi");
  }

  static boolean isJavaScript(String path) {
    for (String ext : new String[] {".js", ".mjs", ".cjs", ".jsx", ".ts", ".mts", ".cts", ".tsx"}) {
      if (path.endsWith(ext)) {
        return !path.endsWith(".d.ts");
      }
    }
    return false;
  }

  /** {@code import a.b, c as d}, {@code from a.b import c, d} (also as a.b.c, a.b.d), and import by string. */
  static List<Import> python(SourceText src) {
    String m = src.masked();
    List<Import> out = new ArrayList<>();
    Matcher im = PY_IMPORT.matcher(m);
    while (im.find()) {
      for (String part : im.group(1).split(",")) {
        Matcher name = DOTTED.matcher(part.trim());
        if (name.lookingAt()) {
          out.add(new Import(name.group(), im.start()));
        }
      }
    }
    Matcher from = PY_FROM.matcher(m);
    while (from.find()) {
      String module = from.group(1);
      out.add(new Import(module, from.start()));
      for (String part : from.group(2).replace("(", "").replace(")", "").split(",")) {
        Matcher name = DOTTED.matcher(part.trim());
        if (name.lookingAt() && !name.group().equals("*")) {
          out.add(new Import(module + "." + name.group(), from.start()));
        }
      }
    }
    Matcher dyn = PY_DYNAMIC.matcher(m);
    while (dyn.find()) {
      SourceText.Literal lit = src.literalAt(dyn.end());
      if (lit != null) {
        out.add(new Import(lit.value(), dyn.start()));
      }
    }
    return out;
  }

  /** {@code import ... from 'm'}, {@code export ... from 'm'}, {@code import 'm'}, {@code require('m')}, {@code import('m')}. */
  static List<Import> javascript(SourceText src) {
    String m = src.masked();
    List<Import> out = new ArrayList<>();
    for (Pattern p : new Pattern[] {JS_SOURCE, JS_CALL}) {
      Matcher mm = p.matcher(m);
      while (mm.find()) {
        SourceText.Literal lit = src.literalAt(mm.end());
        if (lit != null) {
          String name = lit.value().startsWith("node:") ? lit.value().substring(5) : lit.value();
          out.add(new Import(name, mm.start()));
        }
      }
    }
    return out;
  }

  /** Whether {@code module} is {@code pattern} or inside it ({@code requests.adapters}, {@code axios/lib/core}). */
  static boolean matches(String pattern, String module, boolean python) {
    char sep = python ? '.' : '/';
    return module.equals(pattern) || (module.startsWith(pattern) && module.charAt(pattern.length()) == sep);
  }
}
