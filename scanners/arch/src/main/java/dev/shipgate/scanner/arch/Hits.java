package dev.shipgate.scanner.arch;

import dev.shipgate.core.model.Confidence;
import dev.shipgate.core.model.Finding;
import dev.shipgate.core.model.Location;
import dev.shipgate.core.model.Rule;
import dev.shipgate.core.model.Severity;
import java.util.function.Consumer;

/** Builds findings that name the policy entry they enforce, in the message and in the properties. */
final class Hits {

  private final Consumer<Finding> out;

  Hits(Consumer<Finding> out) {
    this.out = out;
  }

  /**
   * @param what the violation in words, e.g. "{@code java.net.HttpURLConnection} is used outside com.acme.http.**"
   * @param name the matched name; with the entry id it identifies the finding apart from its line
   */
  void report(Rule rule, String entryId, String entryMessage, Severity severity, Confidence confidence, Location at,
      String what, String name) {
    out.accept(Finding.builder(rule)
        .severity(severity == null ? rule.severity() : severity)
        .confidence(confidence == null ? rule.confidence() : confidence)
        .message(what + " [" + entryId + "]: " + entryMessage)
        .at(at)
        .contextKey(entryId + "|" + name)
        .property("policyEntry", entryId)
        .property("policyMessage", entryMessage)
        .property("name", name)
        .build());
  }
}
