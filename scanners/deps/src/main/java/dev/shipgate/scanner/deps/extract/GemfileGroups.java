package dev.shipgate.scanner.deps.extract;

import dev.shipgate.core.scan.SourceFile;
import dev.shipgate.scanner.deps.Package.Scope;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
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
  private static final Pattern GROUP_BLOCK = Pattern.compile("^group\\s*\\(?\\s*(.*?)\\)?\\s+do(\\s*\\|.*\\|)?$");
  private static final Pattern BLOCK_START = Pattern.compile("^(?:\\w+\\b.*\\s+do(\\s*\\|.*\\|)?|(?:if|unless|case|while|until|begin)\\b.*)$");
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
        for (String raw : Extractor.text(spec).split("\r?\n")) {
          Matcher m = GEMSPEC_DEPENDENCY.matcher(RequirementsExtractor.stripComment(raw).strip());
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
    for (String raw : Extractor.text(f.get()).split("\r?\n")) {
      String line = RequirementsExtractor.stripComment(raw).strip();
      if (line.isEmpty()) {
        continue;
      }
      if (line.equals("end") || line.startsWith("end ") || line.startsWith("end.")) {
        blocks.poll();
        continue;
      }
      Matcher group = GROUP_BLOCK.matcher(line);
      if (group.matches()) {
        blocks.push(symbols(group.group(1).replaceAll("\\w+:\\s*\\w+", ""))); // "optional: true" is not a group
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
        if (gem.group(2).matches(".*\\sdo(\\s*\\|.*\\|)?$")) {
          blocks.push(Set.of());
        }
        continue;
      }
      if (BLOCK_START.matcher(line).matches()) {
        blocks.push(Set.of()); // source/platforms/path/git blocks and conditionals: no group of their own
      }
    }
    return out;
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
