package dev.marquee.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.media.testing.SyntheticMaster;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server dies in the middle of a transcode; after it comes back it restarts the job itself,
 * redoes only the chunks that were not finished, and its output decrypts to exactly the pictures an
 * uninterrupted run of the same master produces, with the same segment sizes (the runs are two
 * titles, so two content keys; within one job the encrypted bytes are deterministic too). Restarts
 * Liberty, so it runs late.
 */
@ExtendWith(RunningMarquee.class)
@Order(Integer.MAX_VALUE - 1)
class TranscodeRestartIT {
  @TempDir Path folder;
  private final Api api = RunningMarquee.api();

  private String ingest(String creator, Path master) throws Exception {
    return Creators.ingest(api, creator, master);
  }

  private JsonObject job(String token, String titleId) {
    JsonArray jobs = api.get("/api/transcode/titles/" + titleId + "/jobs", token).array();
    return jobs.isEmpty() ? null : jobs.getJsonObject(0);
  }

  private static int done(JsonObject job) {
    return job.getJsonObject("rungs").values().stream()
        .mapToInt(r -> r.asJsonObject().getInt("done"))
        .sum();
  }

  private JsonObject await(String token, String titleId, List<String> states, Duration timeout)
      throws InterruptedException {
    return await(token, titleId, states, -1, timeout);
  }

  /** Waits for an execution other than {@code notExecution} to reach one of {@code states}. */
  private JsonObject await(
      String token, String titleId, List<String> states, long notExecution, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    JsonObject job = null;
    while (System.nanoTime() < deadline) {
      job = job(token, titleId);
      if (job != null
          && job.containsKey("executionId")
          && !job.isNull("executionId")
          && job.getJsonNumber("executionId").longValue() != notExecution
          && states.contains(job.getString("batchStatus"))) {
        return job;
      }
      Thread.sleep(200);
    }
    throw new AssertionError(
        "job did not reach " + states + " within " + timeout + "; last: " + job);
  }

  @Test
  void aJobInterruptedByACrashResumesAndMatchesAnUninterruptedRunByteForByte() throws Exception {
    Path master = folder.resolve("master.mp4");
    new SyntheticMaster(640, 360, 25, 16, true, List.of("eng")).writeTo(master);
    String creator = Creators.newCreator(api);
    String operator =
        api.signIn(
                dev.marquee.devstack.MarqueeStack.ADMIN_EMAIL,
                RunningMarquee.stack().adminPassword())
            .getString("access_token");

    String interrupted = ingest(creator, master);
    // Wait until some chunks are finished but not all, then pull the plug.
    long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    JsonObject before = null;
    while (System.nanoTime() < deadline) {
      before = job(creator, interrupted);
      if (before != null && before.containsKey("chunkCount") && done(before) >= 3) {
        break;
      }
      Thread.sleep(50);
    }
    int total = before.getInt("chunkCount") * before.getJsonObject("rungs").size();
    assertThat(done(before))
        .as("the job must still be running when the server dies")
        .isLessThan(total);
    var liberty = RunningMarquee.stack().liberty();
    liberty.kill();
    // With the server dead nothing changes: which chunks were finished, when, and by whom.
    Map<String, String> finishedAtTheKill = finishedChunks(before.getString("id"));
    assertThat(finishedAtTheKill).hasSizeGreaterThanOrEqualTo(3).hasSizeLessThan(total);
    liberty.start();
    liberty.awaitReady(Duration.ofMinutes(3));

    String operatorAgain =
        api.signIn(
                dev.marquee.devstack.MarqueeStack.ADMIN_EMAIL,
                RunningMarquee.stack().adminPassword())
            .getString("access_token");
    JsonObject afterCrash = job(operatorAgain, interrupted);
    // No operator restarts it: the server finds the interrupted job and restarts it itself
    // (InterruptedJobRecovery), so an operator's restart here would race with it. The crashed
    // execution itself shows FAILED once Liberty is back; what must finish is a new execution.
    long crashed = before.getJsonNumber("executionId").longValue();
    JsonObject resumed =
        await(
            operatorAgain,
            interrupted,
            List.of("COMPLETED", "FAILED"),
            crashed,
            Duration.ofMinutes(3));
    assertThat(resumed.getString("state")).as(resumed.toString()).isEqualTo("PUBLISHED");
    // No chunk finished before the crash was encoded again: each keeps the time it finished and
    // the server that encoded it (a second encode would have written a new finish time).
    Map<String, String> finished = finishedChunks(afterCrash.getString("id"));
    assertThat(finished).hasSize(total).containsAllEntriesOf(finishedAtTheKill);

    String uninterrupted = ingest(creator, master);
    JsonObject clean =
        await(creator, uninterrupted, List.of("COMPLETED", "FAILED"), Duration.ofMinutes(3));
    assertThat(clean.getString("state")).isEqualTo("PUBLISHED");

    // The two titles have different content keys, so their encrypted bytes differ by design:
    // compare what they decrypt to (keys from the licence server, shaka-packager decrypting),
    // picture for picture, and the segment index entry for entry.
    JsonArray a =
        api.get("/api/transcode/titles/" + interrupted + "/renditions", operatorAgain).array();
    JsonArray b =
        api.get("/api/transcode/titles/" + uninterrupted + "/renditions", operatorAgain).array();
    java.util.Map<String, String> keysA = Viewers.keysOf(api, interrupted, "GB");
    java.util.Map<String, String> keysB = Viewers.keysOf(api, uninterrupted, "GB");
    assertThat(a).isNotEmpty().hasSameSizeAs(b);
    assertThat(a.getValuesAs(JsonObject.class))
        .as("renditions of the interrupted title")
        .anySatisfy(x -> assertThat(x.getString("kind")).isEqualTo("VIDEO"));
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
      if (x.getString("kind").equals("VIDEO")) {
        for (String scheme : List.of("cenc", "cbcs")) {
          assertThat(FramePixels.digest(clear(x, scheme, keysA, "a")))
              .as("%s %s pictures", x.getString("name"), scheme)
              .isEqualTo(FramePixels.digest(clear(y, scheme, keysB, "b")));
        }
      }
    }
  }

  private Path clear(
      JsonObject rendition, String scheme, java.util.Map<String, String> keys, String tag)
      throws Exception {
    Path dir = Files.createDirectories(folder.resolve(tag));
    Path encrypted = TranscodeIT.joined(rendition, scheme, dir);
    Path clear = dir.resolve(rendition.getString("name") + "-" + scheme + "-clear.mp4");
    String kid = rendition.getString("keyId");
    ShakaPackager.decrypt(encrypted, "video", clear, kid, keys.get(kid));
    return clear;
  }

  /** "rung/chunk" to "finished at, by server" for every finished chunk of a job. */
  private static Map<String, String> finishedChunks(String jobId) {
    return Database.pairs(
        "SELECT rung || '/' || chunk_index, finished_at::text || ' by ' || coalesce(encoded_by, '?')"
            + " FROM transcode.chunk_tasks WHERE job_id = ?::uuid AND finished_at IS NOT NULL"
            + " ORDER BY rung, chunk_index",
        jobId);
  }
}
