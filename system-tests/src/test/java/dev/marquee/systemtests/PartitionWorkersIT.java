package dev.marquee.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.devstack.LibertyServer;
import dev.marquee.media.api.MediaInfo;
import dev.marquee.media.api.MediaProbe;
import dev.marquee.media.testing.SyntheticMaster;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Liberty multi-JVM partitions: the server that runs a transcode job sends its chunk partitions
 * over JMS to a second Liberty server (a worker sharing PostgreSQL, object storage and the
 * messaging engine), which encodes them; the job completes on the first server. Restarts the shared
 * server twice, so it runs near the end.
 */
@ExtendWith(RunningMarquee.class)
@Order(Integer.MAX_VALUE - 4)
class PartitionWorkersIT {
  @TempDir Path folder;
  private final Api api = RunningMarquee.api();

  @Test
  void aWorkerServerEncodesTheChunksItTakesFromTheBatchQueue() throws Exception {
    LibertyServer primary = RunningMarquee.stack().liberty();
    LibertyServer worker =
        primary.sibling(
            RunningMarquee.stack().home().resolve("worker-liberty"),
            RunningMarquee.freePort(),
            Map.of(
                "HTTPS_PORT",
                Integer.toString(RunningMarquee.freePort()),
                "MESSAGING_PORT",
                Integer.toString(RunningMarquee.freePort()),
                // Takes partitions from the primary's messaging engine, where the queue is.
                "BATCH_PARTITIONS",
                "jms-worker",
                "BATCH_MESSAGING_ADDRESS",
                "127.0.0.1:" + primary.environment("MESSAGING_PORT") + ":BootstrapBasicMessaging",
                "MARQUEE_SERVER_ID",
                "worker-1",
                // The worker encodes with jcodec's pure-Java encoder (libx264 stays the default
                // of every other server; TranscodeKillIT sends libx264 partitions over JMS).
                "MARQUEE_TRANSCODE_ENGINE",
                "jcodec"));
    try {
      // The primary dispatches partitions and runs none itself: every chunk must go to the worker.
      restart(primary, "jms-dispatcher", "primary");
      worker.start();
      worker.awaitReady(Duration.ofMinutes(4));
      // Ready in a jms mode means the batch queue's connection factory was found on each server.
      assertPartitionDispatchReady(new Api(primary.baseUrl()), "jms-dispatcher");
      assertPartitionDispatchReady(new Api(worker.baseUrl()), "jms-worker");

      Path master = folder.resolve("master.mp4");
      new SyntheticMaster(320, 180, 25, 6, false, List.of("eng")).writeTo(master);
      String creator = Creators.newCreator(api);
      String titleId = Creators.ingest(api, creator, master);
      Creators.awaitPublished(api, creator, titleId, Duration.ofMinutes(4));

      JsonObject job =
          api.get("/api/transcode/titles/" + titleId + "/jobs", creator).array().getJsonObject(0);
      assertThat(job.getString("batchStatus")).isEqualTo("COMPLETED");
      assertThat(job.getInt("chunkCount")).isEqualTo(3);
      // One rung (180p: never upscaled) x 3 chunks, all encoded by the worker.
      assertThat(job.getJsonObject("chunksByServer"))
          .as(job.toString())
          .isEqualTo(jakarta.json.Json.createObjectBuilder().add("worker-1", 3).build());
      var video =
          api.get("/api/transcode/titles/" + titleId + "/renditions", creator).array().stream()
              .map(jakarta.json.JsonValue::asJsonObject)
              .filter(r -> r.getString("kind").equals("VIDEO"))
              .toList();
      assertThat(video)
          .singleElement()
          .satisfies(
              r -> {
                assertThat(r.getInt("height")).isEqualTo(180);
                assertThat(r.getJsonArray("segments")).hasSize(3);
                // The engine the worker was configured with: jcodec writes Constrained Baseline
                // (profile 66, avc1.42...), libx264 High (avc1.64...).
                assertThat(r.getString("codecs")).startsWith("avc1.42");
              });
      // The worker's segments decrypt and decode like any other: keys from the primary's
      // licences, shaka-packager decrypting both schemes, FFmpeg decoding every picture.
      Map<String, String> keys = Viewers.keysOf(api, titleId, "GB");
      JsonObject rendition = video.get(0);
      String kid = rendition.getString("keyId");
      assertThat(keys).containsKey(kid);
      String cencPictures = null;
      for (String scheme : List.of("cenc", "cbcs")) {
        Path encrypted = TranscodeIT.joined(rendition, scheme, folder);
        Path clear = folder.resolve("worker-" + scheme + "-clear.mp4");
        ShakaPackager.decrypt(encrypted, "video", clear, kid, keys.get(kid));
        MediaInfo.VideoTrack decoded = MediaProbe.probe(clear).video().get(0);
        assertThat(decoded.frames()).as(scheme).isEqualTo(150);
        assertThat(decoded.width()).isEqualTo(320);
        assertThat(decoded.height()).isEqualTo(180);
        assertThat(decoded.keyframeSeconds()).containsExactly(0.0, 2.0, 4.0);
        String pictures = FramePixels.digest(clear);
        if (cencPictures == null) {
          cencPictures = pictures;
        } else {
          assertThat(pictures)
              .as("cbcs and cenc decode to the same pictures")
              .isEqualTo(cencPictures);
        }
      }
    } finally {
      worker.stop();
      restart(primary, "local", "");
    }
  }

  /** The server's readiness names the batch-partitions check, UP in the given mode. */
  private static void assertPartitionDispatchReady(Api server, String mode) {
    Api.Reply ready = server.get("/health/ready");
    assertThat(ready.status()).as(ready.toString()).isEqualTo(200);
    assertThat(
            ready.json().getJsonArray("checks").stream()
                .map(JsonValue::asJsonObject)
                .filter(c -> c.getString("name").equals("batch-partitions")))
        .as(ready.toString())
        .singleElement()
        .satisfies(
            check -> {
              assertThat(check.getString("status")).isEqualTo("UP");
              assertThat(check.getJsonObject("data").getString("mode")).isEqualTo(mode);
            });
  }

  private static void restart(LibertyServer server, String partitions, String serverId)
      throws Exception {
    server.stop();
    server.environment("BATCH_PARTITIONS", partitions);
    server.environment("MARQUEE_SERVER_ID", serverId);
    server.startClean();
    server.awaitReady(Duration.ofMinutes(3));
  }
}
