package dev.shipgate.scanner.config;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Where a document applies, as far as the file tells: only in development or tests, in production, or in
 * general. Development-only settings are still reported, with low confidence, because profile names are
 * conventions and a "dev" profile is sometimes what runs in production.
 *
 * @param why what made the decision, for the finding message ("profile 'dev'", "test resources")
 */
public record Profile(Kind kind, String why) {

  public enum Kind { GENERAL, DEVELOPMENT, PRODUCTION }

  public static final Profile GENERAL = new Profile(Kind.GENERAL, "");

  // Gradle and Maven test source sets: src/test, src/it, src/integrationTest, src/testFixtures, src/e2e...
  private static final Pattern TEST_SOURCES = Pattern.compile("(^|/)src/(test|it|integration-?test|e2e)[a-z0-9-]*/");

  /** The profile a file name implies: {@code application-dev.yml} is development, {@code -prod} production. */
  public static Profile ofFile(String path) {
    return ofFile(path, Map.of(), ProfileNames.DEFAULTS);
  }

  /** As {@link #ofFile(String)}, with the file's {@code spring.profiles.group} definitions and the policy's names. */
  public static Profile ofFile(String path, Map<String, List<String>> groups, ProfileNames names) {
    if (TEST_SOURCES.matcher(path.toLowerCase(Locale.ROOT)).find()) {
      return new Profile(Kind.DEVELOPMENT, "test resources");
    }
    String name = path.substring(path.lastIndexOf('/') + 1);
    int dash = name.indexOf('-');
    int dot = name.lastIndexOf('.');
    if (dash < 0 || dot < dash) {
      return GENERAL;
    }
    return ofNames(List.of(name.substring(dash + 1, dot)), groups, names);
  }

  /**
   * Classifies profile expressions ({@code dev}, {@code dev | local}, {@code prod & !eu}). Any negation makes
   * the document apply in unnamed profiles too, so it is general unless production is named.
   */
  public static Profile ofNames(List<String> expressions) {
    return ofNames(expressions, Map.of(), ProfileNames.DEFAULTS);
  }

  /**
   * As {@link #ofNames(List)}, where a profile that is a member of a group ({@code spring.profiles.group.prod=dev,db})
   * is active whenever the group is: a "dev" profile pulled into "prod" is production.
   */
  public static Profile ofNames(List<String> expressions, Map<String, List<String>> groups, ProfileNames names) {
    List<String> positive = new ArrayList<>();
    boolean negated = false;
    for (String expression : expressions) {
      for (String token : expression.split("[\\s&|()]+")) {
        if (token.isBlank()) {
          continue;
        }
        if (token.startsWith("!")) {
          negated = true;
        } else {
          positive.add(token);
        }
      }
    }
    if (positive.isEmpty()) {
      return GENERAL;
    }
    String label = "profile '" + String.join(", ", positive) + "'";
    if (positive.stream().anyMatch(names::isProduction)) {
      return new Profile(Kind.PRODUCTION, label);
    }
    for (String member : positive) {
      for (String group : groupsOf(member, groups, new HashSet<>())) {
        if (names.isProduction(group)) {
          return new Profile(Kind.PRODUCTION, label + " (in profile group '" + group + "')");
        }
        if (!names.isDevelopment(group)) {
          negated = true; // active through a group that is not development-only
        }
      }
    }
    if (!negated && positive.stream().allMatch(names::isDevelopment)) {
      return new Profile(Kind.DEVELOPMENT, label);
    }
    return GENERAL;
  }

  /** Every group that activates {@code profile}, directly or through other groups. */
  private static Set<String> groupsOf(String profile, Map<String, List<String>> groups, Set<String> seen) {
    for (Map.Entry<String, List<String>> g : groups.entrySet()) {
      if (g.getValue().contains(profile) && seen.add(g.getKey())) {
        groupsOf(g.getKey(), groups, seen);
      }
    }
    return seen;
  }

  /** {@code spring.profiles.group.<name>} entries of a file, as written ({@code [name]} or {@code .name}). */
  public static Map<String, List<String>> groups(List<ConfigEntry> entries) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (ConfigEntry e : entries) {
      String u = e.name();
      if (!u.startsWith("spring.profiles.group.") && !u.startsWith("spring.profiles.group[")) {
        continue;
      }
      // The group name is a map key: take it from the key as written, not from the folded form.
      String key = e.key();
      int at = key.toLowerCase(Locale.ROOT).indexOf("group");
      String rest = key.substring(at + "group".length());
      rest = rest.replaceFirst("\\[\\d*]$", "");
      String group = rest.startsWith("[") ? rest.substring(1, Math.max(1, rest.indexOf(']'))) : rest.replaceFirst("^\\.", "");
      Placeholder p = Placeholder.resolve(e.value());
      if (!group.isEmpty() && p.decided()) {
        out.computeIfAbsent(group, k -> new ArrayList<>()).addAll(Values.items(p.value()));
      }
    }
    return out;
  }

  /** The narrower of a file's profile and a document's activation. */
  public Profile within(Profile document) {
    if (kind == Kind.DEVELOPMENT) {
      return this;
    }
    if (document.kind != Kind.GENERAL) {
      return document;
    }
    return this;
  }
}
