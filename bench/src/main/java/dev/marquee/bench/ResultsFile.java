package dev.marquee.bench;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonWriter;
import jakarta.json.stream.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;

/** Writes {@code bench/results/<bench>.json}: date, commit, command, figures, target, met. */
final class ResultsFile {
  private ResultsFile() {}

  static Path write(
      String bench, String command, JsonObject setup, JsonObject figures, JsonObject targets)
      throws IOException, InterruptedException {
    JsonObjectBuilder all =
        Json.createObjectBuilder()
            .add("bench", bench)
            .add("date", LocalDate.now(ZoneOffset.UTC).toString())
            .add("commit", commit())
            .add("command", command)
            .add("setup", setup)
            .add("figures", figures)
            .add("targets", targets);
    StringWriter text = new StringWriter();
    try (JsonWriter w =
        Json.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true)).createWriter(text)) {
      w.writeObject(all.build());
    }
    Path file = Path.of("bench/results/" + bench + ".json");
    Files.createDirectories(file.getParent());
    Files.writeString(file, text.toString().strip() + "\n", StandardCharsets.UTF_8);
    return file;
  }

  private static String commit() throws IOException, InterruptedException {
    Process git = new ProcessBuilder("git", "rev-parse", "HEAD").redirectErrorStream(true).start();
    String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    return git.waitFor() == 0 ? out : "unknown";
  }
}
