package dev.marquee.cli;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * Sends a master through {@code /api/ingest/uploads}: opens the upload with the metadata, size and
 * SHA-256 (or finds the one a previous run opened), sends the parts the server says are missing,
 * and completes it; the server joins the parts and checks size and SHA-256.
 */
final class ResumableUpload {
  private final MarqueeApi api;
  private final UploadStateStore states;
  private final Terminal terminal;

  ResumableUpload(MarqueeApi api, UploadStateStore states, Terminal terminal) {
    this.api = api;
    this.states = states;
    this.terminal = terminal;
  }

  /** What the command reports. */
  record Outcome(JsonObject upload, boolean resumed, int partsSent) {}

  Outcome send(Path file, JsonObject title) throws IOException {
    var key = UploadStateStore.FileKey.of(api.server(), file);
    JsonObject status = null;
    String sha256 = null;
    var started = states.find(key);
    if (started.isPresent()) {
      status = existing(started.get().uploadId());
      sha256 = started.get().sha256();
      if (status == null) {
        states.forget(key);
      } else if (status.getString("state").equals("COMPLETED")) {
        states.forget(key);
        terminal.say("This file was uploaded already.");
        return new Outcome(status, true, 0);
      }
    }
    boolean resumed = status != null;
    if (status == null) {
      sha256 = hash(file, key.size());
      status = open(file, key.size(), sha256, title);
      states.save(key, new UploadStateStore.Started(status.getString("id"), sha256));
    } else {
      terminal.say(
          "Resuming upload "
              + status.getString("id")
              + ": "
              + ProgressBar.bytes(status.getJsonNumber("receivedBytes").longValue())
              + " of "
              + ProgressBar.bytes(key.size())
              + " already stored.");
    }
    int sent = sendMissingParts(file, status, key.size());
    JsonObject done;
    try {
      done =
          Json.parseObject(
              api.call(post("/api/ingest/uploads/" + status.getString("id") + "/complete")));
    } catch (ServerProblem problem) {
      // A rejected master is gone on the server; a re-run starts afresh.
      if (problem.status() == 422 || problem.status() == 409) {
        states.forget(key);
      }
      throw problem;
    }
    states.forget(key);
    return new Outcome(done, resumed, sent);
  }

  /** The upload a previous run opened, or null if it can no longer be resumed. */
  private JsonObject existing(String uploadId) {
    try {
      JsonObject status = Json.parseObject(api.get("/api/ingest/uploads/" + uploadId));
      String state = status.getString("state");
      return List.of("FAILED", "ABORTED").contains(state) ? null : status;
    } catch (ServerProblem problem) {
      if (problem.status() == 404) {
        return null;
      }
      throw problem;
    }
  }

  private String hash(Path file, long size) throws IOException {
    long[] last = {-1};
    String sha =
        Sha256.of(
            file,
            read -> {
              long step = read * 10 / Math.max(size, 1);
              if (terminal.interactive() || step != last[0]) {
                last[0] = step;
                terminal.progress(ProgressBar.render("sha256", read, size, 30, "bytes"));
              }
            });
    terminal.progressDone();
    return sha;
  }

  private JsonObject open(Path file, long size, String sha256, JsonObject title) {
    JsonObject body =
        Json.object()
            .add("title", title)
            .add("fileName", file.getFileName().toString())
            .add("sizeBytes", size)
            .add("sha256", sha256)
            .build();
    return Json.parseObject(
        api.call(
            api.request("/api/ingest/uploads")
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.compact(body)))));
  }

  private int sendMissingParts(Path file, JsonObject status, long size) throws IOException {
    String id = status.getString("id");
    long partSize = status.getJsonNumber("partSize").longValue();
    int partCount = status.getInt("partCount");
    long stored = status.getJsonNumber("receivedBytes").longValue();
    List<Integer> missing =
        status.getJsonArray("missingParts").stream().map(v -> ((JsonNumber) v).intValue()).toList();
    int sent = 0;
    terminal.progress(ProgressBar.render("upload", stored, size, 30, "bytes"));
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      for (int part : missing) {
        long from = (part - 1) * partSize;
        byte[] bytes = new byte[(int) Math.min(partSize, size - from)];
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) {
          if (channel.read(buffer, from + buffer.position()) < 0) {
            throw new CliFailure(ExitCode.LOCAL, file + " became shorter during the upload");
          }
        }
        api.call(
            api.request("/api/ingest/uploads/" + id + "/parts/" + part)
                .header("Content-Type", "application/octet-stream")
                .header("Accept", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes)));
        sent++;
        stored += bytes.length;
        terminal.progress(
            ProgressBar.render("upload", stored, size, 30, "bytes")
                + "  part "
                + part
                + "/"
                + partCount);
      }
    }
    terminal.progressDone();
    return sent;
  }

  private HttpRequest.Builder post(String path) {
    return api.request(path)
        .header("Accept", "application/json")
        .POST(HttpRequest.BodyPublishers.noBody());
  }

  static boolean isNull(JsonObject o, String name) {
    return !o.containsKey(name) || o.get(name).getValueType() == JsonValue.ValueType.NULL;
  }
}
