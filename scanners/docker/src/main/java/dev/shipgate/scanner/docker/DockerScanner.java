package dev.shipgate.scanner.docker;

import dev.shipgate.core.model.Finding;
import dev.shipgate.core.model.Rule;
import dev.shipgate.core.policy.PolicyException;
import dev.shipgate.core.policy.Settings;
import dev.shipgate.core.scan.ParsedSettings;
import dev.shipgate.core.scan.ProjectScanner;
import dev.shipgate.core.scan.ScanContext;
import dev.shipgate.core.scan.SourceFile;
import dev.shipgate.core.yaml.YamlException;
import dev.shipgate.core.yaml.YamlFile;
import dev.shipgate.scanner.docker.dockerfile.DockerIgnore;
import dev.shipgate.scanner.docker.dockerfile.Dockerfile;
import dev.shipgate.scanner.docker.dockerfile.DockerfileParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;

/**
 * The {@code docker} family: Dockerfiles and Compose files. A project scanner because whether
 * {@code COPY . .} leaks secrets depends on a second file, the build context's {@code .dockerignore}.
 */
public final class DockerScanner implements ProjectScanner {

  /** Bump when the findings for the same input change. */
  public static final String VERSION = "1.0.0";

  /** Larger files are generated or not Docker files at all; they are refused with an error. */
  static final int MAX_BYTES = 1024 * 1024;

  /**
   * Names like {@code Dockerfile.*} that are not Dockerfile syntax: templates ({@code Dockerfile.j2}), docs,
   * backups, and source code about Dockerfiles ({@code Dockerfile.java}, {@code dockerfile.go}).
   */
  private static final Pattern NOT_A_DOCKERFILE = Pattern.compile(".*\\.(?:j2|jinja2?|tmpl|tpl|template|gotmpl|erb|mustache|hbs|md|txt|rst"
      + "|adoc|html|bak|orig|swp|java|kt|kts|scala|groovy|go|py|rb|js|mjs|cjs|ts|tsx|jsx|rs|c|h|cc|cpp|hpp|cs|fs|swift|php|pl"
      + "|sh|bash|ps1|json|xml|ya?ml|toml|lock|log|class|jar)");
  private static final Pattern COMPOSE = Pattern.compile("(?:docker-)?compose(?!r)[^/]*\\.ya?ml");

  private final List<DockerfileRule> dockerfileRules;
  private final List<ComposeRule> composeRules;
  /** A malformed setting is the policy file's error; the scan goes on with the defaults. */
  private final ParsedSettings<DockerSettings> settings = new ParsedSettings<>(DockerSettings::read, DockerSettings.DEFAULTS);

  public DockerScanner() {
    this(DockerRules.DOCKERFILE, DockerRules.COMPOSE);
  }

  DockerScanner(List<DockerfileRule> dockerfileRules, List<ComposeRule> composeRules) {
    this.dockerfileRules = List.copyOf(dockerfileRules);
    this.composeRules = List.copyOf(composeRules);
  }

  @Override
  public String family() {
    return "docker";
  }

  @Override
  public String version() {
    return VERSION;
  }

  @Override
  public List<Rule> rules() {
    List<Rule> out = new ArrayList<>();
    dockerfileRules.forEach(r -> out.add(r.rule()));
    composeRules.forEach(r -> out.add(r.rule()));
    return out;
  }

  @Override
  public Set<String> settingKeys() {
    return DockerSettings.KEYS;
  }

  @Override
  public void validate(Settings section) throws PolicyException {
    settings.validate(section);
  }

  /** Secrets in ENV, ARG and environment: are reported, redacted; every finding carries its own snippet. */
  @Override
  public boolean reportsSensitiveValues() {
    return true;
  }

  @Override
  public boolean accepts(String path) {
    String name = name(path);
    return isDockerfile(name) || isCompose(name) || isIgnore(name);
  }

  static boolean isDockerfile(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    if (isIgnore(n) || NOT_A_DOCKERFILE.matcher(n).matches()) {
      return false;
    }
    return n.equals("dockerfile") || n.equals("containerfile") || n.startsWith("dockerfile.") || n.startsWith("containerfile.")
        || n.endsWith(".dockerfile") || n.endsWith(".containerfile");
  }

