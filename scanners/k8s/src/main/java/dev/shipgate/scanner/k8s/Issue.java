package dev.shipgate.scanner.k8s;

import dev.shipgate.core.model.Confidence;
import dev.shipgate.core.model.Rule;
import dev.shipgate.core.model.Severity;
import dev.shipgate.core.yaml.YamlFile;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * One problem a rule found, before it becomes a finding. Starts from the rule's severity and confidence; the
 * scanner adds the fix of its {@link Remedy} to the first issue of each container or pod that it resolves.
 */
public final class Issue {

  final Rule rule;
  final K8sObject object;
  final int line;
  final String message;
  Severity severity;
  Confidence confidence;
  String key = "";
  String snippet;
  String secret;
  String redacted;
  Remedy remedy;
  Object target;

  Issue(Rule rule, K8sObject object, Node at, String message) {
    this.rule = rule;
    this.object = object;
    this.line = Math.max(1, YamlFile.line(at));
    this.message = message;
    this.severity = rule.severity();
    this.confidence = rule.confidence();
  }

  public Issue severity(Severity value) {
    this.severity = value;
    return this;
  }

  public Issue confidence(Confidence value) {
    this.confidence = value;
    return this;
  }

  /** What tells this issue apart from others of its rule in the same object (a container, a field); no line numbers. */
  public Issue key(String value) {
    this.key = value;
    return this;
  }

  /**
   * Marks the issue as being about a credential: its snippet shows {@code redacted}, and every other finding on
   * the same line gets the line with {@code value} replaced, so the value never reaches a report.
   */
  public Issue secret(String value, String redactedValue, String snippetText) {
    this.secret = value;
    this.redacted = redactedValue;
    this.snippet = snippetText;
    return this;
  }

  /** The container-level remedy that resolves this issue. */
  public Issue fixedBy(Remedy value, Container container) {
    this.remedy = value;
    this.target = container;
    return this;
  }

  /** The pod-level remedy that resolves this issue. */
  public Issue fixedBy(Remedy value, Pod pod) {
    this.remedy = value;
    this.target = pod;
    return this;
  }
}
