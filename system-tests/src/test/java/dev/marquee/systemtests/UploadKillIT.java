package dev.marquee.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.media.testing.SyntheticMaster;
import jakarta.json.JsonObject;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server receiving a master's part is killed with {@code kill -9} half-way through the part:
 * the creator asks the other server where to resume, sends the rest there, and the master completes
 * with its checksum intact (nothing acknowledged is lost, nothing half-written kept).
 */
@ExtendWith(TwoServers.class)
class UploadKillIT {
  private static final long PART = 5L * 1024 * 1024;
  @TempDir Path folder;

  @Test
  void anUploadWhoseServerDiesMidPartResumesThroughTheOtherServer() throws Exception {
    Path master = folder.resolve("large.mp4");
    new SyntheticMaster(640, 360, 25, 10, true, List.of("eng")).writeTo(master);
    byte[] all = Files.readAllBytes(master);
    assertThat(all.length).as("the master spans several parts").isGreaterThan(2 * (int) PART);
    Api one = TwoServers.server(0);
    Api two = TwoServers.server(1);
    String creator = Creators.newCreator(one, TwoServers.stack().adminPassword());
    var opened =
        one.postJson(
            "/api/ingest/uploads",
            Creators.uploadRequest(
                Creators.goodTitle(), "large.mp4", all.length, Creators.sha256(master)),
            creator);
    assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
    String id = opened.json().getString("id");
    int parts = opened.json().getInt("partCount");
    assertThat(
            one.putBytes("/api/ingest/uploads/" + id + "/parts/1", part(all, 1), creator).status())
        .isEqualTo(200);

    // Half of part 2 reaches server 1; then server 1 dies with the request still open.
    byte[] second = part(all, 2);
    URI uri = URI.create(one.baseUrl() + "/api/ingest/uploads/" + id + "/parts/2");
    long killedAt;
    try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
      OutputStream out = socket.getOutputStream();
      out.write(
          ("PUT "
                  + uri.getRawPath()
                  + " HTTP/1.1\r\nHost: "
                  + uri.getHost()
                  + ":"
                  + uri.getPort()
                  + "\r\nAuthorization: Bearer "
                  + creator
                  + "\r\nContent-Type: application/octet-stream\r\nContent-Length: "
                  + second.length
                  + "\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.write(Arrays.copyOf(second, second.length / 2));
      out.flush();
      TwoServers.liberty(0).kill();
      killedAt = System.nanoTime();
    }
    try {
      JsonObject status = two.get("/api/ingest/uploads/" + id, creator).json();
      assertThat(status.getInt("nextPart")).as(status.toString()).isEqualTo(2);
      assertThat(status.getJsonNumber("receivedBytes").longValue()).isEqualTo(PART);
      for (int n = 2; n <= parts; n++) {
        var sent = two.putBytes("/api/ingest/uploads/" + id + "/parts/" + n, part(all, n), creator);
        assertThat(sent.status()).as(sent.toString()).isEqualTo(200);
      }
      var done = two.post("/api/ingest/uploads/" + id + "/complete", creator);
      assertThat(done.status()).as(done.toString()).isEqualTo(200);
      String titleId = done.json().getString("titleId");
      long resumedMs = (System.nanoTime() - killedAt) / 1_000_000;
      System.out.printf(
          "[UploadKillIT] kill -9 mid-part: %d bytes in %d parts; part 1 kept, resumed at part 2"
              + " on server 2 and completed %d ms after the kill (checksum verified)%n",
          all.length, parts, resumedMs);
      Creators.awaitPublished(two, creator, titleId, Duration.ofMinutes(6));
    } finally {
      TwoServers.revive(0);
    }
  }

  private static byte[] part(byte[] all, int number) {
    int from = (int) ((number - 1) * PART);
    return Arrays.copyOfRange(all, from, (int) Math.min(all.length, from + PART));
  }
}
