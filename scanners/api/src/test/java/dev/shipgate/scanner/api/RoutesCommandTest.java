package dev.shipgate.scanner.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shipgate.scanner.api.command.RoutesCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class RoutesCommandTest {

  private record Run(int code, String out, String err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = new CommandLine(new RoutesCommand());
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int code = cl.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void printsTheShopInventoryWithDecisionsAndDrift() {
    Path shop = AppFixtures.resource("apps/shop");
    Run r = run(shop.toString(), "--config", shop.resolve("api-policy-as-shipgate.yml").toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out())
        .contains("Routes (context path /shop):")
        .containsPattern("GET +/api/debug/env +public +shop-web/src/main/java/com/shop/web/DebugController.java:\\d+ +\\[spring]")
        .containsPattern("GET +/api/products/featured +public \\(listed public\\)")
        .containsPattern("GET +/jaxrs/inventory/\\{sku} +restricted +shop-inventory/")
        .contains("first matching rule: requestMatchers(DEBUG_PATHS)")
        .contains("undocumented: GET /api/debug/env")
        .contains("stale: GET /api/v1/coupons is documented but no handler serves it")
        .contains("method-mismatch: PUT /api/products/{id} is served, but the OpenAPI document lists only GET, PATCH for this path");
  }

  @Test
  void writesJsonWithAnExplicitDocumentAndRejectsUnknownFormats(@TempDir Path tmp) throws Exception {
    Path shop = AppFixtures.resource("apps/shop");
    Path json = tmp.resolve("routes.json");
    Run r = run(shop.toString(), "--openapi", shop.resolve("shop-web/src/main/resources/static/openapi.yaml").toString(),
        "--format", "json=" + json);
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode root = new ObjectMapper().readTree(Files.readString(json));
    assertThat(root.get("schema").asText()).isEqualTo("shipgate-routes/1");
    assertThat(root.get("contextPath").asText()).isEqualTo("/shop");
    assertThat(root.get("routes")).hasSize(20);
    assertThat(root.get("drift")).hasSize(5);
    assertThat(root.get("openapi").get(0).asText()).isEqualTo("shop-web/src/main/resources/static/openapi.yaml");
    JsonNode order = null;
    for (JsonNode n : root.get("routes")) {
      if (n.get("path").asText().equals("/api/orders/{orderId}")) {
        order = n;
      }
    }
    assertThat(order).isNotNull();
    assertThat(order.get("access").asText()).isEqualTo("authenticated");
    assertThat(order.get("parameters").get(0).get("name").asText()).isEqualTo("orderId");
    assertThat(order.get("objectAccessWithoutPrincipal").get("loader").asText()).isEqualTo("orders.findById");
    assertThat(run(shop.toString(), "--format", "sarif").code()).isEqualTo(2);
    assertThat(run(tmp.resolve("missing").toString()).code()).isEqualTo(2);
  }

  @Test
  void anUnreadableDocumentExitsThreeAndNamesIt(@TempDir Path tmp) throws Exception {
    Files.writeString(tmp.resolve("openapi.json"), "{\"openapi\": \"3.0.0\", \"paths\": {,}}");
    Run r = run(tmp.toString());
    assertThat(r.code()).isEqualTo(3);
    assertThat(r.err()).contains("error: openapi.json:1: OpenAPI document is not valid JSON");
    assertThat(r.out()).contains("0 routes, 0 reachable without authentication");
  }
}
