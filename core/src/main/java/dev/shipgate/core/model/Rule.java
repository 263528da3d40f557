package dev.shipgate.core.model;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Everything a report needs to know about one rule; reports, SARIF and {@code shipgate explain} are
 * generated from it.
 *
 * @param id stable kebab-case path such as {@code config/spring/debug-enabled}; never reused
 * @param family scanner family that owns the rule ({@code config}, {@code secrets}, ...)
 * @param cwe CWE ids as {@code CWE-89}
 * @param tags compliance and topic references as {@code scheme:value}, e.g. {@code owasp-top10:A05:2021},
 *     {@code asvs:14.3.2}, {@code ssdf:PW.9.1}
 */
public record Rule(
    String id,
    String family,
    String title,
    Severity severity,
    Confidence confidence,
    List<String> cwe,
    String description,
    String fix,
    List<String> tags) {

  private static final Pattern ID = Pattern.compile("[a-z0-9]+(?:[-.][a-z0-9]+)*(?:/[a-z0-9]+(?:[-.][a-z0-9]+)*)+");
  private static final Pattern CWE = Pattern.compile("CWE-[0-9]+");

  public Rule {
    Objects.requireNonNull(id, "id");
    if (!ID.matcher(id).matches()) {
      throw new IllegalArgumentException("rule id must be a kebab-case path like family/group/name: " + id);
    }
    Objects.requireNonNull(family, "family");
    if (!id.startsWith(family + "/")) {
      throw new IllegalArgumentException("rule id " + id + " must start with its family " + family + "/");
    }
    requireText(title, "title", id);
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(confidence, "confidence");
    cwe = List.copyOf(cwe);
    for (String c : cwe) {
      if (!CWE.matcher(c).matches()) {
        throw new IllegalArgumentException("rule " + id + " has a malformed CWE id: " + c);
      }
    }
    requireText(description, "description", id);
    requireText(fix, "fix", id);
    tags = List.copyOf(tags);
  }

  private static void requireText(String value, String what, String id) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("rule " + id + " needs a " + what);
    }
  }

  public static Builder builder(String id, String family) {
    return new Builder(id, family);
  }

  /** Readable construction of the nine fields, so each rule class states its metadata in one place. */
  public static final class Builder {
    private final String id;
    private final String family;
    private String title;
    private Severity severity = Severity.MEDIUM;
    private Confidence confidence = Confidence.MEDIUM;
    private List<String> cwe = List.of();
    private String description;
    private String fix;
    private List<String> tags = List.of();

    private Builder(String id, String family) {
      this.id = id;
      this.family = family;
    }

    public Builder title(String title) {
      this.title = title;
      return this;
    }

    public Builder severity(Severity severity) {
      this.severity = severity;
      return this;
    }

    public Builder confidence(Confidence confidence) {
      this.confidence = confidence;
      return this;
    }

    public Builder cwe(String... cwe) {
      this.cwe = List.of(cwe);
      return this;
    }

    public Builder description(String description) {
      this.description = description;
      return this;
    }

    public Builder fix(String fix) {
      this.fix = fix;
      return this;
    }

    public Builder tags(String... tags) {
      this.tags = List.of(tags);
      return this;
    }

    public Rule build() {
      return new Rule(id, family, title, severity, confidence, cwe, description, fix, tags);
    }
  }
}
