package dev.shipgate.scanner.deps.osv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.shipgate.scanner.deps.Ecosystem;
import dev.shipgate.scanner.deps.TestDatabase;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Downloads from a server this test starts on 127.0.0.1; no other network. */
class OsvUpdaterTest {

  @TempDir
  Path tmp;

  private HttpServer server;
  private final Map<String, byte[]> files = new ConcurrentHashMap<>();
  private final List<String> requested = new java.util.concurrent.CopyOnWriteArrayList<>();

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> {
      String path = exchange.getRequestURI().getRawPath();
      requested.add(path);
      byte[] body = files.get(path);
      exchange.sendResponseHeaders(body == null ? 404 : 200, body == null ? -1 : body.length);
      if (body != null) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(body);
        }
      }
      exchange.close();
    });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private URI base() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/osv/");
  }

  private static byte[] zipOf(Path... records) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      for (Path r : records) {
        zip.putNextEntry(new ZipEntry(r.getFileName().toString()));
        zip.write(Files.readAllBytes(r));
        zip.closeEntry();
      }
    }
    return bytes.toByteArray();
  }

  @Test
  void downloadsEachEcosystemsExportAndImportsIt() throws Exception {
    files.put("/osv/npm/all.zip", zipOf(TestDatabase.RECORDS.resolve("npm/GHSA-35jh-r3h4-6jhm.json")));
    files.put("/osv/crates.io/all.zip", zipOf(TestDatabase.RECORDS.resolve("crates/RUSTSEC-2021-0078.json")));
    OsvUpdater.Result r = new OsvUpdater().update(tmp, base(), List.of(Ecosystem.NPM, Ecosystem.CRATES_IO));
    assertThat(r.failures()).isEmpty();
    assertThat(requested).containsExactly("/osv/npm/all.zip", "/osv/crates.io/all.zip");
    OsvDatabase db = OsvDatabase.open(tmp).orElseThrow();
    assertThat(db.lookup(Ecosystem.NPM, "lodash")).extracting(OsvEntry::id).containsExactly("GHSA-35jh-r3h4-6jhm");
    assertThat(db.lookup(Ecosystem.CRATES_IO, "hyper")).hasSize(1);
  }

  @Test
  void aFailedDownloadKeepsThatEcosystemsPreviousIndex() throws Exception {
    TestDatabase.build(tmp);
    files.put("/osv/npm/all.zip", zipOf(TestDatabase.RECORDS.resolve("npm/GHSA-35jh-r3h4-6jhm.json")));
    OsvUpdater.Result r = new OsvUpdater().update(tmp, base(), List.of(Ecosystem.NPM, Ecosystem.MAVEN));
    assertThat(r.failures()).singleElement().asString().startsWith("Maven: ").contains("HTTP 404");
    OsvDatabase db = OsvDatabase.open(tmp).orElseThrow();
    assertThat(db.lookup(Ecosystem.MAVEN, "org.apache.logging.log4j:log4j-core")).hasSize(2);
    assertThat(db.lookup(Ecosystem.NPM, "minimist")).isEmpty();
  }

  @Test
  void oversizedDownloadsAreRefused() throws Exception {
    files.put("/osv/npm/all.zip", new byte[4096]);
    OsvUpdater small = new OsvUpdater(HttpClient.newHttpClient(), new OsvImporter(), 1024);
    OsvUpdater.Result r = small.update(tmp, base(), List.of(Ecosystem.NPM));
    assertThat(r.failures()).singleElement().asString().contains("exceeds 1024 bytes");
    assertThat(r.imported()).isNull();
    assertThat(OsvDatabase.open(tmp)).isEmpty();
  }

  @Test
  void onlyHttpUrlsAreAccepted() {
    assertThatThrownBy(() -> new OsvUpdater().update(tmp, URI.create("file:///etc/"), List.of(Ecosystem.NPM)))
        .isInstanceOf(IOException.class).hasMessageContaining("http or https");
  }
}
