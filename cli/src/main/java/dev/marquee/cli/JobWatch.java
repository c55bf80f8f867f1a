package dev.marquee.cli;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Reads a title's transcode jobs ({@code GET /api/transcode/titles/{id}/jobs}, newest first) into
 * what {@code jobs watch} shows and decides: a bar per rung, and whether the watch is over.
 */
final class JobWatch {
  private static final Set<String> BATCH_ENDED_BADLY = Set.of("FAILED", "STOPPED", "ABANDONED");

  private JobWatch() {}

  /** Where the newest job stands. */
  enum Verdict {
    WAITING,
    RUNNING,
    PUBLISHED,
    FAILED
  }

  /** One rung's chunks. */
  record Rung(String name, int done, int total) {}

  /** The newest job, or null if the title has none yet. */
  static JsonObject newest(JsonArray jobs) {
    return jobs.isEmpty() ? null : jobs.getJsonObject(0);
  }

  static Verdict verdict(JsonObject job) {
    if (job == null) {
      return Verdict.WAITING;
    }
    String state = job.getString("state", "");
    if (state.equals("PUBLISHED")) {
      return Verdict.PUBLISHED;
    }
    if (state.equals("FAILED") || BATCH_ENDED_BADLY.contains(job.getString("batchStatus", ""))) {
      return Verdict.FAILED;
    }
    return Verdict.RUNNING;
  }

  /** Why the job did not publish, in words. */
  static String failure(JsonObject job) {
    JsonValue reason = job.get("failure");
    String why =
        reason != null && reason.getValueType() == JsonValue.ValueType.STRING
            ? job.getString("failure")
            : "batch status " + job.getString("batchStatus", "unknown");
    return "transcode job " + job.getString("id", "?") + " failed: " + why;
  }

  /** The rungs from the lowest to the highest picture (240p before 1080p). */
  static List<Rung> rungs(JsonObject job) {
    List<Rung> rungs = new ArrayList<>();
    JsonObject all = job == null ? null : job.getJsonObject("rungs");
    if (all == null) {
      return rungs;
    }
    all.forEach(
        (name, value) ->
            rungs.add(
                new Rung(
                    name,
                    value.asJsonObject().getInt("done", 0),
                    value.asJsonObject().getInt("total", 0))));
    rungs.sort(Comparator.comparingInt((Rung r) -> height(r.name())).thenComparing(Rung::name));
    return rungs;
  }

  private static int height(String rung) {
    String digits = rung.replaceAll("[^0-9].*$", "");
    return digits.isEmpty() ? Integer.MAX_VALUE : Integer.parseInt(digits);
  }
}
