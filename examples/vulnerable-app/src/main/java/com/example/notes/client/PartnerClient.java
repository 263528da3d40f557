package com.example.notes.client;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.springframework.stereotype.Component;

@Component
public class PartnerClient {

  private final HttpClient http;

  public PartnerClient() throws Exception {
    TrustManager[] trustAll = {
      new X509TrustManager() {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {}

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {}

        @Override
        public X509Certificate[] getAcceptedIssuers() {
          return new X509Certificate[0];
        }
      }
    };
    SSLContext ssl = SSLContext.getInstance("TLS");
    ssl.init(null, trustAll, null);
    this.http = HttpClient.newBuilder().sslContext(ssl).build();
  }

  public String fetchSharedNote(String partnerUrl) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create(partnerUrl)).GET().build();
    return http.send(request, HttpResponse.BodyHandlers.ofString()).body();
  }
}
