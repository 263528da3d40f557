package dev.shipgate.scanner.deps.policy;

import dev.shipgate.scanner.deps.Ecosystem;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Names that imitate a popular package of the same ecosystem: one edit away (two for long names), a transposed
 * pair of characters, the same name with other separators or none, look-alike characters ({@code 0}/{@code o},
 * {@code 1}/{@code l}, {@code rn}/{@code m}), or a dropped npm scope. The popular names come from the data files in
 * {@code popular/} (how they were made is written in each). A popular name is never a typosquat of another, and
 * namespaces a registry reserves for their owner (npm scopes, Maven groupIds, Packagist vendors, NuGet prefixes)
 * listed there make every name inside them genuine.
 */
public final class Typosquats {

  /** A suspected imitation: the popular name it resembles and how. {@code confusion} is a deliberate-looking kind. */
  public record Match(String popular, String how, boolean confusion) {}

  private static final Map<Ecosystem, Typosquats> LOADED = new EnumMap<>(Ecosystem.class);

  private final Ecosystem ecosystem;
  private final Set<String> names = new HashSet<>();
  private final List<String> ordered = new ArrayList<>();
  /** {@link #ordered} as characters, compared with every name checked. */
  private final List<char[]> orderedChars = new ArrayList<>();
  /** npm: the listed {@code @scope/name}s as {scoped name, scope, bare name}. */
  private final List<String[]> scoped = new ArrayList<>();
  /** Owned namespaces: {@code @scope/}, {@code vendor/}, {@code Prefix.}, and Maven groupIds. */
  private final Set<String> namespaces = new HashSet<>();
  private final Map<String, String> bySkeleton = new java.util.HashMap<>();

  Typosquats(Ecosystem ecosystem, List<String> lines) {
    this.ecosystem = ecosystem;
    for (String raw : lines) {
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String name = Names.canonical(ecosystem, line);
      if (name.endsWith("/") || (ecosystem == Ecosystem.NUGET && name.endsWith("."))) {
        namespaces.add(name);
        continue;
      }
      names.add(name);
      ordered.add(name);
      orderedChars.add(name.toCharArray());
      int slash = name.indexOf('/');
      if (name.startsWith("@") && slash > 0) {
        scoped.add(new String[] {name, name.substring(1, slash), name.substring(slash + 1)});
      }
      bySkeleton.putIfAbsent(skeleton(name), name);
      if (ecosystem == Ecosystem.MAVEN && name.indexOf(':') > 0) {
        namespaces.add(name.substring(0, name.indexOf(':'))); // the groupId
      }
    }
  }

  /** The list of an ecosystem, read once from the class path. */
  public static synchronized Typosquats of(Ecosystem ecosystem) {
    return LOADED.computeIfAbsent(ecosystem, e -> new Typosquats(e, read("popular/" + e.purlType() + ".txt")));
  }

  /** The popular name {@code name} imitates, if any. */
  public Optional<Match> check(String name) {
    String n = Names.canonical(ecosystem, name);
    if (names.contains(n) || ownedNamespace(n)) {
      return Optional.empty();
    }
    if (ecosystem == Ecosystem.MAVEN) {
      return checkGroup(n);
    }
    String skeleton = skeleton(n);
    String same = bySkeleton.get(skeleton);
    if (same != null) {
      return Optional.of(new Match(same, "the same name with other separators or look-alike characters", true));
    }
    if (ecosystem == Ecosystem.NPM && !n.startsWith("@")) {
      for (String[] p : scoped) {
        // "@scope/name" imitated as "scope-name", "scopename" or "name" alone.
        String scope = p[1];
        String bare = p[2];
        if (n.equals(scope + "-" + bare) || n.equals(scope + bare) || (n.equals(bare) && bare.length() >= 8)) {
          return Optional.of(new Match(p[0], "the scoped package's name without its scope", true));
        }
      }
    }
    return nearest(n, ordered, orderedChars);
  }

  /** Maven: the groupId is the owned part, so only a groupId close to a popular one is suspicious. */
  private Optional<Match> checkGroup(String coordinates) {
    int colon = coordinates.indexOf(':');
    String group = colon < 0 ? coordinates : coordinates.substring(0, colon);
    List<String> groups = namespaces.stream().sorted().toList();
    for (String g : groups) {
      if (skeleton(g).equals(skeleton(group))) {
        return Optional.of(new Match(g, "groupId " + group + " looks like " + g, true));
      }
    }
    return nearest(group, groups, groups.stream().map(String::toCharArray).toList()).map(m -> new Match(m.popular(), "groupId " + group + " is " + m.how() + " " + m.popular(),
        m.confusion()));
  }

  private static Optional<Match> nearest(String n, List<String> candidates, List<char[]> chars) {
    char[] name = n.toCharArray();
    int[] rows = new int[3 * (n.length() + 1)];
    int[] counts = new int[Distance.BUCKETS];
    for (int i = 0; i < candidates.size(); i++) {
      String p = candidates.get(i);
      if (Math.abs(p.length() - n.length()) > 2 || Distance.moreThanEditsApart(chars.get(i), name, 2, counts)) {
        continue;
      }
      int d = Distance.osa(chars.get(i), name, 2, rows);
      int shorter = Math.min(n.length(), p.length());
      boolean swap = d == 1 && Distance.isTransposition(n, p);
      // Short names are one edit from many unrelated ones ("args"/"yargs"); only long names allow two edits.
      if ((d == 1 && (swap ? shorter >= 4 : shorter >= 6)) || (d == 2 && shorter >= 10)) {
        String how = swap ? "two characters swapped in" : d + (d == 1 ? " edit from" : " edits from");
        return Optional.of(new Match(p, how, swap));
      }
    }
    return Optional.empty();
  }

  private boolean ownedNamespace(String n) {
    for (String ns : namespaces) {
      boolean prefix = ns.endsWith("/") || ns.endsWith(".");
      if (prefix ? n.startsWith(ns) : ecosystem == Ecosystem.MAVEN && n.startsWith(ns + ":")) {
        return true;
      }
    }
    return false;
  }

  /** The name with separators removed and look-alike characters folded, for exact-confusion matches. */
  static String skeleton(String name) {
    String s = name.replaceAll("[-_.]", "");
    s = s.replace("rn", "m").replace("vv", "w").replace('0', 'o').replace('1', 'l').replace('i', 'l');
    return s;
  }

  private static List<String> read(String resource) {
    InputStream in = Typosquats.class.getResourceAsStream("/dev/shipgate/scanner/deps/" + resource);
    if (in == null) {
      throw new IllegalStateException("missing data file " + resource);
    }
    try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      return r.lines().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
