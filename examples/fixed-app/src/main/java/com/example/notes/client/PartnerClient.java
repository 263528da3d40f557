package com.example.notes.client;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.springframework.stereotype.Component;

@Component
public class PartnerClient {

  // The JDK's default trust store and host name verification; a private CA belongs in the trust store, not in code.
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  public String fetchSharedNote(String partnerUrl) throws Exception {
    URI uri = URI.create(partnerUrl);
    if (!"https".equals(uri.getScheme()) || !"partner.example.com".equals(uri.getHost())) {
      throw new IllegalArgumentException("only the partner's HTTPS API may be called");
    }
    HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET().build();
    return http.send(request, HttpResponse.BodyHandlers.ofString()).body();
  }
}
