package dev.shipgate.scanner.deps.extract;

import dev.shipgate.core.scan.SourceFile;
import dev.shipgate.scanner.deps.Package.Scope;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which gems the {@code Gemfile} beside a {@code Gemfile.lock} (or {@code gems.rb} beside {@code gems.locked})
 * puts only in development groups, since the lockfile records no groups. Read as text, never run: {@code group ...
 * do} blocks (nested ones add up, as in Bundler), {@code group:}/{@code groups:} options on a {@code gem} line.
 * A gem in {@code development}/{@code test} (and the usual tooling groups) only is DEV; any other group, or none,
 * keeps it runtime, since deployments leave out only the groups they are told to.
 */
final class GemfileGroups {

  private static final Set<String> DEV_GROUPS = Set.of("development", "test", "dev", "debug", "lint", "linters", "ci", "tools", "doc", "docs");
  private static final Set<String> CONDITIONALS = Set.of("if", "unless", "case", "while", "until", "begin");
  /** Gemfile lines are short; longer ones are not read (a note says so), which keeps the patterns linear. */
  private static final int MAX_LINE = 2_000;
  private static final Pattern GEM = Pattern.compile("^gem\\s*\\(?\\s*[\"']([^\"']+)[\"'](.*)$");
  private static final Pattern INLINE_GROUPS = Pattern.compile("(?:\\bgroups?:|:groups?\\s*=>)\\s*(\\[[^\\]]*\\]|:\\w+|[\"'][^\"']*[\"'])");
  private static final Pattern GEMSPEC_DEPENDENCY =
      Pattern.compile("^\\w+\\.add_(development_|runtime_)?dependency\\s*\\(?\\s*[\"']([^\"']+)[\"'].*$");
  private static final Pattern SYMBOL = Pattern.compile("[:\"']?(\\w+)[\"']?");

  private GemfileGroups() {}

  /**
   * Gem name to DEV or RUNTIME; names the Gemfile does not mention are absent. {@code ownGems} are the gems the
   * repository builds (the lockfile's {@code PATH} at "."): their {@code <name>.gemspec}'s
   * {@code add_development_dependency} gems are dev, as Bundler's {@code gemspec} puts them in {@code :development}.
   */
  static Map<String, Scope> of(String lockfile, ExtractContext context, Set<String> ownGems) {
    String dir = Extractor.directory(lockfile);
    Map<String, Scope> out = new HashMap<>();
    for (String gem : ownGems) {
      context.find(dir + gem + ".gemspec").ifPresent(spec -> {
        for (String line : lines(spec, context)) {
          Matcher m = GEMSPEC_DEPENDENCY.matcher(line);
          if (m.matches()) {
            out.merge(m.group(2), "development_".equals(m.group(1)) ? Scope.DEV : Scope.RUNTIME, GemfileGroups::wider);
          }
        }
      });
    }
    String manifest = Extractor.fileName(lockfile).equals("gems.locked") ? "gems.rb" : "Gemfile";
    Optional<SourceFile> f = context.find(dir + manifest);
    if (f.isEmpty()) {
      return out;
    }
    Deque<Set<String>> blocks = new ArrayDeque<>(); // the groups each open block adds (empty for other blocks)
    for (String line : lines(f.get(), context)) {
      if (line.equals("end") || line.startsWith("end ") || line.startsWith("end.")) {
        blocks.poll();
        continue;
      }
      String block = blockHead(line);
      if (block != null && (block.startsWith("group ") || block.startsWith("group("))) {
        blocks.push(symbols(block.substring(5).replaceAll("\\w+:\\s*\\w+", ""))); // "optional: true" is not a group
        continue;
      }
      Matcher gem = GEM.matcher(line);
      if (gem.matches()) {
        Set<String> groups = new HashSet<>();
        blocks.forEach(groups::addAll);
        Matcher inline = INLINE_GROUPS.matcher(gem.group(2));
        if (inline.find()) {
          groups.addAll(symbols(inline.group(1)));
        }
        Scope scope = !groups.isEmpty() && DEV_GROUPS.containsAll(groups) ? Scope.DEV : Scope.RUNTIME;
        out.merge(gem.group(1), scope, GemfileGroups::wider);
      }
      if (block != null || CONDITIONALS.contains(line.split("[\\s(]", 2)[0])) {
        blocks.push(Set.of()); // source/platforms/path/git blocks and conditionals: no group of their own
      }
    }
    return out;
  }

  /** The non-empty lines without comments; over-long ones are left out with a note. */
  private static List<String> lines(SourceFile f, ExtractContext context) {
    List<String> out = new ArrayList<>();
    String[] raw = Extractor.text(f).split("\r?\n");
    for (int i = 0; i < raw.length; i++) {
      if (raw[i].length() > MAX_LINE) {
        context.note(f.path(), i + 1, "line longer than " + MAX_LINE + " characters not read for gem groups");
        continue;
      }
      String line = RequirementsExtractor.stripComment(raw[i]).strip();
      if (!line.isEmpty()) {
        out.add(line);
      }
    }
    return out;
  }

  /** What precedes {@code do} (and its {@code |params|}) when the line opens a block, else null. */
  private static String blockHead(String line) {
    String l = line;
    if (l.endsWith("|")) {
      int bar = l.lastIndexOf('|', l.length() - 2);
      l = bar > 0 ? l.substring(0, bar).stripTrailing() : l;
    }
    return l.endsWith(" do") || l.endsWith(")do") ? l.substring(0, l.length() - 2).stripTrailing() : null;
  }

  private static Scope wider(Scope a, Scope b) {
    return a == Scope.RUNTIME || b == Scope.RUNTIME ? Scope.RUNTIME : a;
  }

  private static Set<String> symbols(String list) {
    Set<String> out = new HashSet<>();
    Matcher m = SYMBOL.matcher(list);
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }
}
