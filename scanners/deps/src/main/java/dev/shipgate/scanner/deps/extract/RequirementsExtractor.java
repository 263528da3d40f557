package dev.shipgate.scanner.deps.extract;

import dev.shipgate.core.scan.SourceFile;
import dev.shipgate.scanner.deps.Ecosystem;
import dev.shipgate.scanner.deps.Package;
import dev.shipgate.scanner.deps.Package.Pin;
import dev.shipgate.scanner.deps.Package.Scope;
import dev.shipgate.scanner.deps.Package.Source;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * pip requirements files ({@code requirements*.txt}, {@code *requirements.txt}, {@code requirements/*.txt}).
 * Only {@code ==X} (without a wildcard) and {@code ===X} count as pinned; every other specifier is reported as
 * a range, never guessed. {@code -r} includes are followed; pip-compile's {@code # via} comments tell
 * transitive lines from direct ones.
 */
public final class RequirementsExtractor implements Extractor {

  private static final Pattern NAME = Pattern.compile("^([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)\\s*(\\[[^\\]]*\\])?\\s*(.*)$", Pattern.DOTALL);
  private static final Pattern EGG = Pattern.compile("[#&]egg=([A-Za-z0-9._-]+)");
  private static final Pattern HASH = Pattern.compile("--hash[=\\s]\\s*(\\S+)");
  private static final Pattern SPECIFIER = Pattern.compile("\\s*(===|==|~=|!=|<=|>=|<|>)\\s*([^,;\\s]+)\\s*");
  private static final int MAX_INCLUDE_DEPTH = 16;
  private static final Pattern INLINE_VIA = Pattern.compile("\\s#\\s*via\\s+(.+)$");

  @Override
  public String name() {
    return "pypi/requirements";
  }

  @Override
  public int version() {
    return 1;
  }

  @Override
  public boolean accepts(String path) {
    String n = Extractor.fileName(path).toLowerCase(Locale.ROOT);
    if (!n.endsWith(".txt")) {
      return false;
    }
    return n.startsWith("requirements") || n.endsWith("requirements.txt")
        || path.toLowerCase(Locale.ROOT).contains("requirements/");
  }

  @Override
  public List<Package> extract(SourceFile file, ExtractContext context) throws ExtractException {
    List<Package> out = new ArrayList<>();
    Set<String> visited = new HashSet<>();
    read(file, context, out, visited, 0);
    return out;
  }

  private void read(SourceFile file, ExtractContext context, List<Package> out, Set<String> visited, int depth) throws ExtractException {
    if (!visited.add(file.path())) {
      return; // include cycles are legal for pip: each file is read once
    }
    Scope scope = scopeOf(file.path());
    String[] lines = Extractor.text(file).split("\r?\n", -1);
    List<Package> mine = new ArrayList<>();
    List<Integer> mineIndex = new ArrayList<>();
    for (int i = 0; i < lines.length; i++) {
      int first = i + 1;
      StringBuilder logical = new StringBuilder();
      String line = lines[i];
      // A trailing backslash continues the requirement on the next line (hashes usually are).
      while (stripComment(line).endsWith("\\") && i + 1 < lines.length) {
        String s = stripComment(line);
        logical.append(s, 0, s.length() - 1).append(' ');
        line = lines[++i];
      }
      logical.append(stripComment(line));
      String req = logical.toString().strip();
      if (req.isEmpty()) {
        if (lines[i].strip().startsWith("# via") && !mine.isEmpty()) {
          markVia(lines, i, mine, mineIndex);
        }
        continue;
      }
      if (req.startsWith("-")) {
        Matcher include = Pattern.compile("^(?:-r|--requirement|-c|--constraint)(?:\\s+|=)(\\S+)").matcher(req);
        if (include.find()) {
          boolean constraint = req.startsWith("-c") || req.startsWith("--constraint");
          include(file, context, include.group(1), first, constraint, out, visited, depth);
          continue;
        }
        Matcher editable = Pattern.compile("^(?:-e|--editable)(?:\\s+|=)(\\S+)").matcher(req);
        if (editable.find()) {
          Package p = urlRequirement(file.path(), first, null, editable.group(1), scope, "");
          if (p != null) {
            mine.add(p);
            mineIndex.add(i);
          }
        }
        continue; // index options, --pre, --no-binary: not packages
      }
      List<String> hashes = new ArrayList<>();
      Matcher h = HASH.matcher(req);
      while (h.find()) {
        hashes.add(h.group(1));
      }
      String spec = HASH.matcher(req).replaceAll("").strip();
      int option = spec.indexOf(" --");
      if (option > 0) {
        spec = spec.substring(0, option).strip(); // per-requirement options (--config-settings, --global-option)
      }
      if ((spec.startsWith(".") || spec.startsWith("/")) && urlRequirement(file.path(), first, null, spec, scope, "") == null) {
        continue; // "." or a directory without a usable name: the project being installed, not a dependency
      }
      Package p = requirement(file.path(), first, spec, scope, String.join(" ", hashes));
      if (p == null) {
        throw new ExtractException(first, "not a requirement: " + YarnLockExtractor.abbreviate(spec));
      }
      Matcher via = INLINE_VIA.matcher(lines[i]);
      if (via.find() && !via.group(1).strip().startsWith("-r") && !via.group(1).contains("-r ") && !via.group(1).strip().startsWith("-c")) {
        // pip-compile --annotation-style=line: "# via other-package" marks a transitive requirement.
        p = p.asTransitive();
      }
      mine.add(p);
      mineIndex.add(i);
    }
    // pip's hash-checking mode covers every requirement once one has a hash; the scanner judges the rest.
    out.addAll(mine);
  }

  private void include(SourceFile file, ExtractContext context, String target, int line, boolean constraint, List<Package> out,
      Set<String> visited, int depth) throws ExtractException {
    if (constraint) {
      return; // constraints restrict versions of packages required elsewhere; they add none
    }
    if (target.contains("://")) {
      context.note(file.path(), line, "include " + target + " is a URL and was not fetched");
      return;
    }
    String path = ExtractContext.resolve(Extractor.directory(file.path()), target);
    Optional<SourceFile> other = path == null ? Optional.empty() : context.find(path);
    if (other.isEmpty()) {
      context.note(file.path(), line, "included file " + target + " not found in the repository; its requirements are not checked");
      return;
    }
    if (depth >= MAX_INCLUDE_DEPTH) {
      throw new ExtractException(line, "includes nested deeper than " + MAX_INCLUDE_DEPTH);
    }
    try {
      read(other.get(), context, out, visited, depth + 1);
    } catch (ExtractException e) {
      context.note(other.get().path(), e.line(), e.getMessage());
    }
  }

  /** pip-compile writes "# via -r requirements.in" under direct requirements and "# via other" under transitive ones. */
  private static void markVia(String[] lines, int i, List<Package> mine, List<Integer> mineIndex) {
    StringBuilder via = new StringBuilder(lines[i].strip().substring(5));
    for (int j = i + 1; j < lines.length && lines[j].strip().startsWith("#   "); j++) {
      via.append(' ').append(lines[j].strip().substring(1));
    }
    String v = via.toString().strip();
    if (v.startsWith("-r") || v.contains(" -r ") || v.startsWith("-c")) {
      return;
    }
    int last = mine.size() - 1;
    Package p = mine.get(last);
    mine.set(last, p.asTransitive());
  }

  static String stripComment(String line) {
    // A comment starts at '#' preceded by whitespace or at the start; '#' in a URL fragment is not one.
    for (int i = 0; i < line.length(); i++) {
      if (line.charAt(i) == '#' && (i == 0 || Character.isWhitespace(line.charAt(i - 1)))) {
        return line.substring(0, i).stripTrailing();
      }
    }
    return line.stripTrailing();
  }

  private static Package requirement(String path, int line, String spec, Scope scope, String hashes) {
    if (spec.contains("://") || spec.startsWith("git+") || spec.startsWith(".") || spec.startsWith("/")) {
      int at = spec.indexOf(" @ ");
      if (at > 0) {
        return urlRequirement(path, line, spec.substring(0, at).strip(), spec.substring(at + 3).strip(), scope, hashes);
      }
      if (!NAME.matcher(spec).matches() || spec.contains("://") || spec.startsWith(".") || spec.startsWith("/")) {
        Package p = urlRequirement(path, line, null, spec, scope, hashes);
        if (p != null) {
          return p;
        }
      }
    }
    int semi = spec.indexOf(';');
    String body = semi >= 0 ? spec.substring(0, semi).strip() : spec;
    Matcher m = NAME.matcher(body);
    if (!m.matches()) {
      return null;
    }
    String name = normalise(m.group(1));
    String rest = m.group(3).strip();
    if (rest.startsWith("@")) {
      return urlRequirement(path, line, m.group(1), rest.substring(1).strip(), scope, hashes);
    }
    if (rest.startsWith("(") && rest.endsWith(")")) {
      rest = rest.substring(1, rest.length() - 1).strip();
    }
    Package.Builder b = Package.builder(Ecosystem.PYPI, name, path).direct(true).scope(scope).line(line).integrity(hashes);
    if (rest.isEmpty()) {
      return b.version("", Pin.NONE).build();
    }
    List<String[]> specs = new ArrayList<>();
    for (String part : rest.split(",")) {
      Matcher s = SPECIFIER.matcher(part);
      if (!s.matches()) {
        return null;
      }
      specs.add(new String[] {s.group(1), s.group(2)});
    }
    if (specs.size() == 1 && (specs.get(0)[0].equals("==") || specs.get(0)[0].equals("===")) && !specs.get(0)[1].contains("*")) {
      return b.version(specs.get(0)[1], Pin.PINNED).build();
    }
    return b.version(rest.replaceAll("\\s+", ""), Pin.RANGE).build();
  }

  private static Package urlRequirement(String path, int line, String name, String urlAndMarker, Scope scope, String hashes) {
    String url = urlAndMarker.split("\\s*;\\s", 2)[0].strip(); // "name @ url ; python_version < '3.8'"
    if (name == null) {
      Matcher egg = EGG.matcher(url);
      name = egg.find() ? egg.group(1) : lastSegment(url);
    }
    if (name == null || name.isEmpty()) {
      return null;
    }
    String lower = url.toLowerCase(Locale.ROOT);
    Source source = lower.startsWith("git+") || lower.startsWith("git://") ? Source.GIT
        : lower.startsWith("file:") || lower.startsWith(".") || lower.startsWith("/") ? Source.FILE : Source.URL;
    Package.Builder b = Package.builder(Ecosystem.PYPI, normalise(name), path).direct(true).scope(scope).line(line).source(source).resolved(url)
        .integrity(hashes);
    String version = source == Source.GIT ? "" : fileVersion(url, normalise(name));
    return (version.isEmpty() ? b : b.version(version, Pin.PINNED)).build();
  }

  /**
   * The version a wheel or sdist file name states ({@code uvloop-0.19.0-cp311-cp311-linux_x86_64.whl},
   * {@code pkg-1.2.tar.gz}): one artifact, so as exact as {@code ==}; empty for any other URL.
   */
  private static String fileVersion(String url, String name) {
    String u = url.replaceAll("[#?].*$", "");
    String seg = u.substring(u.lastIndexOf('/') + 1);
    String[] wheel = seg.endsWith(".whl") ? seg.substring(0, seg.length() - 4).split("-") : new String[0];
    if (wheel.length >= 5 && normalise(wheel[0]).equals(name)) {
      return wheel[1];
    }
    Matcher sdist = Pattern.compile("^(.+)-(\\d[^-]*?)\\.(?:tar\\.gz|tar\\.bz2|tar\\.xz|tgz|zip)$").matcher(seg);
    return sdist.matches() && normalise(sdist.group(1)).equals(name) ? sdist.group(2) : "";
  }

  private static String lastSegment(String url) {
    String u = url.replaceAll("[#?].*$", "").replaceAll("/+$", "");
    String seg = u.substring(u.lastIndexOf('/') + 1);
    if (seg.isEmpty() || seg.equals(".") || seg.equals("..") || seg.contains("${")) {
      return null;
    }
    if (seg.endsWith(".git")) {
      seg = seg.substring(0, seg.length() - 4);
    }
    // A wheel or sdist file name starts with the distribution name.
    Matcher m = Pattern.compile("^([A-Za-z0-9][A-Za-z0-9._]*?)-\\d").matcher(seg);
    return m.find() ? m.group(1) : seg;
  }

  /** PEP 503 normalised name: lower case, runs of {@code -_.} as one {@code -}. */
  public static String normalise(String name) {
    return name.toLowerCase(Locale.ROOT).replaceAll("[-_.]+", "-");
  }

  private static Scope scopeOf(String path) {
    String p = path.toLowerCase(Locale.ROOT);
    if (p.matches(".*(^|[/_.-])(test|tests|testing)([/_.-]|$).*")) {
      return Scope.TEST;
    }
    if (p.matches(".*(^|[/_.-])(dev|develop|development|lint|docs|doc)([/_.-]|$).*")) {
      return Scope.DEV;
    }
    return Scope.RUNTIME;
  }
}
