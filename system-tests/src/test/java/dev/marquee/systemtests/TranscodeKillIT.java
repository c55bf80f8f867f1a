package dev.marquee.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.media.testing.SyntheticMaster;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server running a transcode job (partitions on both servers over the messaging server) is
 * killed with {@code kill -9} mid-job and comes back: the job finishes with no operator's restart,
 * and its renditions have the segment index of an uninterrupted run of the same master.
 */
@ExtendWith(TwoServers.class)
class TranscodeKillIT {
  @TempDir Path folder;

  private static JsonObject job(Api api, String token, String titleId) {
    JsonArray jobs = api.get("/api/transcode/titles/" + titleId + "/jobs", token).array();
    return jobs.isEmpty() ? null : jobs.getJsonObject(0);
  }

  private static int done(JsonObject job) {
    return job.getJsonObject("rungs").values().stream()
        .mapToInt(r -> r.asJsonObject().getInt("done"))
        .sum();
  }

  /** The job has its chunk plan (before planning the job's view has no chunk count or rungs). */
  private static boolean planned(JsonObject job) {
    return job != null
        && job.containsKey("chunkCount")
        && !job.isNull("chunkCount")
        && job.containsKey("rungs")
        && !job.isNull("rungs");
  }

  @Test
  void aJobWhoseServerIsKilledFinishesWithoutAnOperatorAndMatchesAnUninterruptedRun()
      throws Exception {
    Path master = folder.resolve("master.mp4");
    new SyntheticMaster(320, 180, 25, 24, false, List.of("eng")).writeTo(master);
    Api one = TwoServers.server(0);
    Api two = TwoServers.server(1);
    String creator = Creators.newCreator(two, TwoServers.stack().adminPassword());
    String clean = Creators.ingest(two, creator, master);
    Creators.awaitPublished(two, creator, clean, Duration.ofMinutes(10));

    // Completed on server 1, so the job runs there; its partitions go to both servers.
    String interrupted = Creators.ingest(one, creator, master);
    long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
    JsonObject before = job(two, creator, interrupted);
    while (!planned(before) || done(before) < 2) {
      assertThat(System.nanoTime()).as("the job got under way: %s", before).isLessThan(deadline);
      Thread.sleep(100);
      before = job(two, creator, interrupted);
    }
    int total = before.getInt("chunkCount") * before.getJsonObject("rungs").size();
    TwoServers.liberty(0).kill();
    JsonObject atKill = job(two, creator, interrupted);
    assertThat(done(atKill)).as("killed mid-job: %s", atKill).isLessThan(total);
    long killedAt = System.nanoTime();
    TwoServers.revive(0);
    long revivedMs = (System.nanoTime() - killedAt) / 1_000_000;
    Creators.awaitPublished(two, creator, interrupted, Duration.ofMinutes(10));
    long publishedMs = (System.nanoTime() - killedAt) / 1_000_000;
    JsonObject after = job(two, creator, interrupted);
    assertThat(after.getString("batchStatus")).isEqualTo("COMPLETED");

    JsonArray a = two.get("/api/transcode/titles/" + interrupted + "/renditions", creator).array();
    JsonArray b = two.get("/api/transcode/titles/" + clean + "/renditions", creator).array();
    assertThat(a).isNotEmpty().hasSameSizeAs(b);
    for (int r = 0; r < a.size(); r++) {
      JsonObject x = a.getJsonObject(r);
      JsonObject y = b.getJsonObject(r);
      assertThat(x.getString("name")).isEqualTo(y.getString("name"));
      JsonArray xs = x.getJsonArray("segments");
      JsonArray ys = y.getJsonArray("segments");
      assertThat(xs).isNotEmpty().hasSameSizeAs(ys);
      for (int i = 0; i < xs.size(); i++) {
        assertThat(xs.getJsonObject(i).getInt("sizeBytes"))
            .as("%s segment %d", x.getString("name"), i)
            .isEqualTo(ys.getJsonObject(i).getInt("sizeBytes"));
        assertThat(xs.getJsonObject(i).getInt("duration"))
            .isEqualTo(ys.getJsonObject(i).getInt("duration"));
      }
    }
    System.out.printf(
        "[TranscodeKillIT] kill -9 of the job's server at %d of %d chunks (%s); server back after"
            + " %d ms; published without an operator %d ms after the kill; chunks by server %s;"
            + " %d renditions equal to an uninterrupted run%n",
        done(atKill),
        total,
        atKill.getJsonObject("chunksByServer"),
        revivedMs,
        publishedMs,
        after.getJsonObject("chunksByServer"),
        a.size());
  }
}
