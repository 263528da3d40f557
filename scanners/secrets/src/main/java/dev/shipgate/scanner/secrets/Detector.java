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
 * @param regexSource the detector's regex ({@link #regex()} compiles it on first use for the built-in catalogue)
 * @param contextSource a regex that must occur within {@code contextLines} lines of the secret, or null
 * @param allow regexes; a secret matching any of them is a known example and is not reported
 * @param generic generic detectors yield to provider detectors on overlapping text and get stricter
 *     placeholder checks
 * @param anchor how matches relate to keyword hits: {@code KEYWORD} and {@code WORD} detectors' matches start
 *     exactly at a keyword (WORD also needs a non-word character before it), so the regex runs anchored at
 *     each hit instead of searching the line: the main cost saving of the engine
 * @param runChars with {@code runLength > 0}: the secret is a run of exactly that many of these characters;
 *     the regex only runs around such runs (a cheap pre-check for prefix-less secrets like AWS keys)
 * @param precheck cheap byte test that must pass before the regex runs at an anchored hit
 * @param minLength shortest secret accepted (lengths are checked in code so regexes avoid large bounded repeats,
 *     which make RE2's automaton slow)
 * @param maxLength longest secret accepted
 * @param strictPlaceholders apply the full placeholder word list (common words such as "password"), as for
 *     generic detectors, to a detector whose value has no provider format (URL passwords)
 */
record Detector(
    Rule rule,
    String provider,
    List<String> keywords,
    Regex regexSource,
    int windowLines,
    int windowBytes,
    double minEntropy,
    String validator,
    Regex contextSource,
    int contextLines,
    List<Regex> allow,
    boolean generic,
    boolean strictPlaceholders,
    int priority,
    Anchor anchor,
    boolean[] runChars,
    int runLength,
    Precheck precheck,
    int minLength,
    int maxLength,
    List<String> trueSamples,
    List<String> falseSamples) {

  /**
   * A byte-level test run at an anchored keyword hit before the regex, because RE2/J's automaton costs far
   * more per call than these scans: {@code ASSIGNMENT} needs {@code key [quote] = / : / =>} right after the
   * keyword's identifier and a plausible value (and, for generic detectors, a key that names a credential)
   * after it, {@code URL_CREDENTIALS} a plausible password between {@code :} and {@code @} of the URL at the
   * hit, {@code JWT} a second {@code .eyJ} segment, {@code CALL_ARGUMENT} an opening parenthesis after the
   * keyword's identifier ({@code password("...")}), {@code XML_ELEMENT} a {@code >} after it
   * ({@code <password>...}), {@code QUOTED_PAIR} a closing quote, a comma and an opening quote after it
   * ({@code setProperty("password", "...")}).
   */
  enum Precheck {
    NONE,
    ASSIGNMENT,
    URL_CREDENTIALS,
    JWT,
    CALL_ARGUMENT,
    XML_ELEMENT,
    QUOTED_PAIR
  }

  /** See {@code anchor} above. */
  enum Anchor {
    NONE,
    KEYWORD,
    WORD
  }

  String id() {
    return rule.id();
  }

  Pattern regex() {
    return regexSource.pattern();
  }

  /** The context regex, or null. */
  Pattern context() {
    return contextSource == null ? null : contextSource.pattern();
  }

  Severity severity() {
    return rule.severity();
  }

  Confidence confidence() {
    return rule.confidence();
  }
}
