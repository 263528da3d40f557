package dev.shipgate.scanner.deps.extract;

import dev.shipgate.core.scan.SourceFile;
import dev.shipgate.scanner.deps.Ecosystem;
import dev.shipgate.scanner.deps.Package;
import dev.shipgate.scanner.deps.Package.Scope;
import dev.shipgate.scanner.deps.Package.Source;
import dev.shipgate.scanner.deps.policy.Registries;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Bundler's {@code Gemfile.lock}: gems under {@code GEM} (a gem server), {@code GIT} and {@code PATH}
 * sections; {@code DEPENDENCIES} names the direct ones. Platform suffixes ({@code 1.13.1-x86_64-linux}) are
 * not part of the version, so one gem locked for several platforms is one package. The lines indented under a
 * gem are its dependencies (edges); Bundler 2.5+'s {@code CHECKSUMS} section gives hashes.
 *
 * <p>Bundler 1.x merges every global {@code source} of the Gemfile into one {@code GEM} section with several
 * {@code remote:} lines and does not record which remote served each gem: a gem of such a section may come from any of
 * them (the dependency confusion of CVE-2020-36327), so all are its possible sources and a note says so. Bundler 2.2.18+
 * writes one {@code GEM} section per remote, which is exact.
 */
public final class GemfileLockExtractor implements Extractor {

  private static final Pattern SPEC = Pattern.compile("^ {4}([^ (]+) \\(([^)]+)\\)$");
  /** {@code name}, {@code name!}, {@code name (~> 1.0)} or {@code name (~> 1.0)!}: the bang (a pinned source) follows the requirement. */
  private static final Pattern DEPENDENCY = Pattern.compile("^ {2}([^ (!]+)!?(?: \\([^)]*\\))?!?$");
  private static final Pattern SPEC_DEPENDENCY = Pattern.compile("^ {6}([^ (]+)(?: \\(.*\\))?$");
  private static final Pattern CHECKSUM = Pattern.compile("^ {2}([^ (]+) \\(([^)]+)\\)(?: (\\S+))?$");

  @Override
  public String name() {
    return "rubygems/gemfile-lock";
  }

  @Override
  public int version() {
    return 1;
  }

  @Override
  public boolean accepts(String path) {
    String n = Extractor.fileName(path);
    return (n.equals("Gemfile.lock") || n.equals("gems.locked")) && !path.contains("vendor/");
  }

  private record Spec(String name, String version, Source source, String remote, List<String> remotes, int line, Set<String> needs) {}

