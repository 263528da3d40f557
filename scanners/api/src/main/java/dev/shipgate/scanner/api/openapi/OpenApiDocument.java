package dev.shipgate.scanner.api.openapi;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.shipgate.scanner.api.model.Param;
import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.servers.Server;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.net.URI;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * An OpenAPI 3.x or Swagger 2 document, read offline: a first pass with Jackson under size and nesting
 * limits finds syntax errors with their position and removes every {@code $ref} that points outside the
 * document, then swagger-parser reads that tree (never the raw text) with reference resolution off. Jackson
 * reads a YAML alias as its anchor's name, so alias bombs are never expanded (and a document that reuses
 * content through anchors loses the reused parts).
 */
public final class OpenApiDocument {

  /** Documents larger than this are not read (a generated spec of a very large API is a few MB). */
  public static final int MAX_BYTES = 16 << 20;
  private static final int MAX_ALIASES = 50;
  private static final int MAX_DEPTH = 200;
  private static final int MAX_REF_HOPS = 8;

  /** Whether an operation asks for authentication: a non-empty requirement, {@code security: []}, or nothing. */
  public enum Security { REQUIRED, PUBLIC, UNSPECIFIED }

  /** One documented operation; {@code line} is where its method key is in the file (0 when not found). */
  public record Operation(String method, String path, List<Param> params, Security security, String file, int line) {}

  /** A reason the document (or part of it) could not be read. */
  public record Problem(String file, int line, String message) {}

  private final String file;
  private final List<Operation> operations;
  private final List<String> basePaths;
  private final List<Problem> problems;

  private OpenApiDocument(String file, List<Operation> operations, List<String> basePaths, List<Problem> problems) {
    this.file = file;
    this.operations = List.copyOf(operations);
    this.basePaths = List.copyOf(basePaths);
    this.problems = List.copyOf(problems);
  }

  public String file() {
    return file;
  }

  public List<Operation> operations() {
    return operations;
  }

  /** Path parts of the {@code servers} URLs (Swagger 2's {@code basePath}), "" when none. */
  public List<String> basePaths() {
    return basePaths;
  }

  /** Problems; when one is fatal, {@link #operations} is empty. */
  public List<Problem> problems() {
    return problems;
  }

  /** Whether {@code path} is at a conventional location for an OpenAPI document. */
  public static boolean conventional(String path) {
    String name = path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
    return name.matches("(openapi|swagger|api-docs|openapi-spec|api-spec)([.-][\\w.-]+)?\\.(ya?ml|json)")
        && !path.contains("node_modules/");
  }

  public static OpenApiDocument parse(String file, String text) {
    List<Problem> problems = new ArrayList<>();
    if (text.length() > MAX_BYTES) {
      problems.add(new Problem(file, 0, "OpenAPI document larger than " + (MAX_BYTES >> 20) + " MB: not read"));
      return new OpenApiDocument(file, List.of(), List.of(), problems);
    }
    JsonNode tree;
    try {
      tree = mapper(file, text).readTree(text);
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      int line = at == null ? 0 : Math.max(0, at.getLineNr());
      problems.add(new Problem(file, line, "OpenAPI document is not valid " + (json(file, text) ? "JSON" : "YAML") + ": "
          + e.getOriginalMessage()));
      return new OpenApiDocument(file, List.of(), List.of(), problems);
    } catch (RuntimeException e) {
      problems.add(new Problem(file, 0, "OpenAPI document could not be read: " + e.getMessage()));
      return new OpenApiDocument(file, List.of(), List.of(), problems);
    }
    if (tree == null || !tree.isObject() || !(tree.has("openapi") || tree.has("swagger"))) {
      problems.add(new Problem(file, 1, "not an OpenAPI document: no top-level 'openapi' or 'swagger' key"));
      return new OpenApiDocument(file, List.of(), List.of(), problems);
    }
    Set<String> external = new LinkedHashSet<>();
    dropExternalRefs(tree, external, 0);
    String[] lines = text.split("\n", -1);
    for (String ref : external) {
      problems.add(new Problem(file, lineOf(lines, ref), "$ref '" + ref
          + "' points outside this document and was not followed (shipgate reads documents offline); its content is not checked"));
    }
    ParseOptions options = new ParseOptions();
    options.setResolve(false);
    options.setValidateExternalRefs(false);
    options.setSafelyResolveURL(true);
    options.setRemoteRefBlockList(List.of("*"));
    SwaggerParseResult result;
    try {
      result = new OpenAPIParser().readContents(tree.toString(), null, options);
    } catch (RuntimeException | StackOverflowError e) {
      problems.add(new Problem(file, 0, "swagger-parser failed on the document: " + e));
      return new OpenApiDocument(file, List.of(), List.of(), problems);
    }
    OpenAPI api = result == null ? null : result.getOpenAPI();
    if (api == null) {
      String why = result == null || result.getMessages() == null ? "no details" : String.join("; ", result.getMessages());
      problems.add(new Problem(file, 0, "swagger-parser could not read the document: " + why));
      return new OpenApiDocument(file, List.of(), List.of(), problems);
    }
    return new OpenApiDocument(file, operations(file, api, lines), basePaths(api), problems);
  }

