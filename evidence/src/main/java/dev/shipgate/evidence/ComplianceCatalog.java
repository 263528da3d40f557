package dev.shipgate.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shipgate.core.model.Rule;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The compliance frameworks shipgate reports on, and the references of each check. A rule's references come from
 * its explicit tags ({@code scheme:value}), from its CWE ids (a CWE table) and from its family and id prefix; the data
 * is {@code compliance.json} beside this class.
 */
public final class ComplianceCatalog {

  /** Frameworks {@code shipgate report compliance --framework} accepts. */
  public static final List<String> FRAMEWORKS = List.of("ssdf", "asvs", "iso27001", "soc2", "e8");

  public record Control(String framework, String id, String title) {}

  public record Framework(String name, String title, List<Control> controls) {
    public Optional<Control> control(String id) {
      return controls.stream().filter(c -> c.id().equals(id)).findFirst();
    }
  }

  /**
   * One reference of a check to a control or weakness.
   *
   * @param scheme {@code cwe}, {@code ssdf}, {@code asvs}, {@code iso27001}, {@code soc2}, {@code e8},
   *     {@code owasp-top10}, {@code owasp-llm}, or any other scheme a rule's tags use
   * @param id the control id in the scheme's own notation ({@code PW.7.2}, {@code 5.3.4}, {@code A.8.28})
   * @param via why the check carries it: {@code tag}, the CWE it was derived from, {@code family F} or {@code prefix P}
   */
  public record Reference(String scheme, String id, String via) {
    @Override
    public String toString() {
      return scheme + ":" + id;
    }
  }

  private static final java.util.regex.Pattern ID_PARTS = java.util.regex.Pattern.compile("[.-]");
  private static final ComplianceCatalog DEFAULT = load();

  private final Map<String, Framework> frameworks;
  private final Map<String, List<String>> checks;
  private final Map<String, String> checkTitles;
  private final Map<String, List<String>> families;
  private final Map<String, List<String>> prefixes;
  private final Map<String, List<String>> cwe;

  private ComplianceCatalog(Map<String, Framework> frameworks, Map<String, List<String>> checks,
      Map<String, String> checkTitles, Map<String, List<String>> families, Map<String, List<String>> prefixes,
      Map<String, List<String>> cwe) {
    this.frameworks = frameworks;
    this.checks = checks;
    this.checkTitles = checkTitles;
    this.families = families;
    this.prefixes = prefixes;
    this.cwe = cwe;
  }

  public static ComplianceCatalog get() {
    return DEFAULT;
  }

  private static ComplianceCatalog load() {
    JsonNode root;
    try (InputStream in = ComplianceCatalog.class.getResourceAsStream("compliance.json")) {
      if (in == null) {
        throw new IllegalStateException("compliance.json is missing from the shipgate-evidence jar");
      }
      root = new ObjectMapper().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException("compliance.json in the shipgate-evidence jar is unreadable", e);
    }
    Map<String, Framework> frameworks = new LinkedHashMap<>();
    root.get("frameworks").properties().forEach(f -> {
      List<Control> controls = new ArrayList<>();
      for (JsonNode c : f.getValue().get("controls")) {
        controls.add(new Control(f.getKey(), c.get("id").asText(), c.get("title").asText()));
      }
      frameworks.put(f.getKey(), new Framework(f.getKey(), f.getValue().get("title").asText(), List.copyOf(controls)));
    });
    Map<String, List<String>> checks = new LinkedHashMap<>();
    Map<String, String> titles = new LinkedHashMap<>();
    root.get("checks").properties().forEach(c -> {
      checks.put(c.getKey(), strings(c.getValue().get("references")));
      titles.put(c.getKey(), c.getValue().get("title").asText());
    });
    return new ComplianceCatalog(Collections.unmodifiableMap(frameworks), checks, titles, lists(root.get("families")),
        lists(root.get("prefixes")), lists(root.get("cwe")));
  }

