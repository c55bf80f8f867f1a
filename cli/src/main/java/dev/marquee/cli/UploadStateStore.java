package dev.marquee.cli;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Uploads under way, one file each in {@code uploads/} of the config folder, named by the server
 * and the master's real path, size and modification time: a re-run with the same unchanged file
 * finds its upload and resumes it, while a changed file (other size or time) starts afresh. Only
 * the upload's id and the file's SHA-256 are kept; where the upload got to is asked of the server,
 * whose storage's list of parts is the truth.
 */
final class UploadStateStore {
  private final ConfigDir config;

  UploadStateStore(ConfigDir config) {
    this.config = config;
  }

  /** What identifies one master at one server. */
  record FileKey(String server, Path realPath, long size, long modifiedMillis) {
    static FileKey of(String server, Path file) throws IOException {
      Path real = file.toRealPath();
      return new FileKey(
          server, real, Files.size(real), Files.getLastModifiedTime(real).toMillis());
    }

    String name() {
      String id = server + "\n" + realPath + "\n" + size + "\n" + modifiedMillis;
      return "uploads/" + Sha256.of(id).substring(0, 32) + ".json";
    }
  }

  /** An upload started for the file. */
  record Started(String uploadId, String sha256) {}

  Optional<Started> find(FileKey key) {
    return config
        .read(key.name())
        .map(Json::parseObjectOrNull)
        .filter(o -> o.containsKey("uploadId") && o.containsKey("sha256"))
        .map(o -> new Started(o.getString("uploadId"), o.getString("sha256")));
  }

  void save(FileKey key, Started started) {
    JsonObject o =
        Json.object()
            .add("server", key.server())
            .add("file", key.realPath().toString())
            .add("sizeBytes", key.size())
            .add("modifiedMillis", key.modifiedMillis())
            .add("uploadId", started.uploadId())
            .add("sha256", started.sha256())
            .build();
    config.write(key.name(), Json.pretty(o));
  }

  void forget(FileKey key) {
    config.delete(key.name());
  }
}
