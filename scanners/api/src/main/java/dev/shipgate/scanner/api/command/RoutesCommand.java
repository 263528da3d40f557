package dev.shipgate.scanner.api.command;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shipgate.core.policy.Policy;
import dev.shipgate.core.policy.PolicyException;
import dev.shipgate.core.policy.PolicyLoader;
import dev.shipgate.core.policy.Settings;
import dev.shipgate.core.scan.SourceFile;
import dev.shipgate.core.walk.FileWalker;
import dev.shipgate.scanner.api.ApiPolicy;
import dev.shipgate.scanner.api.Inventory;
import dev.shipgate.scanner.api.model.Route;
import dev.shipgate.scanner.api.openapi.Drift;
import dev.shipgate.scanner.api.openapi.OpenApiDocument;
import dev.shipgate.scanner.java.frontend.ParseProblem;
import dev.shipgate.scanner.java.frontend.ParsedSources;
import dev.shipgate.scanner.java.taint.Models;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code shipgate routes}: the route inventory of a tree (method, path, handler, auth decision and why)
 * and its drift against the OpenAPI document. Exit 0 when the inventory was printed, 2 for usage or
 * policy errors, 3 when some input could not be read (the inventory may then be incomplete).
 */
@Command(name = "routes", mixinStandardHelpOptions = true,
    description = "Print every HTTP route with its handler and auth decision, and the drift against the OpenAPI document.")
public final class RoutesCommand implements Callable<Integer> {

  @Parameters(index = "0", arity = "0..1", paramLabel = "PATH", description = "Directory to read (default: .)")
  Path path = Path.of(".");

  @Option(names = "--openapi", paramLabel = "FILE",
      description = "OpenAPI 3.x or Swagger 2 document (default: scanners.api.openapi, then conventional names such as openapi.yaml)")
  Path openapi;

  @Option(names = "--config", paramLabel = "FILE", description = "Policy to read scanners.api from (default: shipgate.yml in PATH)")
  Path config;

