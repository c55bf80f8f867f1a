package dev.marquee.bench;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.JsonWriter;
import jakarta.json.stream.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code bench/results/<bench>.json}: date, commit, command, figures, ratios, each target with
 * whether it was met, and {@code met} for all of them, so a script checks targets without reading
 * prose. Run from the repository root (bench/lib/common.sh goes there).
 */
final class ResultsFile {
  private final String bench;
  private final String command;
  private final JsonObjectBuilder figures = Json.createObjectBuilder();
  private final JsonObjectBuilder ratios = Json.createObjectBuilder();
  private final Map<String, Boolean> checks = new LinkedHashMap<>();
  private final JsonObjectBuilder targets = Json.createObjectBuilder();

  ResultsFile(String bench, String command) {
    this.bench = bench;
    this.command = command;
  }

  ResultsFile figure(String name, double value) {
    figures.add(name, Double.isFinite(value) ? Json.createValue(value) : JsonValue.NULL);
    return this;
  }

  ResultsFile figure(String name, String value) {
    figures.add(name, value);
    return this;
  }

  ResultsFile ratio(String name, double value) {
    ratios.add(name, Double.isFinite(value) ? Json.createValue(value) : JsonValue.NULL);
    return this;
  }

  /** A target in words and whether this run met it. */
  ResultsFile target(String name, String description, boolean met) {
    targets.add(name, description);
    checks.put(name, met);
    return this;
  }

  void write() throws IOException {
    JsonObjectBuilder met = Json.createObjectBuilder();
    checks.forEach(met::add);
    JsonObjectBuilder root =
        Json.createObjectBuilder()
            .add("bench", bench)
            .add("date", LocalDate.now(ZoneOffset.UTC).toString())
            .add("commit", commit())
            .add("command", command)
            .add("machine", machine())
            .add("figures", figures)
            .add("ratios", ratios)
            .add("target", targets)
            .add("checks", met)
            .add("met", !checks.isEmpty() && checks.values().stream().allMatch(b -> b));
    StringWriter out = new StringWriter();
    try (JsonGenerator g =
        Json.createGeneratorFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true))
            .createGenerator(out)) {
      g.write(root.build());
    }
    Path file = Path.of("bench", "results", bench + ".json");
    Files.createDirectories(file.getParent());
    Files.writeString(file, out.toString().strip() + "\n", StandardCharsets.UTF_8);
    System.err.println("[bench] wrote " + file);
  }

  /**
   * The same file for a bench that describes its own setup and gives its targets with their outcome
   * as JSON (origin and edge benches).
   */
  static Path write(
      String bench, String command, JsonObject setup, JsonObject figures, JsonObject targets)
      throws IOException {
    JsonObjectBuilder all =
        Json.createObjectBuilder()
            .add("bench", bench)
            .add("date", LocalDate.now(ZoneOffset.UTC).toString())
            .add("commit", commit())
            .add("command", command)
            .add("machine", machine())
            .add("setup", setup)
            .add("figures", figures)
            .add("targets", targets);
    StringWriter text = new StringWriter();
    try (JsonWriter w =
        Json.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true)).createWriter(text)) {
      w.writeObject(all.build());
    }
    Path file = Path.of("bench", "results", bench + ".json");
    Files.createDirectories(file.getParent());
    Files.writeString(file, text.toString().strip() + "\n", StandardCharsets.UTF_8);
    return file;
  }

  /** The machine, and its load average when the run ended (other work may share it). */
  private static String machine() {
    Machine m = Machine.describe(java.util.Optional.empty());
    String load;
    try {
      load = Files.readString(Path.of("/proc/loadavg")).strip();
    } catch (IOException e) {
      load = "unknown";
    }
    return "%s CPUs, %s, %s, Java %s; /proc/loadavg at the end: %s"
        .formatted(m.processors(), m.cpuModel(), m.memory(), m.java(), load);
  }

  private static String commit() {
    try {
      Process p = new ProcessBuilder("git", "rev-parse", "HEAD").redirectErrorStream(true).start();
      String sha = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      String dirty =
          new String(
                      new ProcessBuilder("git", "status", "--porcelain", "--untracked-files=no")
                          .start()
                          .getInputStream()
                          .readAllBytes(),
                      StandardCharsets.UTF_8)
                  .isBlank()
              ? ""
              : "+uncommitted";
      return p.waitFor() == 0 ? sha + dirty : "unknown";
    } catch (IOException e) {
      return "unknown";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "unknown";
    }
  }
}
