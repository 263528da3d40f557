package dev.shipgate.core.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One reported problem. Scanners build findings with {@link #builder(Rule)}; the engine adds the
 * fingerprint and the gate sets status and blocking.
 *
 * <p>The snippet is the only copy of source text a report ever prints, so scanners that find sensitive
 * values (secrets) must put a redacted snippet here; reports never re-read files.
 *
 * @param contextKey what identifies the finding within its file apart from line numbers; the fingerprint
 *     hashes it, so it may contain source text (it is never printed)
 * @param properties extra scanner facts for JSON/SARIF (e.g. redacted secret, commit); never raw secrets
 * @param fix the mechanical remediation {@code shipgate fix} can apply, or null when the rule has none here
 */
public record Finding(
    Rule rule,
    Severity severity,
    Confidence confidence,
    String message,
    Location location,
    String snippet,
    String contextKey,
    String fingerprint,
    List<FlowStep> flow,
    Map<String, String> properties,
    FindingStatus status,
    String statusReason,
    boolean blocking,
    Fix fix) {

  public Finding {
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(confidence, "confidence");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(location, "location");
    snippet = snippet == null ? "" : snippet;
    contextKey = contextKey == null ? "" : contextKey;
    fingerprint = fingerprint == null ? "" : fingerprint;
    flow = List.copyOf(flow);
    properties = Map.copyOf(properties);
    status = status == null ? FindingStatus.OPEN : status;
    statusReason = statusReason == null ? "" : statusReason;
  }

  public String ruleId() {
    return rule.id();
  }

  public Finding withFingerprint(String value) {
    return new Finding(rule, severity, confidence, message, location, snippet, contextKey, value, flow, properties, status, statusReason, blocking, fix);
  }

  public Finding withSnippet(String value) {
    return new Finding(rule, severity, confidence, message, location, value, contextKey, fingerprint, flow, properties, status, statusReason, blocking, fix);
  }

  public Finding withSeverity(Severity value) {
    return new Finding(rule, value, confidence, message, location, snippet, contextKey, fingerprint, flow, properties, status, statusReason, blocking, fix);
  }

  public Finding withConfidence(Confidence value) {
    return new Finding(rule, severity, value, message, location, snippet, contextKey, fingerprint, flow, properties, status, statusReason, blocking, fix);
  }

  public Finding withStatus(FindingStatus value, String reason) {
    return new Finding(rule, severity, confidence, message, location, snippet, contextKey, fingerprint, flow, properties, value, reason, blocking, fix);
  }

  public Finding withBlocking(boolean value) {
    return new Finding(rule, severity, confidence, message, location, snippet, contextKey, fingerprint, flow, properties, status, statusReason, value, fix);
  }

  public Finding withFix(Fix value) {
    return new Finding(rule, severity, confidence, message, location, snippet, contextKey, fingerprint, flow, properties, status, statusReason, blocking, value);
  }

  public static Builder builder(Rule rule) {
    return new Builder(rule);
  }

  /** Starts from the rule's severity and confidence; a scanner may lower or raise them per finding. */
  public static final class Builder {
    private final Rule rule;
    private Severity severity;
    private Confidence confidence;
    private String message;
    private Location location;
    private String snippet;
    private String contextKey;
    private final List<FlowStep> flow = new ArrayList<>();
    private final Map<String, String> properties = new LinkedHashMap<>();
    private Fix fix;

    private Builder(Rule rule) {
      this.rule = Objects.requireNonNull(rule, "rule");
      this.severity = rule.severity();
      this.confidence = rule.confidence();
      this.message = rule.title();
    }

    public Builder severity(Severity value) {
      this.severity = value;
      return this;
    }

    public Builder confidence(Confidence value) {
      this.confidence = value;
      return this;
    }

    public Builder message(String value) {
      this.message = value;
      return this;
    }

    public Builder at(Location value) {
      this.location = value;
      return this;
    }

    public Builder atLine(String path, int line) {
      return at(Location.line(path, line));
    }

    /** The code to show; defaults to the finding's source line when the scanner ran on a file. */
    public Builder snippet(String value) {
      this.snippet = value;
      return this;
    }

    /** Overrides the default fingerprint context (the normalised snippet). */
    public Builder contextKey(String value) {
      this.contextKey = value;
      return this;
    }

    public Builder step(Location where, String what) {
      flow.add(new FlowStep(where, what));
      return this;
    }

    public Builder property(String key, String value) {
      properties.put(key, value);
      return this;
    }

    /** The edits that remove this finding; {@code shipgate fix} applies them only if a re-scan proves it. */
    public Builder fix(Fix value) {
      this.fix = value;
      return this;
    }

    public Finding build() {
      Objects.requireNonNull(location, "location (call at/atLine)");
      return new Finding(rule, severity, confidence, message, location, snippet, contextKey, null, flow, properties, FindingStatus.OPEN, null, false, fix);
    }
  }
}
