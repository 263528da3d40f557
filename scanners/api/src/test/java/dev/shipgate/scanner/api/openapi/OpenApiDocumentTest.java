package dev.shipgate.scanner.api.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipgate.scanner.api.model.Param;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class OpenApiDocumentTest {

  private static final String HEADER = "openapi: 3.0.3\ninfo: {title: t, version: '1'}\n";

  @Test
  void readsOperationsParametersThroughLocalRefsAndSecurity() {
    OpenApiDocument d = OpenApiDocument.parse("openapi.yaml", HEADER + """
        servers: [{url: 'https://api.example.com/v2/'}]
        security: [{oauth: [read]}]
        components:
          parameters:
            Page: {name: page, in: query, required: true, schema: {type: integer}}
            Alias: {$ref: '#/components/parameters/Page'}
        paths:
          /items:
            get:
              parameters: [{$ref: '#/components/parameters/Alias'}]
            post:
              security: []
          /items/{id}:
            delete:
              security: [{}, {oauth: [write]}]
          /open:
            get: {}
        """);
    assertThat(d.problems()).isEmpty();
    assertThat(d.basePaths()).containsExactly("/v2/");
    assertThat(d.operations()).extracting(o -> o.method() + " " + o.path() + " " + o.security() + " @" + o.line())
        .containsExactlyInAnyOrder("GET /items REQUIRED @11", "POST /items PUBLIC @13", "DELETE /items/{id} PUBLIC @16",
            "GET /open REQUIRED @19");
    assertThat(d.operations().stream().filter(o -> o.method().equals("GET") && o.path().equals("/items")).findFirst().orElseThrow()
        .params()).containsExactly(new Param("page", "query", true));
  }

  @Test
  void noSecurityAnywhereIsUnspecified() {
    OpenApiDocument d = OpenApiDocument.parse("openapi.yaml", HEADER + "paths:\n  /a:\n    get: {}\n");
    assertThat(d.operations()).singleElement().extracting(OpenApiDocument.Operation::security)
        .isEqualTo(OpenApiDocument.Security.UNSPECIFIED);
  }

  @Test
  void malformedYamlIsAProblemWithItsLine() {
    OpenApiDocument d = OpenApiDocument.parse("docs/openapi.yaml", HEADER + "paths:\n  /a:\n    get: {\n  - broken: [\n");
    assertThat(d.operations()).isEmpty();
    assertThat(d.problems()).singleElement().satisfies(p -> {
      assertThat(p.file()).isEqualTo("docs/openapi.yaml");
      assertThat(p.line()).isGreaterThanOrEqualTo(5);
      assertThat(p.message()).startsWith("OpenAPI document is not valid YAML");
    });
  }

  @Test
  void malformedJsonIsAProblemWithItsLine() {
    OpenApiDocument d = OpenApiDocument.parse("openapi.json", "{\n  \"openapi\": \"3.0.0\",\n  \"paths\": {,}\n}");
    assertThat(d.problems()).singleElement().satisfies(p -> {
      assertThat(p.line()).isEqualTo(3);
      assertThat(p.message()).startsWith("OpenAPI document is not valid JSON");
    });
  }

  @Test
  void aYamlBombIsNeverExpanded() {
    StringBuilder y = new StringBuilder(HEADER + "x-a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    for (char c = 'b'; c <= 'k'; c++) {
      char prev = (char) (c - 1);
      y.append("x-").append(c).append(": &").append(c).append(" [*").append(prev);
      for (int i = 0; i < 8; i++) {
        y.append(", *").append(prev);
      }
      y.append("]\n");
    }
    y.append("paths: {}\n");
    long start = System.nanoTime();
    OpenApiDocument d = OpenApiDocument.parse("openapi.yaml", y.toString());
    // The first pass reads an alias as its anchor's name and swagger-parser only sees that tree, so the
    // billion laughs stay nine words: the document is read at once and nothing grows.
    assertThat(System.nanoTime() - start).as("no expansion").isLessThan(10_000_000_000L);
    assertThat(d.problems()).isEmpty();
    assertThat(d.operations()).isEmpty();
  }

  @Test
  void deeplyNestedAndOversizedDocumentsAreProblemsNotCrashes() {
    String deep = "{\"openapi\":\"3.0.0\",\"x\":" + "[".repeat(50_000) + "]".repeat(50_000) + "}";
    assertThat(OpenApiDocument.parse("openapi.json", deep).problems()).singleElement()
        .satisfies(p -> assertThat(p.message()).contains("not valid JSON").contains("nesting"));
    String huge = HEADER + "x-pad: '" + "a".repeat(OpenApiDocument.MAX_BYTES) + "'\n";
    assertThat(OpenApiDocument.parse("openapi.yaml", huge).problems()).singleElement()
        .satisfies(p -> assertThat(p.message()).contains("larger than 16 MB"));
  }

  @Test
  void recursiveReferencesDoNotLoop() {
    OpenApiDocument d = OpenApiDocument.parse("openapi.yaml", HEADER + """
        components:
          schemas:
            Node: {type: object, properties: {next: {$ref: '#/components/schemas/Node'}}}
          parameters:
            A: {$ref: '#/components/parameters/B'}
            B: {$ref: '#/components/parameters/A'}
        paths:
          /nodes:
            get:
              parameters: [{$ref: '#/components/parameters/A'}]
              responses: {'200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/Node'}}}}}
        """);
    assertThat(d.operations()).singleElement().satisfies(o -> assertThat(o.params()).isEmpty());
  }

  @Test
  void remoteReferencesAreNeverFetched() throws IOException, InterruptedException {
    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      server.setSoTimeout(1500);
      AtomicInteger connections = new AtomicInteger();
      Thread listener = new Thread(() -> {
        try {
          server.accept().close();
          connections.incrementAndGet();
        } catch (SocketTimeoutException e) {
          // nobody called: what the test wants
        } catch (IOException e) {
          connections.incrementAndGet();
        }
      });
      listener.start();
      String url = "http://127.0.0.1:" + server.getLocalPort() + "/common.yaml";
      OpenApiDocument d = OpenApiDocument.parse("openapi.yaml", HEADER + "paths:\n  /a:\n    get:\n      parameters:\n"
          + "        - $ref: '" + url + "#/components/parameters/P'\n        - $ref: './shared.yaml#/Q'\n");
      listener.join();
      assertThat(connections).hasValue(0);
      assertThat(d.operations()).hasSize(1);
      assertThat(d.problems()).extracting(OpenApiDocument.Problem::message).containsExactly(
          "$ref '" + url + "#/components/parameters/P' points outside this document and was not followed (shipgate reads documents offline); its content is not checked",
          "$ref './shared.yaml#/Q' points outside this document and was not followed (shipgate reads documents offline); its content is not checked");
      assertThat(d.problems()).extracting(OpenApiDocument.Problem::line).containsExactly(7, 8);
    }
  }

  @Test
  void swagger2BasePathAndNonOpenApiFiles() {
    OpenApiDocument s2 = OpenApiDocument.parse("swagger.json",
        "{\"swagger\":\"2.0\",\"info\":{\"title\":\"t\",\"version\":\"1\"},\"basePath\":\"/api\",\"paths\":{\"/x\":{\"get\":{\"responses\":{\"200\":{\"description\":\"x\"}}}}}}");
    assertThat(s2.problems()).isEmpty();
    assertThat(s2.basePaths()).containsExactly("/api");
    assertThat(s2.operations()).extracting(o -> o.method() + " " + o.path()).containsExactly("GET /x");
    assertThat(OpenApiDocument.parse("swagger.yml", "name: not a spec\n").problems()).singleElement()
        .satisfies(p -> assertThat(p.message()).startsWith("not an OpenAPI document"));
  }

  @Test
  void conventionalNames() {
    assertThat(OpenApiDocument.conventional("openapi.yaml")).isTrue();
    assertThat(OpenApiDocument.conventional("src/main/resources/static/openapi.json")).isTrue();
    assertThat(OpenApiDocument.conventional("docs/swagger.yml")).isTrue();
    assertThat(OpenApiDocument.conventional("api/openapi.v2.yaml")).isTrue();
    assertThat(OpenApiDocument.conventional("node_modules/x/openapi.json")).isFalse();
    assertThat(OpenApiDocument.conventional("config/application.yml")).isFalse();
  }
}
