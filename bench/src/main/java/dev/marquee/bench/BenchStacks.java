package dev.marquee.bench;

import dev.marquee.devstack.MarqueeClient;
import dev.marquee.devstack.MarqueeStack;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

/** What the server benchmarks share: a stack on free loopback ports, and a published title. */
final class BenchStacks {
  private BenchStacks() {}

  /**
   * A stack in {@code home} on free loopback ports, the server from {@code marquee.wlp.dir}; HTTP
   * and messaging bind to 127.0.0.1 (already the defaults; set so load never leaves the loopback).
   * Callers add their own environment, then build.
   */
  static MarqueeStack.Builder loopback(Path home) throws IOException {
    int[] ports = PlatformBench.freePorts(5);
    return MarqueeStack.builder()
        .home(home)
        .httpPort(ports[0])
        .httpsPort(ports[1])
        .databasePort(ports[2])
        .objectStorePort(ports[3])
        .messagingPort(ports[4])
        .wlpDirectory(Path.of(System.getProperty("marquee.wlp.dir")))
        .environment("HTTP_HOST", "127.0.0.1")
        .environment("MESSAGING_HOST", "127.0.0.1");
  }

  /**
   * Uploads a master as the admin (ALL, everywhere, no offline) and waits until it is published.
   */
  static String publishTitle(MarqueeClient client, String admin, Path master, String name)
      throws Exception {
    String title =
        client.uploadMaster(
            admin,
            master,
            Json.createObjectBuilder()
                .add("name", name)
                .add("synopsis", "Generated for a benchmark.")
                .add("language", "en")
                .add("category", "drama")
                .add("maturityRating", "ALL")
                .add("releaseYear", 2026)
                .add(
                    "licence",
                    Json.createObjectBuilder()
                        .add("regions", Json.createArrayBuilder().add("WORLD"))
                        .add("offlineAllowed", false))
                .build());
    long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
    while (true) {
      JsonArray jobs = (JsonArray) client.get("/api/transcode/titles/" + title + "/jobs", admin);
      if (!jobs.isEmpty() && jobs.getJsonObject(0).getString("state").equals("PUBLISHED")) {
        return title;
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("the bench title was not published: " + jobs);
      }
      Thread.sleep(500);
    }
  }
}
