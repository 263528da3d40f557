package dev.shipgate.scanner.deps.osv;

import dev.shipgate.scanner.deps.Ecosystem;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * {@code shipgate db update}: downloads each ecosystem's {@code <base>/<Ecosystem>/all.zip} (the layout of
 * OSV's public bucket) and imports what arrived. Only this command touches the network; scans never do. An
 * ecosystem whose download fails keeps its previous index and is listed in the result.
 */
public final class OsvUpdater {

  /** OSV's public export bucket. */
  public static final URI DEFAULT_BASE = URI.create("https://osv-vulnerabilities.storage.googleapis.com/");

  /** The full npm export is a few hundred MB; anything far beyond that is refused. */
  static final long MAX_DOWNLOAD_BYTES = 4L * 1024 * 1024 * 1024;

  /** Ecosystems that were imported, and those that could not be fetched with the reason. */
  public record Result(OsvImporter.Result imported, List<String> failures) {}

  private final HttpClient client;
  private final OsvImporter importer;
  private final long maxBytes;

  public OsvUpdater() {
    this(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(20)).followRedirects(HttpClient.Redirect.NORMAL).build(), new OsvImporter(),
        MAX_DOWNLOAD_BYTES);
  }

  public OsvUpdater(HttpClient client, OsvImporter importer, long maxBytes) {
    this.client = client;
    this.importer = importer;
    this.maxBytes = maxBytes;
  }

  public Result update(Path database, URI base, Collection<Ecosystem> ecosystems) throws IOException {
    String scheme = base.getScheme() == null ? "" : base.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("https") && !scheme.equals("http")) {
      throw new IOException("advisory download URL must be http or https: " + base);
    }
    URI root = base.toString().endsWith("/") ? base : URI.create(base + "/");
    Path tmp = Files.createTempDirectory("shipgate-osv-");
    List<String> failures = new ArrayList<>();
    List<Path> fetched = new ArrayList<>();
    try {
      for (Ecosystem e : ecosystems) {
        URI url = root.resolve(URLEncoder.encode(e.osvName(), StandardCharsets.UTF_8).replace("+", "%20") + "/all.zip");
        Path target = tmp.resolve(e.purlType() + ".zip");
        try {
          download(url, target);
          fetched.add(target);
        } catch (IOException ex) {
          failures.add(e.osvName() + ": " + url + ": " + ex.getMessage());
        }
      }
      OsvImporter.Result imported = fetched.isEmpty() ? null : importer.importInto(database, fetched);
      return new Result(imported, List.copyOf(failures));
    } finally {
      try (Stream<Path> s = Files.walk(tmp)) {
        s.sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete());
      }
    }
  }

  private void download(URI url, Path target) throws IOException {
    HttpRequest request = HttpRequest.newBuilder(url).timeout(Duration.ofMinutes(10)).GET().build();
    HttpResponse<InputStream> response;
    try {
      response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
    try (InputStream in = response.body()) {
      if (response.statusCode() != 200) {
        throw new IOException("HTTP " + response.statusCode());
      }
      try (OutputStream out = Files.newOutputStream(target)) {
        byte[] buf = new byte[1 << 16];
        long total = 0;
        int n;
        while ((n = in.read(buf)) > 0) {
          total += n;
          if (total > maxBytes) {
            throw new IOException("download exceeds " + maxBytes + " bytes");
          }
          out.write(buf, 0, n);
        }
      }
    }
  }
}
