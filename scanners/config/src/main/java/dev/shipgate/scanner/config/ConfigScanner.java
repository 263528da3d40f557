package dev.shipgate.scanner.config;

import dev.shipgate.core.model.Confidence;
import dev.shipgate.core.model.Finding;
import dev.shipgate.core.model.Rule;
import dev.shipgate.core.policy.PolicyException;
import dev.shipgate.core.policy.Settings;
import dev.shipgate.core.scan.FileScanner;
import dev.shipgate.core.scan.ParsedSettings;
import dev.shipgate.core.scan.ScanContext;
import dev.shipgate.core.scan.SourceFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The {@code config} family: unsafe settings in Spring Boot configuration files
 * ({@code application*.properties|yml|yaml}, {@code bootstrap*.…}), judged property by property.
 */
public final class ConfigScanner implements FileScanner {

  /** Bump when the findings for the same input change. */
  public static final String VERSION = "1.2.0";

  /** Larger files are not configuration a person wrote; parsing them is refused with an error. */
  static final int MAX_BYTES = 2 * 1024 * 1024;

  private static final Pattern NAME = Pattern.compile("(?:application|bootstrap)(?:-[^/]+)?\\.(?:properties|ya?ml)");

  static final String DEVELOPMENT_PROFILES = "development_profiles";
  static final String PRODUCTION_PROFILES = "production_profiles";

  private final List<ConfigRule> rules;
  /** A malformed list in the policy is that file's error; the run goes on with the built-in names. */
  private final ParsedSettings<ProfileNames> profileNames = new ParsedSettings<>(
      s -> ProfileNames.DEFAULTS.with(s.strings(DEVELOPMENT_PROFILES), s.strings(PRODUCTION_PROFILES)), ProfileNames.DEFAULTS);

  public ConfigScanner() {
    this(ConfigRules.ALL);
  }

  ConfigScanner(List<ConfigRule> rules) {
    this.rules = List.copyOf(rules);
  }

  @Override
  public String family() {
    return "config";
  }

  @Override
  public String version() {
    return VERSION;
  }

  @Override
  public List<Rule> rules() {
    return rules.stream().map(ConfigRule::rule).toList();
  }

  /** Policy keys under {@code scanners.config}: extra profile names, as lists. */
  @Override
  public Set<String> settingKeys() {
    return Set.of(DEVELOPMENT_PROFILES, PRODUCTION_PROFILES);
  }

  @Override
  public void validate(Settings section) throws PolicyException {
    profileNames.validate(section);
  }

  @Override
  public boolean accepts(String path) {
    return NAME.matcher(path.substring(path.lastIndexOf('/') + 1)).matches();
  }

