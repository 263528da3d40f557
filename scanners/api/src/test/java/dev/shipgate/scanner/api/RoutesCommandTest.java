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
}
