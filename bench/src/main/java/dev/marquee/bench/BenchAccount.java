package dev.marquee.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The viewer account the load runs as, created through the public API like any client would. */
final class BenchAccount {
  static final String EMAIL = "bench@example.com";
  static final String PASSWORD = "steady load on loopback 7";
  static final String CLIENT_ID = "marquee-web";

  private static final Pattern ACCESS_TOKEN =
      Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
  // Registration and password grants each run Argon2id; allow for a slow machine.
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String baseUrl;

  BenchAccount(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  /** The form the password grant takes; the token benchmark posts exactly this. */
  static String passwordGrantForm() {
    return "grant_type=password&client_id="
        + encode(CLIENT_ID)
        + "&username="
        + encode(EMAIL)
        + "&password="
        + encode(PASSWORD);
  }

  /** Registers the account (the home is fresh, so it must not exist yet). */
  void register() throws IOException, InterruptedException {
    String json = "{\"email\":\"" + EMAIL + "\",\"password\":\"" + PASSWORD + "\"}";
    HttpResponse<String> response =
        send(
            HttpRequest.newBuilder(URI.create(baseUrl + "/api/accounts"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    if (response.statusCode() != 201) {
      throw new IllegalStateException(
          "Registration answered " + response.statusCode() + ": " + response.body());
    }
  }

  /** A fresh access token from the password grant. */
  String accessToken() throws IOException, InterruptedException {
    HttpResponse<String> response =
        send(
            HttpRequest.newBuilder(URI.create(baseUrl + "/api/oauth/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(passwordGrantForm())));
    Matcher token = ACCESS_TOKEN.matcher(response.body());
    if (response.statusCode() != 200 || !token.find()) {
      throw new IllegalStateException(
          "Token endpoint answered " + response.statusCode() + ": " + response.body());
    }
    return token.group(1);
  }

  /**
   * Sends the endpoint's request once and insists on a 2xx, so that a missing route or a rejected
   * token fails here with its answer instead of as a fast table of 4xx responses.
   */
  void preflight(Endpoint endpoint) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + endpoint.path()));
    for (String header : endpoint.headers()) {
      int colon = header.indexOf(':');
      request.header(header.substring(0, colon).strip(), header.substring(colon + 1).strip());
    }
    if (endpoint.body() != null) {
      request.header("Content-Type", endpoint.contentType());
      request.method(endpoint.method(), HttpRequest.BodyPublishers.ofString(endpoint.body()));
    } else {
      request.method(endpoint.method(), HttpRequest.BodyPublishers.noBody());
    }
    HttpResponse<String> response = send(request);
    if (response.statusCode() / 100 != 2) {
      throw new IllegalStateException(
          endpoint.label() + " answered " + response.statusCode() + ": " + response.body());
    }
  }

  private HttpResponse<String> send(HttpRequest.Builder request)
      throws IOException, InterruptedException {
    return http.send(
        request.timeout(REQUEST_TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