  @Override
  public void scan(SourceFile file, ScanContext context) throws IOException {
    String path = file.path();
    byte[] bytes = file.bytes();
    if (bytes.length > MAX_BYTES) {
      context.error(path, SourceFile.lineAtByte(bytes, MAX_BYTES),
          "file is " + bytes.length + " bytes; configuration files over " + MAX_BYTES + " bytes are not parsed (the limit is crossed on this line)");
      return;
    }
    int nul = indexOf(bytes, (byte) 0);
    if (nul >= 0) {
      context.error(path, SourceFile.lineAtByte(bytes, nul), "binary content (a NUL byte) in a configuration file; Spring cannot load it");
      return;
    }
    ParsedConfig parsed;
    if (path.endsWith(".properties")) {
      // Spring Boot reads application.properties as ISO-8859-1, like java.util.Properties, so any byte is valid.
      parsed = PropertiesParser.parse(new String(bytes, StandardCharsets.ISO_8859_1));
    } else {
      int bad = firstInvalidUtf8(bytes);
      if (bad >= 0) {
        context.error(path, SourceFile.lineAtByte(bytes, bad), "not valid UTF-8 (byte 0x" + Integer.toHexString(bytes[bad] & 0xff)
            + "); YAML must be Unicode and Spring rejects the file");
        return;
      }
      String text = file.text();
      if (text.startsWith("\uFEFF")) {
        text = text.substring(1);
      }
      try {
        parsed = YamlConfigParser.parse(text);
      } catch (ConfigParseException e) {
        context.error(path, e.line(), e.getMessage());
        return;
      }
    }
    for (ParsedConfig.Problem p : parsed.problems()) {
      context.error(path, p.line(), p.message());
    }
    ProfileNames names = profileNames.get(context);
    Map<String, List<String>> groups = Profile.groups(parsed.entries());
    Profile fileProfile = Profile.ofFile(path, groups, names);
    for (ConfigDocument document : parsed.documents()) {
      if (context.cancelled()) {
        return;
      }
      Profile profile = fileProfile.within(Profile.ofNames(document.activation(), groups, names));
      ConfigView view = ConfigView.of(document, parsed.documents(), profile);
      for (ConfigEntry entry : document.entries()) {
        Placeholder placeholder = Placeholder.resolve(entry.value());
        ConfigEntry resolved = placeholder.decided() ? entry.withValue(placeholder.value()) : entry.withValue(entry.value().trim());
        for (ConfigRule rule : rules) {
          if (placeholder.decided() || rule.judgesPlaceholders()) {
            judge(rule, entry, resolved, placeholder, view, path).ifPresent(context::report);
          }
        }
      }
    }
  }

  /** One rule on one property whose placeholder, if any, is already resolved into {@code judged}. */
  private static Optional<Finding> judge(ConfigRule rule, ConfigEntry entry, ConfigEntry judged, Placeholder p,
      ConfigView view, String path) {
    Optional<Verdict> verdict = rule.check(judged, view);
    if (verdict.isEmpty()) {
      return Optional.empty();
    }
    Verdict v = verdict.get();
    String message = v.message();
    Confidence confidence = v.confidence();
    if (p.isDefault()) {
      message += " (default of a placeholder: applies whenever the variable is unset)";
      confidence = Confidence.LOW;
    }
    if (view.profile().kind() == Profile.Kind.DEVELOPMENT) {
      message += " (only in " + view.profile().why() + ", which looks like development or test)";
      confidence = Confidence.LOW;
    }
    Finding.Builder b = Finding.builder(rule.rule())
        .atLine(path, Math.max(entry.line(), 1))
        .message(message)
        .severity(v.severity())
        .confidence(confidence)
        .contextKey(entry.uniformKey() + (v.snippet() == null ? "=" + judged.value() : ""))
        .property("key", entry.key());
    if (v.snippet() != null) {
      b.snippet(v.snippet());
    }
    return Optional.of(b.build());
  }

  private static int indexOf(byte[] bytes, byte b) {
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == b) {
        return i;
      }
    }
    return -1;
  }


  /** Offset of the first byte that does not start a well-formed UTF-8 sequence, or -1. */
  static int firstInvalidUtf8(byte[] b) {
    int i = 0;
    while (i < b.length) {
      int c = b[i] & 0xff;
      int len;
      int min;
      if (c < 0x80) {
        i++;
        continue;
      } else if (c >= 0xc2 && c <= 0xdf) {
        len = 2;
        min = 0x80;
      } else if (c >= 0xe0 && c <= 0xef) {
        len = 3;
        min = 0x800;
      } else if (c >= 0xf0 && c <= 0xf4) {
        len = 4;
        min = 0x10000;
      } else {
        return i;
      }
      if (i + len > b.length) {
        return i;
      }
      int cp = c & (0xff >> (len + 1));
      for (int k = 1; k < len; k++) {
        int cc = b[i + k] & 0xff;
        if ((cc & 0xc0) != 0x80) {
          return i;
        }
        cp = (cp << 6) | (cc & 0x3f);
      }
      if (cp < min || cp > 0x10ffff || cp >= 0xd800 && cp <= 0xdfff) {
        return i;
      }
      i += len;
    }
    return -1;
  }
}