  @Override
  public List<Package> extract(SourceFile file, ExtractContext context) throws ExtractException {
    String[] lines = Extractor.text(file).split("\r?\n", -1);
    String section = "";
    String remote = "";
    List<String> remotes = new ArrayList<>();
    int sectionLine = 0;
    int sectionStart = 0;
    String revision = "";
    boolean inSpecs = false;
    List<Spec> specs = new ArrayList<>();
    List<Integer> gitSpecs = new ArrayList<>();
    Set<String> direct = new HashSet<>();
    Map<String, String> checksums = new HashMap<>();
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      int lineNo = i + 1;
      if (line.isBlank()) {
        continue;
      }
      if (!line.startsWith(" ")) {
        noteRemotes(file, context, section, sectionLine, remotes, specs.size() - sectionStart);
        section = line.strip();
        sectionLine = lineNo;
        sectionStart = specs.size();
        remotes = new ArrayList<>();
        remote = "";
        revision = "";
        inSpecs = false;
        continue;
      }
      switch (section) {
        case "GEM", "GIT", "PATH" -> {
          if (line.startsWith("  remote: ")) {
            remote = line.substring(10).strip();
            remotes.add(remote);
          } else if (line.startsWith("  revision: ")) {
            revision = line.substring(12).strip();
            for (int k : gitSpecs) {
              Spec s = specs.get(k);
              specs.set(k, new Spec(s.name, s.version, s.source, s.remote + "#" + revision, List.of(), s.line, s.needs));
            }
          } else if (line.equals("  specs:")) {
            inSpecs = true;
          } else if (inSpecs) {
            Matcher m = SPEC.matcher(line);
            if (m.matches()) {
              Source src = section.equals("GEM") ? Source.REGISTRY : section.equals("GIT") ? Source.GIT : Source.FILE;
              String version = withoutPlatform(m.group(2));
              String where = src == Source.GIT && !revision.isEmpty() ? remote + "#" + revision : remote;
              if (src == Source.GIT && revision.isEmpty()) {
                gitSpecs.add(specs.size());
              }
              List<String> possible = src == Source.REGISTRY && remotes.size() > 1 ? List.copyOf(remotes) : List.of();
              specs.add(new Spec(m.group(1), version, src, where, possible, lineNo, new TreeSet<>()));
            } else if (line.startsWith("      ") && !specs.isEmpty()) {
              Matcher d = SPEC_DEPENDENCY.matcher(line);
              if (d.matches()) {
                specs.get(specs.size() - 1).needs().add(d.group(1));
              }
            } else {
              throw new ExtractException(lineNo, "expected a gem as '    name (version)' but found: " + YarnLockExtractor.abbreviate(line.strip()));
            }
          }
        }
        case "DEPENDENCIES" -> {
          Matcher m = DEPENDENCY.matcher(line);
          if (m.matches()) {
            direct.add(m.group(1));
          }
        }
        case "CHECKSUMS" -> {
          Matcher m = CHECKSUM.matcher(line);
          if (m.matches() && m.group(3) != null) {
            checksums.putIfAbsent(m.group(1) + " " + withoutPlatform(m.group(2)), m.group(3)); // "sha256=<hex>"
          }
        }
        default -> {}
      }
    }
    noteRemotes(file, context, section, sectionLine, remotes, specs.size() - sectionStart);
    // One package per gem and version: platform variants share it and their dependencies.
    Map<String, Spec> unique = new LinkedHashMap<>();
    for (Spec s : specs) {
      Spec first = unique.putIfAbsent(s.name + " " + s.version + " " + s.source, s);
      if (first != null) {
        first.needs().addAll(s.needs());
      }
    }
    // A PATH section at "." is the gem this repository builds (Gemfile's `gemspec`): not a dependency, but what its
    // gemspec requires is.
    Set<String> own = new HashSet<>();
    for (Spec s : unique.values()) {
      if (s.source == Source.FILE && (s.remote.equals(".") || s.remote.equals("./"))) {
        own.add(s.name);
        direct.addAll(s.needs());
      }
    }
    Map<String, Scope> groups = GemfileGroups.of(file.path(), context, own);
    List<Package> out = new ArrayList<>();
    List<Set<String>> needs = new ArrayList<>();
    for (Spec s : unique.values()) {
      if (own.contains(s.name) && s.source == Source.FILE) {
        continue;
      }
      Package.Builder b = Package.builder(Ecosystem.RUBYGEMS, s.name, file.path())
          .locked(s.version)
          .direct(direct.contains(s.name))
          .scope(direct.contains(s.name) ? groups.getOrDefault(s.name, Scope.RUNTIME) : Scope.RUNTIME)
          .source(s.source)
          .line(s.line)
          .resolved(s.remote) // for GEM sections the gem server, which the registry allow-list judges
          .integrity(checksums.getOrDefault(s.name + " " + s.version, ""));
      if (!s.remotes.isEmpty()) {
        b.possibleSources(s.remotes);
      }
      out.add(b.build());
      needs.add(s.needs());
    }
    // Transitive gems only development gems pull in are development gems too.
    return Edges.devOnlyAsDev(Edges.link(out, needs));
  }

  /** Names a Bundler 1.x {@code GEM} section whose gems cannot be told apart by remote. */
  private static void noteRemotes(SourceFile file, ExtractContext context, String section, int line, List<String> remotes, int gems) {
    if (section.equals("GEM") && remotes.size() > 1 && gems > 0) {
      context.note(file.path(), line, "GEM section with " + remotes.size() + " remotes (" + String.join(", ", remotes.stream().map(Registries::display).toList())
          + "): the lockfile does not record which one served each of its " + gems + (gems == 1 ? " gem" : " gems")
          + " (Bundler 1.x), so every remote counts as a possible source of each");
    }
  }

  /** A platform gem's version ({@code 1.13.1-x86_64-linux}) without the platform: Bundler writes no "-" otherwise. */
  private static String withoutPlatform(String version) {
    int dash = version.indexOf('-');
    return dash > 0 ? version.substring(0, dash) : version;
  }
}
