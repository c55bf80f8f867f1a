package dev.marquee.systemtests;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/** A small HTTP client for the tests: JSON and form bodies, optional bearer token. */
public final class Api {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final String baseUrl;
  private final String clientAddress;
  private final HttpClient http;
  private final Duration timeout;

  /**
   * A client whose every request comes from an address of its own, as requests of many viewers
   * reach Marquee through a load balancer: the tests go through Liberty's trusted-proxy handling
   * (X-Forwarded-For from loopback), and per-address rate limits see many clients, not one.
   */
  public Api(String baseUrl) {
    this(baseUrl, null, HTTP, Duration.ofSeconds(30));
  }

  /** Same, through a client of its own (one that trusts a stack's HTTPS certificate). */
  public Api(String baseUrl, HttpClient http) {
    this(baseUrl, null, http, Duration.ofSeconds(30));
  }

  private Api(String baseUrl, String clientAddress, HttpClient http, Duration timeout) {
    this.baseUrl = baseUrl;
    this.clientAddress = clientAddress;
    this.http = http;
    this.timeout = timeout;
  }

  /** The same server, every request from one client address (what a rate limit sees). */
  public Api from(String address) {
    return new Api(baseUrl, address, http, timeout);
  }

  /**
   * The same server, waiting up to {@code value} for each answer (default 30 s): a client as
   * patient as the load balancer (60 s) on a machine that other work loads.
   */
  public Api patient(Duration value) {
    return new Api(baseUrl, clientAddress, http, value);
  }

  /**
   * A random address of the benchmarking range (RFC 2544, 198.18.0.0/15: 131,072 addresses, never
   * routed), a new one per call. Only ever sent as a header value; no traffic goes there.
   */
  public static String randomAddress() {
    int n = java.util.concurrent.ThreadLocalRandom.current().nextInt(1 << 17);
    return "198." + (18 + (n >> 16)) + "." + ((n >> 8) & 0xff) + "." + (n & 0xff);
  }

  public String baseUrl() {
    return baseUrl;
  }

  /** An HTTP answer. */
  public record Reply(int status, String body, HttpResponse<String> raw) {
    public JsonObject json() {
      return (JsonObject) parse();
    }

    public JsonArray array() {
      return (JsonArray) parse();
    }

    private JsonStructure parse() {
      try (var reader = Json.createReader(new StringReader(body))) {
        return reader.read();
      } catch (RuntimeException e) {
        throw new AssertionError("Not JSON (status " + status + "): " + body, e);
      }
    }

    /** The body of a 200 answer; any other status fails the test, naming what came instead. */
    public String okBody() {
      if (status != 200) {
        throw new AssertionError("Expected 200, got " + this);
      }
      return body;
    }

    public Optional<String> header(String name) {
      return raw.headers().firstValue(name);
    }

    public String contentType() {
      return header("Content-Type").orElse("");
    }

    /** The problem type slug of an RFC 9457 response, e.g. "weak-password". */
    public String problemType() {
      if (!contentType().startsWith("application/problem+json")) {
        throw new AssertionError(
            "Not problem JSON (status " + status + ", " + contentType() + "): " + body);
      }
      return json().getString("type").replace("/problems/", "");
    }

    @Override
    public String toString() {
      return status + " " + body;
    }
  }

  public Reply get(String path, String token) {
    return send(request(path, token).GET().build());
  }

  public Reply get(String path) {
    return get(path, null);
  }

  public Reply postJson(String path, String json, String token) {
    return send(
        request(path, token)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build());
  }

  public Reply postJson(String path, String json) {
    return postJson(path, json, null);
  }