  static boolean isCompose(String name) {
    return COMPOSE.matcher(name.toLowerCase(Locale.ROOT)).matches();
  }

  static boolean isIgnore(String name) {
    return name.toLowerCase(Locale.ROOT).endsWith(".dockerignore");
  }

  private static String name(String path) {
    return path.substring(path.lastIndexOf('/') + 1);
  }

  @Override
  public void scan(List<SourceFile> files, ScanContext context) throws IOException {
    DockerSettings settings = this.settings.get(context);
    Map<String, SourceFile> ignores = new HashMap<>();
    for (SourceFile f : files) {
      if (isIgnore(f.name())) {
        ignores.put(f.path(), f);
      }
    }
    Map<String, String> contexts = buildContexts(files);
    for (SourceFile f : files) {
      if (context.cancelled()) {
        return;
      }
      try {
        if (isDockerfile(f.name())) {
          scanDockerfile(f, settings, ignore(f.path(), contexts, ignores, context), context);
        } else if (isCompose(f.name())) {
          scanCompose(f, settings, context);
        }
      } finally {
        f.release();
      }
    }
  }

  /** The text of a file, or null after reporting why it cannot be judged. */
  private static String readText(SourceFile f, ScanContext context) throws IOException {
    byte[] bytes = f.bytes();
    if (bytes.length > MAX_BYTES) {
      context.error(f.path(), SourceFile.lineAtByte(bytes, MAX_BYTES), "file is " + bytes.length + " bytes; Docker files over " + MAX_BYTES
          + " bytes are not parsed (the limit is crossed on this line)");
      return null;
    }
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == 0) {
        context.error(f.path(), SourceFile.lineAtByte(bytes, i), "binary content (a NUL byte); not a Dockerfile or Compose file");
        return null;
      }
    }
    return f.text();
  }

  private void scanDockerfile(SourceFile f, DockerSettings settings, DockerfileInput.Ignore ignore, ScanContext context)
      throws IOException {
    String text = readText(f, context);
    if (text == null) {
      return;
    }
    Dockerfile df = DockerfileParser.parse(text);
    for (Dockerfile.Problem p : df.problems()) {
      context.error(f.path(), p.line(), p.message());
    }
    DockerfileInput input = new DockerfileInput(f, df, settings, ignore);
    for (DockerfileRule rule : dockerfileRules) {
      rule.check(input).forEach(context::report);
    }
  }

  private void scanCompose(SourceFile f, DockerSettings settings, ScanContext context) throws IOException {
    String text = readText(f, context);
    if (text == null) {
      return;
    }
    YamlFile yaml;
    try {
      yaml = YamlFile.parse(f.path(), text.startsWith("\uFEFF") ? text.substring(1) : text);
    } catch (YamlException e) {
      context.error(f.path(), e.line() > 0 ? e.line() : firstUnreadableLine(text), "not valid YAML: " + e.getMessage());
      return;
    }
    for (Node doc : yaml.documents()) {
      if (!(doc instanceof MappingNode)) {
        context.error(f.path(), Math.max(1, YamlFile.line(doc)), "not a Compose file: the top level must be a mapping (services:, volumes:, …)");
        return;
      }
    }
    ComposeInput input = new ComposeInput(f, yaml, settings, ComposeInput.services(yaml));
    // A node under an anchor that several services merge is one problem at one place; report it once.
    Set<String> seen = new HashSet<>();
    for (ComposeInput.Service service : input.services()) {
      for (ComposeRule rule : composeRules) {
        for (Finding finding : rule.check(input, service)) {
          if (seen.add(finding.ruleId() + "@" + finding.location().startLine() + ":" + finding.location().startColumn())) {
            context.report(finding);
          }
        }
      }
    }
  }

  /**
   * Build contexts that Compose files give Dockerfiles ({@code build: ./api} or {@code build: {context: .,
   * dockerfile: docker/api.Dockerfile}}), by Dockerfile path; the first declaration wins. Unreadable Compose
   * files are skipped here and reported when they are scanned.
   */
  private static Map<String, String> buildContexts(List<SourceFile> files) {
    Map<String, String> out = new HashMap<>();
    for (SourceFile f : files) {
      if (!isCompose(f.name()) || f.size() > MAX_BYTES) {
        continue;
      }
      String dir = f.path().lastIndexOf('/') < 0 ? "" : f.path().substring(0, f.path().lastIndexOf('/'));
      try {
        for (ComposeInput.Service service : ComposeInput.services(YamlFile.parse(f.path(), f.text().replace("\uFEFF", "")))) {
          NodeTuple build = service.entries().get("build");
          if (build == null) {
            continue;
          }
          Node b = build.getValueNode();
          String ctx = YamlFile.scalar(b).or(() -> YamlFile.string(b, "context")).orElse(".");
          String dockerfile = YamlFile.string(b, "dockerfile").orElse("Dockerfile");
          if (ctx.contains("://") || ctx.startsWith("/") || dockerfile.startsWith("/") || ctx.contains("$") || dockerfile.contains("$")) {
            continue;
          }
          String root = normalize(dir + "/" + ctx);
          String path = normalize(root + "/" + dockerfile);
          if (root != null && path != null) {
            out.putIfAbsent(path, root);
          }
        }
      } catch (YamlException | UncheckedIOException e) {
        // Reported with its position when the file itself is scanned.
      }
    }
    return out;
  }

  /** A repository-relative path with {@code .} and {@code ..} resolved, or null when it leaves the repository. */
  static String normalize(String path) {
    List<String> parts = new ArrayList<>();
    for (String p : path.split("/", -1)) {
      if (p.isEmpty() || p.equals(".")) {
        continue;
      }
      if (p.equals("..")) {
        if (parts.isEmpty()) {
          return null;
        }
        parts.remove(parts.size() - 1);
      } else {
        parts.add(p);
      }
    }
    return String.join("/", parts);
  }

  /**
   * The ignore file Docker would use: {@code <Dockerfile>.dockerignore} next to the Dockerfile, else
   * {@code .dockerignore} at the root of the build context, which is the one a Compose file gives the
   * Dockerfile or else the Dockerfile's directory. Files outside the scan ({@code --staged} gives only
   * staged files) are read from the working tree.
   */
  private static DockerfileInput.Ignore ignore(String dockerfile, Map<String, String> contexts, Map<String, SourceFile> scanned,
      ScanContext context) {
    int slash = dockerfile.lastIndexOf('/');
    String root = contexts.getOrDefault(dockerfile, slash < 0 ? "" : dockerfile.substring(0, slash));
    String dir = root.isEmpty() ? "" : root + "/";
    for (String candidate : List.of(dockerfile + ".dockerignore", dir + ".dockerignore")) {
      SourceFile f = scanned.get(candidate);
      if (f != null) {
        return new DockerfileInput.Ignore(candidate, DockerIgnore.parse(f.text()));
      }
      Path onDisk = context.root().resolve(candidate);
      try {
        if (Files.isRegularFile(onDisk, LinkOption.NOFOLLOW_LINKS) && Files.size(onDisk) <= MAX_BYTES) {
          return new DockerfileInput.Ignore(candidate, DockerIgnore.parse(new String(Files.readAllBytes(onDisk), StandardCharsets.UTF_8)));
        }
      } catch (IOException | UncheckedIOException e) {
        context.error(candidate, 0, "cannot read the ignore file: " + e.getMessage());
        return new DockerfileInput.Ignore(candidate, DockerIgnore.parse(""));
      }
    }
    return DockerfileInput.Ignore.NONE;
  }

  /**
   * The line of the first character YAML does not allow (control characters, non-characters), for reader
   * errors that come without a position; line 1 when there is none.
   */
  static int firstUnreadableLine(String text) {
    int line = 1;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n') {
        line++;
      } else if (isControl(c) || c == 0xfffe || c == 0xffff || isLoneSurrogate(text, i)) {
        return line;
      }
    }
    return 1;
  }

  private static boolean isControl(char c) {
    return (c < 0x20 && c != '\t' && c != '\r') || (c >= 0x7f && c <= 0x9f && c != 0x85);
  }

  private static boolean isLoneSurrogate(String text, int i) {
    char c = text.charAt(i);
    if (Character.isHighSurrogate(c)) {
      return i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1));
    }
    return Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(text.charAt(i - 1)));
  }

}
