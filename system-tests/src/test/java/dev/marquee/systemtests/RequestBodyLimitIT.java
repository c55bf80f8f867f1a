package dev.marquee.systemtests;

import static dev.marquee.systemtests.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Oversized bodies are refused before they are read: a client announces megabytes and gets 413
 * problem JSON after sending a few bytes of them; one that sends a chunked body with no length is
 * cut off at the limit. The unauthenticated licence endpoint has the tightest limit.
 */
@ExtendWith(RunningMarquee.class)
class RequestBodyLimitIT {
  private final Api api = RunningMarquee.api();

  @Test
  void anAnnouncedEightMegabyteJsonBodyIsRefusedBeforeItIsSent() throws IOException {
    String answer = announceAndSendLittle("/api/accounts", "application/json", 8L << 20);
    assertThat(answer).startsWith("HTTP/1.1 413");
    assertThat(answer).contains("application/problem+json").contains("/problems/body-too-large");
  }

  @Test
  void theUnauthenticatedLicenceEndpointTakesEightKilobytesAtMost() throws IOException {
    String answer = announceAndSendLittle("/api/drm/licenses/clearkey", "application/json", 8193);
    assertThat(answer).startsWith("HTTP/1.1 413").contains("/problems/body-too-large");
    // Within the limit, the request reaches the licence server and is judged on its content.
    Api.Reply small = api.postJson("/api/drm/licenses/clearkey", "{\"kids\":[]}");
    assertProblem(small, 400, "invalid-licence-request");
  }

  @Test
  void anAudioTrackAnnouncedOverFiveGibibytesIsRefusedBeforeItIsSent() throws IOException {
    String creator = Creators.newCreator(api);
    // The size is judged before the title is looked up: any title id gets the same answer.
    String answer =
        announceAndSendLittle(
            "PUT",
            "/api/ingest/titles/" + UUID.randomUUID() + "/audio/fr",
            "audio/mp4",
            (5L << 30) + 1,
            creator);
    assertThat(answer).startsWith("HTTP/1.1 413");
    assertThat(answer).contains("application/problem+json").contains("/problems/audio-too-large");
  }

  @Test
  void artworkAnnouncedOverFiveMegabytesIsRefusedBeforeItIsSent() throws IOException {
    String admin = Viewers.admin(api);
    String answer =
        announceAndSendLittle(
            "PUT",
            "/api/catalog/admin/titles/" + UUID.randomUUID() + "/artwork/poster",
            "image/jpeg",
            5L * 1024 * 1024 + 1,
            admin);
    assertThat(answer).startsWith("HTTP/1.1 413");
    assertThat(answer).contains("application/problem+json").contains("/problems/image-too-large");
  }

  @Test
  void aChunkedBodyWithoutLengthIsCutOffAtTheLimit() throws IOException {
    String tooMuch = chunked("/api/accounts", 300 * 1024);
    assertThat(tooMuch).startsWith("HTTP/1.1 413").contains("/problems/body-too-large");
    // A chunked body within the limit is read as usual.
    String fine = chunked("/api/accounts", 100);
    assertThat(fine).startsWith("HTTP/1.1 400");
  }

  /** Announces {@code length} bytes, sends 1 KiB of them, and reads what the server says. */
  private String announceAndSendLittle(String path, String type, long length) throws IOException {
    return announceAndSendLittle("POST", path, type, length, null);
  }

  /** Same, with a method and (when not null) a bearer token. */
  private String announceAndSendLittle(
      String method, String path, String type, long length, String bearer) throws IOException {
    URI uri = URI.create(api.baseUrl());
    try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
      socket.setSoTimeout((int) Duration.ofSeconds(20).toMillis());
      OutputStream out = socket.getOutputStream();
      out.write(
          (method
                  + " "
                  + path
                  + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: "
                  + type
                  + (bearer == null ? "" : "\r\nAuthorization: Bearer " + bearer)
                  + "\r\nContent-Length: "
                  + length
                  + "\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      byte[] start = new byte[1024];
      Arrays.fill(start, (byte) ' ');
      out.write(start);
      out.flush();
      return head(socket.getInputStream());
    }
  }

  /** Sends {@code size} bytes of JSON-ish text chunked, without a length, then the last chunk. */
  private String chunked(String path, int size) throws IOException {
    URI uri = URI.create(api.baseUrl());
    try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
      socket.setSoTimeout((int) Duration.ofSeconds(20).toMillis());
      OutputStream out = socket.getOutputStream();
      out.write(
          ("POST "
                  + path
                  + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json"
                  + "\r\nTransfer-Encoding: chunked\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      byte[] chunk = new byte[Math.min(size, 8192)];
      Arrays.fill(chunk, (byte) ' ');
      for (int sent = 0; sent < size; sent += chunk.length) {
        int n = Math.min(chunk.length, size - sent);
        out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(chunk, 0, n);
        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
      }
      out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      return head(socket.getInputStream());
    }
  }

  /** The status line, headers and as much of the body as arrives within a moment. */
  private static String head(InputStream in) throws IOException {
    ByteArrayOutputStream seen = new ByteArrayOutputStream();
    byte[] buffer = new byte[4096];
    try {
      for (int n; (n = in.read(buffer)) > 0; ) {
        seen.write(buffer, 0, n);
        String text = seen.toString(StandardCharsets.UTF_8);
        if (text.contains("\r\n\r\n") && text.contains("}")) {
          break;
        }
      }
    } catch (java.net.SocketTimeoutException | java.net.SocketException e) {
      // What arrived before the server closed or went quiet is the answer.
    }
    return seen.toString(StandardCharsets.UTF_8);
  }
}
