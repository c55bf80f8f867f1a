package dev.marquee.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.devstack.LibertyServer;
import dev.marquee.devstack.MarqueeStack;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Where a browser ingest's part bytes went (ADR 40): the servers' access logs (what reached
 * Liberty) and the page's own resource timing (what the browser fetched, and from which host).
 */
final class IngestEvidence {
  private IngestEvidence() {}

  /** The HTTPS address of the first server, with the stack's own certificate. */
  static String secureBaseUrl() {
    LibertyServer server = RunningMarquee.stack().liberty();
    return "https://127.0.0.1:" + server.environment("HTTPS_PORT");
  }

  /**
   * The access log lines of every server about upload {@code id}, once its completion is logged
   * (requests are logged as they end, and the parts ended before the completion began).
   */
  static List<String> serverCallsFor(String id) throws IOException, InterruptedException {
    String completion = "/console/admin/ingest/uploads/" + id + "/complete";
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    List<String> lines = List.of();
    while (System.nanoTime() < deadline) {
      lines = accessLogLines().stream().filter(l -> l.contains(id)).toList();
      if (lines.stream().anyMatch(l -> l.contains(completion))) {
        return lines;
      }
      Thread.sleep(200); // the access log is written asynchronously
    }
    throw new AssertionError(
        "the access log never recorded " + completion + "; it holds for that upload: " + lines);
  }

  private static List<String> accessLogLines() throws IOException {
    MarqueeStack stack = RunningMarquee.stack();
    StringBuilder all = new StringBuilder();
    for (LibertyServer server : stack.servers()) {
      Path log = server.logFile().resolveSibling("http_access.log");
      if (Files.exists(log)) {
        all.append(Files.readString(log)).append('\n');
      }
    }
    return all.toString().lines().collect(Collectors.toList());
  }

  /** The URLs the page fetched from the object store (its resource timing entries). */
  @SuppressWarnings("unchecked")
  static List<String> storageFetches(Browser browser) {
    String storage = RunningMarquee.stack().objectStore().endpoint();
    Object names =
        browser.js(
            "return performance.getEntriesByType('resource')"
                + ".filter(e => e.name.startsWith(arguments[0])).map(e => e.name);",
            storage + "/");
    assertThat(names).isInstanceOf(List.class);
    return (List<String>) names;
  }
}