  @Option(names = "--format", paramLabel = "json=FILE", split = ",",
      description = "Also write the inventory as JSON: json=FILE (or json alone for stdout instead of the table)")
  List<String> formats = new ArrayList<>();

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Path root = path.toAbsolutePath().normalize();
    if (!Files.isDirectory(root)) {
      err.println("shipgate routes: " + path + " is not a directory");
      return 2;
    }
    String jsonTarget = null;
    for (String f : formats) {
      if (!f.equals("json") && !f.startsWith("json=")) {
        err.println("shipgate routes: --format supports json or json=FILE, not '" + f + "'");
        return 2;
      }
      jsonTarget = f.equals("json") ? "-" : f.substring(5);
    }
    ApiPolicy policy;
    try {
      policy = policy(root);
    } catch (PolicyException e) {
      err.println("shipgate routes: " + e.getMessage());
      return 2;
    }
    List<String> problems = new ArrayList<>();
    List<SourceFile> java = new ArrayList<>();
    List<SourceFile> others = new ArrayList<>();
    List<OpenApiDocument> docs = new ArrayList<>();
    List<String> named = new ArrayList<>(policy.openapi());
    for (SourceFile f : new FileWalker(root, null, Policy.defaults()).walk().files()) {
      if (ParsedSources.isJavaSource(f.path())) {
        java.add(f);
      } else if (openapi == null && (named.isEmpty() ? OpenApiDocument.conventional(f.path()) : named.contains(f.path()))) {
        named.remove(f.path());
        docs.add(OpenApiDocument.parse(f.path(), f.text()));
      } else if (Inventory.isSupportingFile(f.path())) {
        others.add(f);
      }
    }
    if (openapi != null) {
      Path doc = openapi.toAbsolutePath().normalize();
      if (!Files.isRegularFile(doc)) {
        err.println("shipgate routes: --openapi " + openapi + " is not a file");
        return 2;
      }
      String display = doc.startsWith(root) ? root.relativize(doc).toString().replace('\\', '/') : doc.toString();
      docs.add(OpenApiDocument.parse(display, Files.readString(doc, StandardCharsets.UTF_8)));
    } else {
      named.forEach(n -> problems.add(n + ": named in scanners.api.openapi but not found"));
    }
    ParsedSources parsed = ParsedSources.parse(java, Models.loadDefault());
    for (ParseProblem p : parsed.parse().problems()) {
      problems.add(p.path() + ":" + p.line() + ": routes not read: " + p.message());
    }
    docs.forEach(d -> d.problems().forEach(p -> problems.add(p.file() + (p.line() > 0 ? ":" + p.line() : "") + ": " + p.message())));
    Inventory inventory = Inventory.build(parsed.project(), others, docs, policy);
    if (!"-".equals(jsonTarget)) {
      printTable(inventory, out);
    }
    if (jsonTarget != null) {
      String json = json(inventory, problems);
      if (jsonTarget.equals("-")) {
        out.println(json);
      } else {
        Files.writeString(Path.of(jsonTarget), json + "\n", StandardCharsets.UTF_8);
      }
    }
    problems.forEach(p -> err.println("error: " + p));
    out.flush();
    return problems.isEmpty() ? 0 : 3;
  }

  private ApiPolicy policy(Path root) throws PolicyException, IOException {
    Path file = config != null ? config : root.resolve(PolicyLoader.FILE_NAME);
    if (!Files.isRegularFile(file)) {
      if (config != null) {
        throw new PolicyException(config.toString(), 0, 0, "no such file");
      }
      return ApiPolicy.DEFAULT;
    }
    String name = file.getFileName().toString();
    Node doc;
    try {
      LoadSettings settings = LoadSettings.builder().setLabel(name).setUseMarks(true).build();
      doc = new Composer(settings, new ParserImpl(settings, new StreamReader(settings, Files.readString(file)))).getSingleNode().orElse(null);
    } catch (RuntimeException e) {
      throw new PolicyException(name, 0, 0, "not valid YAML: " + e.getMessage());
    }
    Node api = child(child(doc, "scanners"), "api");
    return api == null ? ApiPolicy.DEFAULT : ApiPolicy.from(Settings.of(name, api, "scanners.api"));
  }

  private static Node child(Node node, String key) {
    if (node instanceof MappingNode m) {
      for (NodeTuple t : m.getValue()) {
        if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
          return t.getValueNode();
        }
      }
    }
    return null;
  }

  private static void printTable(Inventory inv, PrintWriter out) {
    int pathWidth = Math.min(60, inv.entries().stream().mapToInt(e -> e.route().path().length()).max().orElse(10));
    out.println("Routes" + (inv.contextPath().isEmpty() ? "" : " (context path " + inv.contextPath() + ")") + ":");
    for (Inventory.Entry e : inv.entries()) {
      Route r = e.route();
      out.printf(Locale.ROOT, "  %-7s %-" + pathWidth + "s  %-24s %s:%d  [%s]%n      %s%n", r.method(), r.path(), e.decision().summary(),
          r.file(), r.line(), r.framework(), e.decision().reason());
      if (e.objectAccess() != null) {
        out.printf(Locale.ROOT, "      object loaded by '%s' without a principal or tenant check (%s:%d)%n", e.objectAccess().idParam(),
            e.objectAccess().file(), e.objectAccess().line());
      }
    }
    long open = inv.entries().stream().filter(e -> e.decision().access().open() && !e.decision().listedPublic()).count();
    out.println(inv.entries().size() + " routes, " + open + " reachable without authentication and not listed public");
    if (inv.documents().isEmpty()) {
      out.println("No OpenAPI document (give one with --openapi or scanners.api.openapi).");
      return;
    }
    out.println();
    out.println("Drift against " + String.join(", ", inv.documents().stream().map(OpenApiDocument::file).toList()) + ":");
    for (Drift.Item d : inv.drift()) {
      out.println("  " + d.kind().name().toLowerCase(Locale.ROOT).replace('_', '-') + ": " + d.message());
    }
    out.println(inv.drift().size() + " differences");
  }

  private static String json(Inventory inv, List<String> problems) throws IOException {
    ObjectMapper m = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = m.createObjectNode();
    root.put("schema", "shipgate-routes/1");
    root.put("contextPath", inv.contextPath());
    ArrayNode routes = root.putArray("routes");
    for (Inventory.Entry e : inv.entries()) {
      Route r = e.route();
      ObjectNode n = routes.addObject();
      n.put("method", r.method());
      n.put("path", r.path());
      n.put("framework", r.framework());
      n.put("handler", r.handler());
      n.put("file", r.file());
      n.put("line", r.line());
      n.put("access", e.decision().access().label());
      n.put("certain", e.decision().certain());
      n.put("listedPublic", e.decision().listedPublic());
      n.put("reason", e.decision().reason());
      ArrayNode params = n.putArray("parameters");
      r.params().forEach(p -> params.addObject().put("name", p.name()).put("in", p.in()).put("required", p.required()));
      if (e.objectAccess() != null) {
        n.putObject("objectAccessWithoutPrincipal").put("id", e.objectAccess().idParam()).put("loader", e.objectAccess().loader())
            .put("file", e.objectAccess().file()).put("line", e.objectAccess().line());
      }
    }
    ArrayNode docs = root.putArray("openapi");
    inv.documents().forEach(d -> docs.add(d.file()));
    ArrayNode drift = root.putArray("drift");
    for (Drift.Item d : inv.drift()) {
      ObjectNode n = drift.addObject();
      n.put("kind", d.kind().name().toLowerCase(Locale.ROOT).replace('_', '-'));
      n.put("message", d.message());
      if (d.entry() != null) {
        n.put("file", d.entry().route().file()).put("line", d.entry().route().line());
      } else {
        n.put("file", d.operation().file()).put("line", d.operation().line());
      }
    }
    ArrayNode errors = root.putArray("errors");
    problems.forEach(errors::add);
    return m.writeValueAsString(root);
  }
}
