package dev.shipgate.scanner.config;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which profile names mean development/test and which mean production. Built-in words match as whole words of
 * a name ({@code dev-eu} is development, {@code devops} is not); a policy can add a team's own names under
 * {@code scanners.config.development_profiles} and {@code production_profiles}, matched as whole names.
 */
public record ProfileNames(Set<String> developmentWords, Set<String> productionWords, Set<String> development,
    Set<String> production) {

  public static final ProfileNames DEFAULTS = new ProfileNames(
      Set.of("dev", "develop", "development", "local", "localhost", "test", "tests", "testing", "it", "e2e", "mock",
          "demo", "sandbox"),
      Set.of("prod", "production", "prd", "live"), Set.of(), Set.of());

  public ProfileNames {
    developmentWords = Set.copyOf(developmentWords);
    productionWords = Set.copyOf(productionWords);
    development = lower(development);
    production = lower(production);
  }

  /** These names plus a policy's own, as whole profile names. */
  public ProfileNames with(List<String> moreDevelopment, List<String> moreProduction) {
    Set<String> dev = new HashSet<>(development);
    dev.addAll(moreDevelopment);
    Set<String> prod = new HashSet<>(production);
    prod.addAll(moreProduction);
    return new ProfileNames(developmentWords, productionWords, dev, prod);
  }

  public boolean isDevelopment(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    return development.contains(n) || words(n).stream().anyMatch(developmentWords::contains);
  }

  public boolean isProduction(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    return production.contains(n) || words(n).stream().anyMatch(productionWords::contains);
  }

  private static List<String> words(String lowerName) {
    return List.of(lowerName.split("[^a-z0-9]+"));
  }

  private static Set<String> lower(Set<String> names) {
    Set<String> out = new HashSet<>();
    for (String n : names) {
      out.add(n.trim().toLowerCase(Locale.ROOT));
    }
    return Set.copyOf(out);
  }
}