  private static Map<String, List<String>> lists(JsonNode node) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    node.properties().forEach(e -> out.put(e.getKey(), strings(e.getValue())));
    return out;
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return List.copyOf(out);
  }

  public Optional<Framework> framework(String name) {
    return Optional.ofNullable(frameworks.get(name));
  }

  public Map<String, Framework> frameworks() {
    return frameworks;
  }

  /** Checks of the gate itself (not rules), such as {@code gate/verdict}. */
  public List<String> gateChecks() {
    return List.copyOf(checks.keySet());
  }

  public String checkTitle(String checkId) {
    return checkTitles.getOrDefault(checkId, checkId);
  }

  public List<Reference> references(Rule rule) {
    return references(rule.id(), rule.family(), rule.cwe(), rule.tags());
  }

  /** Every reference of a check, one per scheme and id (the first derivation wins), sorted by scheme and id. */
  public List<Reference> references(String checkId, String family, List<String> cweIds, List<String> tags) {
    Map<String, Reference> out = new LinkedHashMap<>();
    for (String t : checks.getOrDefault(checkId, List.of())) {
      add(out, parseTag(t, "gate check"));
    }
    for (String t : tags) {
      add(out, parseTag(t, "tag"));
    }
    for (String c : cweIds) {
      add(out, Optional.of(new Reference("cwe", c, "rule")));
      for (String t : cwe.getOrDefault(c, List.of())) {
        add(out, parseTag(t, c));
      }
    }
    for (Map.Entry<String, List<String>> p : prefixes.entrySet()) {
      if (checkId.startsWith(p.getKey())) {
        for (String t : p.getValue()) {
          add(out, parseTag(t, "prefix " + p.getKey()));
        }
      }
    }
    for (String t : families.getOrDefault(family, List.of())) {
      add(out, parseTag(t, "family " + family));
    }
    List<Reference> list = new ArrayList<>(out.values());
    list.sort(Comparator.comparing(Reference::scheme).thenComparing(Reference::id, ComplianceCatalog::compareIds));
    return List.copyOf(list);
  }

  private static void add(Map<String, Reference> out, Optional<Reference> r) {
    r.ifPresent(ref -> out.putIfAbsent(ref.scheme() + ":" + ref.id(), ref));
  }

  /**
   * Reads a {@code scheme:value} tag in the notations rules use: {@code asvs:4.0.3-14.3.2} and {@code asvs:14.3.2}
   * are both ASVS 14.3.2; {@code iso27001:2022-A.8.9} is A.8.9. Tags without a scheme are topics, not references.
   */
  static Optional<Reference> parseTag(String tag, String via) {
    int colon = tag.indexOf(':');
    if (colon <= 0 || colon == tag.length() - 1) {
      return Optional.empty();
    }
    String scheme = tag.substring(0, colon).toLowerCase(Locale.ROOT);
    String value = tag.substring(colon + 1);
    switch (scheme) {
      case "asvs" -> value = value.replaceFirst("^v?4\\.0\\.3-", "");
      case "iso27001" -> value = value.replaceFirst("^2022-", "");
      case "soc2" -> value = value.toUpperCase(Locale.ROOT);
      case "ssdf" -> value = value.toUpperCase(Locale.ROOT);
      case "e8" -> value = value.toLowerCase(Locale.ROOT);
      case "cwe" -> value = value.toUpperCase(Locale.ROOT).startsWith("CWE-") ? value.toUpperCase(Locale.ROOT) : "CWE-" + value;
      default -> {
        // Other schemes (owasp-top10, owasp-llm, cwe-top25) are kept as written.
      }
    }
    return Optional.of(new Reference(scheme, value, via));
  }

  /** Orders ids such as 5.3.10 after 5.3.4 (numeric parts compared as numbers). */
  static int compareIds(String a, String b) {
    String[] pa = ID_PARTS.split(a, -1);
    String[] pb = ID_PARTS.split(b, -1);
    for (int i = 0; i < Math.min(pa.length, pb.length); i++) {
      int c;
      if (pa[i].matches("\\d+") && pb[i].matches("\\d+")) {
        String x = pa[i].replaceFirst("^0+(?=.)", "");
        String y = pb[i].replaceFirst("^0+(?=.)", "");
        c = x.length() != y.length() ? Integer.compare(x.length(), y.length()) : x.compareTo(y);
      } else {
        c = pa[i].compareTo(pb[i]);
      }
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(pa.length, pb.length);
  }
}
