package dev.marquee.devstack;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;

/** A small client of Marquee's public API for tools (demo title, benchmarks). */
public final class MarqueeClient {
  private final String baseUrl;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  public MarqueeClient(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  /** Password grant for the command-line client; returns the access token. */
  public String signIn(String email, String password) throws IOException, InterruptedException {
    String form =
        "grant_type=password&client_id=marquee-cli&username="
            + URLEncoder.encode(email, StandardCharsets.UTF_8)
            + "&password="
            + URLEncoder.encode(password, StandardCharsets.UTF_8);
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(baseUrl + "/api/oauth/token"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build();
    return ((JsonObject) json(send(request, 200))).getString("access_token");
  }

  /** Uploads a master part by part (streamed from disk) and completes it; returns the title id. */
  public String uploadMaster(String token, Path master, JsonObject title) throws Exception {
    JsonObject request =
        Json.createObjectBuilder()
            .add("title", title)
            .add("fileName", master.getFileName().toString())
            .add("sizeBytes", Files.size(master))
            .add("sha256", sha256(master))
            .build();
    JsonObject upload =
        (JsonObject)
            json(
                send(
                    authorized("/api/ingest/uploads", token)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(request.toString()))
                        .build(),
                    201));
    String id = upload.getString("id");
    long partSize = upload.getJsonNumber("partSize").longValue();
    int parts = upload.getInt("partCount");
    try (var channel = FileChannel.open(master)) {
      for (int n = 1; n <= parts; n++) {
        long from = (n - 1) * partSize;
        int length = (int) Math.min(partSize, channel.size() - from);
        ByteBuffer buffer = ByteBuffer.allocate(length);
        channel.read(buffer, from);
        send(
            authorized("/api/ingest/uploads/" + id + "/parts/" + n, token)
                .header("Content-Type", "application/octet-stream")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(buffer.array()))
                .build(),
            200);
      }
    }
    JsonObject done =
        (JsonObject)
            json(
                send(
                    authorized("/api/ingest/uploads/" + id + "/complete", token)
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                    200));
    return done.getString("titleId");
  }

  /**
   * Any call with a JSON body (or none) and extra headers; fails unless it answers {@code
   * expected}.
   */
  public JsonStructure send(
      String method,
      String path,
      String token,
      String jsonBody,
      Map<String, String> headers,
      int expected)
      throws IOException, InterruptedException {
    HttpRequest.Builder builder = authorized(path, token);
    headers.forEach(builder::header);
    if (jsonBody != null) {
      builder.header("Content-Type", "application/json");
    }
    String body =
        send(
            builder
                .method(
                    method,
                    jsonBody == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(jsonBody))
                .build(),
            expected);
    return body.isBlank() ? null : json(body);
  }

  /** PUTs a text body of the given media type (e.g. subtitles), insisting on {@code expected}. */
  public JsonStructure putText(
      String path, String token, String body, String contentType, int expected)
      throws IOException, InterruptedException {
    String answer =
        send(
            authorized(path, token)
                .header("Content-Type", contentType)
                .PUT(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            expected);
    return answer.isBlank() ? null : json(answer);
  }

  public JsonStructure get(String path, String token) throws IOException, InterruptedException {
    return json(send(authorized(path, token).GET().build(), 200));
  }

  private HttpRequest.Builder authorized(String path, String token) {
    return HttpRequest.newBuilder(URI.create(baseUrl + path))
        .timeout(Duration.ofMinutes(5))
        .header("Authorization", "Bearer " + token);
  }

  private String send(HttpRequest request, int expected) throws IOException, InterruptedException {
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != expected) {
      throw new IOException(
          request.method()
              + " "
              + request.uri().getPath()
              + " answered "
              + response.statusCode()
              + ": "
              + response.body());
    }
    return response.body();
  }

  private static JsonStructure json(String body) {
    try (var reader = Json.createReader(new StringReader(body))) {
      return reader.read();
    }
  }

  static String sha256(Path file) throws Exception {
    MessageDigest digest = MessageDigest.getInstance("SHA-256");
    try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
      in.transferTo(OutputStream.nullOutputStream());
    }
    return HexFormat.of().formatHex(digest.digest());
  }
}