  public Reply putJson(String path, String json, String token) {
    return send(
        request(path, token)
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(json))
            .build());
  }

  public Reply patchJson(String path, String json, String token) {
    return send(
        request(path, token)
            .header("Content-Type", "application/json")
            .method("PATCH", HttpRequest.BodyPublishers.ofString(json))
            .build());
  }

  public Reply putText(String path, String body, String contentType, String token) {
    return send(
        request(path, token)
            .header("Content-Type", contentType)
            .PUT(HttpRequest.BodyPublishers.ofString(body))
            .build());
  }

  public Reply putBytes(String path, byte[] body, String token) {
    return send(
        request(path, token)
            .header("Content-Type", "application/octet-stream")
            .PUT(HttpRequest.BodyPublishers.ofByteArray(body))
            .build());
  }

  /** A PUT to an absolute URL (a presigned object storage URL), without Marquee's token. */
  public static Reply putBytesTo(URI url, byte[] body) {
    return send(
        HTTP,
        HttpRequest.newBuilder(url)
            .timeout(Duration.ofSeconds(60))
            .PUT(HttpRequest.BodyPublishers.ofByteArray(body))
            .build());
  }

  /**
   * Starts a PUT that announces {@code announced} bytes, sends only {@code body}, and drops the
   * connection: a client whose network failed mid-part.
   */
  public void putAndDisconnect(String path, byte[] body, long announced, String token)
      throws IOException {
    URI uri = URI.create(baseUrl + path);
    try (var socket = new java.net.Socket(uri.getHost(), uri.getPort())) {
      String head =
          "PUT "
              + uri.getRawPath()
              + " HTTP/1.1\r\nHost: "
              + uri.getHost()
              + ":"
              + uri.getPort()
              + "\r\nAuthorization: Bearer "
              + token
              + "\r\nContent-Type: application/octet-stream\r\nContent-Length: "
              + announced
              + "\r\n\r\n";
      var out = socket.getOutputStream();
      out.write(head.getBytes(StandardCharsets.US_ASCII));
      out.write(body);
      out.flush();
    }
  }

  /** Any method with a text body and extra headers (no access token). */
  public Reply send(String method, String path, String body, Map<String, String> headers) {
    HttpRequest.Builder builder = request(path, null);
    headers.forEach(builder::header);
    return send(
        builder
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body))
            .build());
  }

  /** Sends a binary body (an image); the answer is read as text (JSON or a problem). */
  public Reply sendBytes(String method, String path, byte[] body, Map<String, String> headers) {
    HttpRequest.Builder builder = request(path, null);
    headers.forEach(builder::header);
    return send(builder.method(method, HttpRequest.BodyPublishers.ofByteArray(body)).build());
  }

  /** A GET whose answer is binary (an HLS key); returns status and bytes. */
  public HttpResponse<byte[]> getBytes(String path, Map<String, String> headers) {
    HttpRequest.Builder builder = request(path, null);
    headers.forEach(builder::header);
    try {
      return http.send(builder.GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * Any method, an optional body of the given media type and an optional token; an event stream is
   * answered with its status and headers only (its body never ends), then closed.
   */
  public Reply exchange(String method, String path, String token, String contentType, String body) {
    HttpRequest.Builder builder = request(path, token);
    if (contentType != null) {
      builder.header("Content-Type", contentType);
    }
    builder.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    try {
      HttpResponse<java.io.InputStream> response =
          http.send(builder.build(), HttpResponse.BodyHandlers.ofInputStream());
      try (java.io.InputStream in = response.body()) {
        boolean stream =
            response
                .headers()
                .firstValue("Content-Type")
                .orElse("")
                .startsWith("text/event-stream");
        String text = stream ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        HttpResponse<String> seen = new TextResponse(response, text);
        return new Reply(response.statusCode(), text, seen);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public Reply delete(String path, String token) {
    return send(request(path, token).DELETE().build());
  }

  public Reply postForm(String path, Map<String, String> form, String token) {
    String body =
        form.entrySet().stream()
            .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
            .collect(Collectors.joining("&"));
    return send(
        request(path, token)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build());
  }

  public Reply postForm(String path, Map<String, String> form) {
    return postForm(path, form, null);
  }

  /** A PUT without a body (the request's path says it all). */
  public Reply put(String path, String token) {
    return send(request(path, token).PUT(HttpRequest.BodyPublishers.noBody()).build());
  }

  public Reply post(String path, String token) {
    return send(request(path, token).POST(HttpRequest.BodyPublishers.noBody()).build());
  }

  // ---- Flows every test needs -------------------------------------------------------------

  /** A new viewer with a unique email; returns its email. */
  public String registerViewer(String password) {
    return registerViewer(password, null);
  }

  /** Same, living in {@code country} (ISO 3166-1 alpha-2; null: not said). */
  public String registerViewer(String password, String country) {
    String email = "viewer-" + UUID.randomUUID() + "@example.com";
    var body = Json.createObjectBuilder().add("email", email).add("password", password);
    if (country != null) {
      body.add("country", country);
    }
    Reply reply = postJson("/api/accounts", body.build().toString());
    if (reply.status() != 201) {
      throw new AssertionError("registration failed: " + reply);
    }
    return email;
  }

  /** Password grant for the web client; returns the token response. */
  public JsonObject signIn(String email, String password) {
    Reply reply = passwordGrant("marquee-web", email, password, null);
    if (reply.status() != 200) {
      throw new AssertionError("sign-in failed: " + reply);
    }
    return reply.json();
  }

  public Reply passwordGrant(String clientId, String email, String password, String deviceId) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("grant_type", "password");
    form.put("client_id", clientId);
    form.put("username", email);
    form.put("password", password);
    if (deviceId != null) {
      form.put("device_id", deviceId);
    }
    return postForm("/api/oauth/token", form);
  }

  public Reply refresh(String refreshToken) {
    return postForm(
        "/api/oauth/token",
        Map.of(
            "grant_type",
            "refresh_token",
            "client_id",
            "marquee-web",
            "refresh_token",
            refreshToken));
  }

  private HttpRequest.Builder request(String path, String token) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create(baseUrl + path))
            .timeout(timeout)
            .header("X-Forwarded-For", clientAddress == null ? randomAddress() : clientAddress);
    if (token != null) {
      builder.header("Authorization", "Bearer " + token);
    }
    return builder;
  }

  private Reply send(HttpRequest request) {
    return send(http, request);
  }

  private static Reply send(HttpClient client, HttpRequest request) {
    try {
      HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
      return new Reply(response.statusCode(), response.body(), response);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
