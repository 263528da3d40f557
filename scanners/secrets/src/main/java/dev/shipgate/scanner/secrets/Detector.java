package dev.shipgate.scanner.secrets;

import com.google.re2j.Pattern;
import dev.shipgate.core.model.Confidence;
import dev.shipgate.core.model.Rule;
import dev.shipgate.core.model.Severity;
import java.util.List;

/**
 * One secret detector, read from the catalogue (see README: "Detector file format").
 *
 * @param keywords lowercased prefilter words; the regex runs only near their occurrences
 * @param windowLines how many lines around a keyword hit the regex sees (0: the hit's line)
 * @param windowBytes when positive, a forward window of this many bytes from the hit's line start, for
 *     secrets that span lines (PEM blocks, service-account JSON)
 * @param minEntropy Shannon entropy in bits per character the secret must reach (0: no check)
 * @param validator name of an offline format check in {@link Validators}, or null
 * @param context a regex that must occur within {@code contextLines} lines of the secret, or null
 * @param allow regexes; a secret matching any of them is a known example and is not reported
 * @param generic generic detectors yield to provider detectors on overlapping text and get stricter
 *     placeholder checks
 * @param strictPlaceholders apply the full placeholder word list (common words such as "password"), as for
 *     generic detectors, to a detector whose value has no provider format (URL passwords)
 */
record Detector(
    Rule rule,
    String provider,
    List<String> keywords,
    Pattern regex,
    int windowLines,
    int windowBytes,
    double minEntropy,
    String validator,
    Pattern context,
    int contextLines,
    List<Pattern> allow,
    boolean generic,
    boolean strictPlaceholders,
    int priority,
    List<String> trueSamples,
    List<String> falseSamples) {

  String id() {
    return rule.id();
  }

  Severity severity() {
    return rule.severity();
  }

  Confidence confidence() {
    return rule.confidence();
  }
}