  private static boolean json(String file, String text) {
    return file.toLowerCase(Locale.ROOT).endsWith(".json") || text.stripLeading().startsWith("{");
  }

  private static ObjectMapper mapper(String file, String text) {
    StreamReadConstraints limits = StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH)
        .maxStringLength(MAX_BYTES).build();
    if (json(file, text)) {
      ObjectMapper m = new ObjectMapper();
      m.getFactory().setStreamReadConstraints(limits);
      return m;
    }
    LoaderOptions loader = new LoaderOptions();
    loader.setMaxAliasesForCollections(MAX_ALIASES);
    loader.setAllowRecursiveKeys(false);
    loader.setNestingDepthLimit(MAX_DEPTH);
    loader.setCodePointLimit(MAX_BYTES);
    YAMLFactory yaml = YAMLFactory.builder().loaderOptions(loader).streamReadConstraints(limits).build();
    return new ObjectMapper(yaml);
  }

  /** Removes {@code $ref}s to other files or URLs so nothing outside the document is ever fetched. */
  private static void dropExternalRefs(JsonNode node, Set<String> external, int depth) {
    if (depth > MAX_DEPTH) {
      return;
    }
    if (node instanceof ObjectNode obj) {
      JsonNode ref = obj.get("$ref");
      if (ref != null && (!ref.isTextual() || !ref.asText().startsWith("#"))) {
        external.add(ref.asText());
        obj.remove("$ref");
      }
    }
    for (Iterator<JsonNode> it = node.elements(); it.hasNext(); ) {
      dropExternalRefs(it.next(), external, depth + 1);
    }
  }

  private static List<Operation> operations(String file, OpenAPI api, String[] lines) {
    List<Operation> out = new ArrayList<>();
    if (api.getPaths() == null) {
      return out;
    }
    Map<String, Integer> keyLines = keyLines(lines);
    for (Map.Entry<String, PathItem> e : api.getPaths().entrySet()) {
      PathItem item = e.getValue();
      if (item == null) {
        continue;
      }
      int pathLine = keyLines.getOrDefault(e.getKey(), 0);
      for (Map.Entry<PathItem.HttpMethod, io.swagger.v3.oas.models.Operation> op : item.readOperationsMap().entrySet()) {
        List<Param> params = new ArrayList<>();
        addParams(api, item.getParameters(), params);
        addParams(api, op.getValue().getParameters(), params);
        String method = op.getKey().name();
        out.add(new Operation(method, e.getKey(), params, security(api, op.getValue()), file,
            methodLine(lines, pathLine, method.toLowerCase(Locale.ROOT))));
      }
    }
    return out;
  }

  private static void addParams(OpenAPI api, List<Parameter> declared, List<Param> out) {
    if (declared == null) {
      return;
    }
    for (Parameter p : declared) {
      Parameter resolved = p;
      for (int hop = 0; resolved != null && resolved.get$ref() != null && hop < MAX_REF_HOPS; hop++) {
        String ref = resolved.get$ref();
        String name = ref.substring(ref.lastIndexOf('/') + 1);
        resolved = api.getComponents() == null || api.getComponents().getParameters() == null ? null
            : api.getComponents().getParameters().get(name);
      }
      if (resolved == null || resolved.getName() == null || resolved.getIn() == null) {
        continue;
      }
      String name = resolved.getName();
      String in = resolved.getIn();
      out.removeIf(q -> q.name().equals(name) && q.in().equals(in));
      out.add(new Param(name, in, Boolean.TRUE.equals(resolved.getRequired())));
    }
  }

  private static Security security(OpenAPI api, io.swagger.v3.oas.models.Operation op) {
    List<SecurityRequirement> reqs = op.getSecurity() != null ? op.getSecurity() : api.getSecurity();
    if (reqs == null) {
      return Security.UNSPECIFIED;
    }
    for (SecurityRequirement r : reqs) {
      if (r == null || r.isEmpty()) {
        return Security.PUBLIC; // an empty alternative ({}) makes authentication optional
      }
    }
    return reqs.isEmpty() ? Security.PUBLIC : Security.REQUIRED;
  }

  private static List<String> basePaths(OpenAPI api) {
    Set<String> out = new LinkedHashSet<>();
    if (api.getServers() != null) {
      for (Server s : api.getServers()) {
        if (s == null || s.getUrl() == null) {
          continue;
        }
        String url = s.getUrl().replaceAll("\\{[^}]*}", "x");
        try {
          String path = URI.create(url).getPath();
          if (path != null && !path.isEmpty() && !path.equals("/")) {
            out.add(path);
          }
        } catch (IllegalArgumentException e) {
          // an unparsable server URL contributes no base path
        }
      }
    }
    return List.copyOf(out);
  }

  /** The first line of each mapping key (quoted or not), read in one pass. */
  private static Map<String, Integer> keyLines(String[] lines) {
    Map<String, Integer> out = new java.util.HashMap<>();
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("^\\s*(?:-\\s+)?(?:\"([^\"]+)\"|'([^']+)'|([^\\s:#'\"{}\\[\\],][^:#]*?))\\s*:").matcher("");
    for (int i = 0; i < lines.length; i++) {
      if (m.reset(lines[i]).find()) {
        String key = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
        out.putIfAbsent(key, i + 1);
      }
    }
    return out;
  }

  /** The first line mentioning {@code key} as a key or a {@code $ref} value, 0 when not found. */
  static int lineOf(String[] lines, String key) {
    for (int i = 0; i < lines.length; i++) {
      String t = lines[i].trim();
      if (t.startsWith(key + ":") || t.startsWith("\"" + key + "\"") || t.startsWith("'" + key + "'") || t.startsWith("- " + key)
          || t.contains("\"$ref\": \"" + key + "\"") || t.contains("$ref: " + key) || t.contains("$ref: '" + key + "'")
          || t.contains("$ref: \"" + key + "\"")) {
        return i + 1;
      }
    }
    return 0;
  }

  private static int methodLine(String[] lines, int pathLine, String method) {
    if (pathLine == 0) {
      return 0;
    }
    int indent = indent(lines[pathLine - 1]);
    for (int i = pathLine; i < lines.length; i++) {
      String t = lines[i].trim();
      if (!t.isEmpty() && !t.startsWith("#") && indent(lines[i]) <= indent) {
        break;
      }
      if (t.startsWith(method + ":") || t.startsWith("\"" + method + "\"") || t.startsWith("'" + method + "'")) {
        return i + 1;
      }
    }
    return pathLine;
  }

  private static int indent(String line) {
    int i = 0;
    while (i < line.length() && line.charAt(i) == ' ') {
      i++;
    }
    return i;
  }
}
