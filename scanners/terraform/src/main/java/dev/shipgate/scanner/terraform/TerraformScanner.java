package dev.shipgate.scanner.terraform;

import dev.shipgate.core.model.Rule;
import dev.shipgate.core.policy.PolicyException;
import dev.shipgate.core.policy.Settings;
import dev.shipgate.core.scan.ProjectScanner;
import dev.shipgate.core.scan.ScanContext;
import dev.shipgate.core.scan.SourceFile;
import dev.shipgate.scanner.terraform.hcl.HclException;
import dev.shipgate.scanner.terraform.hcl.HclParser;
import dev.shipgate.scanner.terraform.hcl.JsonSyntax;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The {@code terraform} family: insecure AWS, Azure and Google Cloud resources in Terraform {@code .tf}
 * files. A project scanner, because a Terraform module is a directory whose files refer to each other (an S3
 * bucket in one file, its public access block and the variable defaults in others).
 */
public final class TerraformScanner implements ProjectScanner {

  /** Bump when the findings for the same input change. */
  public static final String VERSION = "1.0.0";

  /** Larger files are generated, not written; parsing them is refused with an error. */
  static final int MAX_BYTES = 4 * 1024 * 1024;

  static final String ADMIN_PORTS = "admin_ports";

  private static final Pattern AUTO_VARS = Pattern.compile("(?:terraform|.+\\.auto)\\.tfvars(?:\\.json)?");

  private final List<TerraformRule> rules;

  public TerraformScanner() {
    this(TerraformRules.ALL);
  }

  TerraformScanner(List<TerraformRule> rules) {
    this.rules = List.copyOf(rules);
  }

  @Override
  public String family() {
    return "terraform";
  }

  @Override
  public String version() {
    return VERSION;
  }

  @Override
  public List<Rule> rules() {
    return rules.stream().map(TerraformRule::rule).toList();
  }

  /** {@code admin_ports}: more port numbers that must not be open to the internet (added to the built-in list). */
  @Override
  public Set<String> settingKeys() {
    return Set.of(ADMIN_PORTS);
  }

  /**
   * {@code .tf} and {@code .tf.json} files, and the variable files Terraform loads without being asked
   * ({@code terraform.tfvars[.json]}, {@code *.auto.tfvars[.json]}); not the copies of downloaded modules that
   * {@code terraform init} keeps in {@code .terraform/}.
   */
  @Override
  public boolean accepts(String path) {
    if (path.startsWith(".terraform/") || path.contains("/.terraform/")) {
      return false;
    }
    String name = path.substring(path.lastIndexOf('/') + 1);
    return name.endsWith(".tf") || name.endsWith(".tf.json") || AUTO_VARS.matcher(name).matches();
  }

  @Override
  public void scan(List<SourceFile> files, ScanContext context) throws IOException {
    Project project = new Project(adminPorts(context));
    Map<String, List<TfFile>> byDir = new LinkedHashMap<>();
    Set<String> broken = new TreeSet<>();
    for (SourceFile f : files) {
      if (context.cancelled()) {
        return;
      }
      String dir = f.path().contains("/") ? f.path().substring(0, f.path().lastIndexOf('/')) : "";
      List<TfFile> parsed = byDir.computeIfAbsent(dir, d -> new ArrayList<>());
      TfFile file = parse(f, context);
      if (file == null) {
        broken.add(dir);
      } else {
        parsed.add(file);
      }
    }
    Report report = new Report(context);
    for (Map.Entry<String, List<TfFile>> e : byDir.entrySet()) {
      project.add(new Module(e.getKey(), e.getValue(), !broken.contains(e.getKey()), project));
    }
    for (Module module : project.modules()) {
      if (context.cancelled()) {
        return;
      }
      for (TerraformRule rule : rules) {
        try {
          rule.check(module, report);
        } catch (RuntimeException e) {
          // One failing check must not cost the other checks and modules their findings; the error fails the gate.
          String where = module.files().isEmpty() ? module.dir() : module.files().get(0).path();
          context.error(where, 0, rule.rule().id() + " failed on module '" + module.dir() + "': " + e);
        }
      }
    }
  }

  /** The parsed file, or null after reporting why it cannot be judged. */
  private static TfFile parse(SourceFile f, ScanContext context) throws IOException {
    String path = f.path();
    byte[] bytes = f.bytes();
    if (bytes.length > MAX_BYTES) {
      context.error(path, SourceFile.lineAtByte(bytes, MAX_BYTES),
          "file is " + bytes.length + " bytes; Terraform files over " + MAX_BYTES + " bytes are not parsed (the limit is crossed on this line)");
      return null;
    }
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == 0) {
        context.error(path, SourceFile.lineAtByte(bytes, i), "binary content (a NUL byte) in a Terraform file; Terraform cannot load it");
        return null;
      }
    }
    String text = f.text();
    if (!f.isValidUtf8()) {
      int bad = text.indexOf('\uFFFD');
      context.error(path, bad < 0 ? 1 : f.lineOf(bad), "not valid UTF-8; Terraform requires UTF-8 and rejects the file");
      return null;
    }
    try {
      boolean json = path.endsWith(".json");
      if (TfFile.setsVariables(path)) {
        return new TfFile(f, json ? JsonSyntax.values(text) : HclParser.parse(text));
      }
      return new TfFile(f, json ? JsonSyntax.parse(text) : HclParser.parse(text));
    } catch (HclException e) {
      context.error(path, f.lineOf(e.offset()), (path.endsWith(".json") ? "not valid Terraform JSON: " : "not valid HCL: ") + e.getMessage());
      return null;
    }
  }

  private Set<Integer> adminPorts(ScanContext context) {
    Set<Integer> ports = new TreeSet<>(Network.ADMIN_PORTS.keySet());
    Settings settings = context.settings();
    try {
      for (String p : settings.strings(ADMIN_PORTS)) {
        int port;
        try {
          port = Integer.parseInt(p.trim());
        } catch (NumberFormatException e) {
          throw settings.errorAt(ADMIN_PORTS, "'" + ADMIN_PORTS + "' must list port numbers, not '" + p + "'");
        }
        if (port < 0 || port > 65535) {
          throw settings.errorAt(ADMIN_PORTS, "'" + ADMIN_PORTS + "': " + port + " is not a port number (0-65535)");
        }
        ports.add(port);
      }
    } catch (PolicyException e) {
      // A malformed list in the policy is that file's error; the scan goes on with the built-in ports.
      context.error(settings.file(), e.line(), e.getMessage());
    }
    return ports;
  }

}
