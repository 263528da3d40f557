package dev.shipgate.scanner.k8s;

import dev.shipgate.core.model.Rule;
import java.util.ArrayList;
import java.util.List;
import org.snakeyaml.engine.v2.nodes.Node;

/** Collects what the rules find in one file, in rule order. */
public final class Issues {

  private final List<Issue> list = new ArrayList<>();
  private K8sObject object;

  void object(K8sObject value) {
    this.object = value;
  }

  /** A problem of the current object, reported on the line where {@code at} starts. */
  public Issue report(Rule rule, Node at, String message) {
    Issue issue = new Issue(rule, object, at, message);
    list.add(issue);
    return issue;
  }

  List<Issue> all() {
    return list;
  }
}
