package dev.shipgate.scanner.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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

  // Whole words of a profile name: "dev-eu" is development, "devops" and "preprod" are not.
  private static final Set<String> DEV_WORDS = Set.of("dev", "develop", "development", "local", "localhost",
      "test", "tests", "testing", "it", "e2e", "mock", "demo", "sandbox");
  // Gradle and Maven test source sets: src/test, src/it, src/integrationTest, src/testFixtures, src/e2e...
  private static final Pattern TEST_SOURCES = Pattern.compile("(^|/)src/(test|it|integration-?test|e2e)[a-z0-9-]*/");
  private static final Set<String> PROD_WORDS = Set.of("prod", "production", "prd", "live");

  /** The profile a file name implies: {@code application-dev.yml} is development, {@code -prod} production. */
  public static Profile ofFile(String path) {
    if (TEST_SOURCES.matcher(path.toLowerCase(Locale.ROOT)).find()) {
      return new Profile(Kind.DEVELOPMENT, "test resources");
    }
    String name = path.substring(path.lastIndexOf('/') + 1);
    int dash = name.indexOf('-');
    int dot = name.lastIndexOf('.');
    if (dash < 0 || dot < dash) {
      return GENERAL;
    }
    return ofNames(List.of(name.substring(dash + 1, dot)));
  }

  /**
   * Classifies profile expressions ({@code dev}, {@code dev | local}, {@code prod & !eu}). Any negation makes
   * the document apply in unnamed profiles too, so it is general unless production is named.
   */
  public static Profile ofNames(List<String> expressions) {
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
    if (positive.stream().anyMatch(Profile::isProduction)) {
      return new Profile(Kind.PRODUCTION, label);
    }
    if (!negated && positive.stream().allMatch(Profile::isDevelopment)) {
      return new Profile(Kind.DEVELOPMENT, label);
    }
    return GENERAL;
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

  static boolean isDevelopment(String name) {
    return words(name).stream().anyMatch(DEV_WORDS::contains);
  }

  static boolean isProduction(String name) {
    return words(name).stream().anyMatch(PROD_WORDS::contains);
  }

  private static List<String> words(String name) {
    return List.of(name.toLowerCase(Locale.ROOT).split("[^a-z0-9]+"));
  }
}
