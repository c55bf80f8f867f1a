package dev.marquee.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Counts from a tier's access log (the {@code tier} format of the edge templates): requests and
 * cache hits, overall and for a set of titles, from a byte offset on (the measured window).
 */
final class TierLog {
  private static final Pattern LINE =
      Pattern.compile(
          "^\\S+ (\\d{3}) (\\d+) cache=(\\S*) \"GET /api/origin/titles/([0-9a-f-]{36})/");

  private final Path file;

  TierLog(Path file) {
    this.file = file;
  }

  /** The log's size once nginx has flushed its buffer (it stops growing). */
  long settledSize() throws IOException, InterruptedException {
    long last = -1;
    while (true) {
      long now = Files.exists(file) ? Files.size(file) : 0;
      if (now == last) {
        return now;
      }
      last = now;
      Thread.sleep(1500); // longer than the logs' flush=1s
    }
  }

  record Counts(long requests, long hits, long misses, long topRequests, long topHits, long bytes) {
    double hitRatio() {
      return requests == 0 ? 0 : (double) hits / requests;
    }

    double topHitRatio() {
      return topRequests == 0 ? 0 : (double) topHits / topRequests;
    }
  }

  /**
   * Counts lines from {@code from} (bytes) to {@code to}; {@code top} holds the top titles' ids.
   */
  Counts count(long from, long to, Set<String> top) throws IOException {
    byte[] all = Files.readAllBytes(file);
    String window =
        new String(
            all, (int) from, (int) Math.min(all.length, to) - (int) from, StandardCharsets.UTF_8);
    long requests = 0;
    long hits = 0;
    long misses = 0;
    long topRequests = 0;
    long topHits = 0;
    long bytes = 0;
    for (String line : List.of(window.split("\n"))) {
      Matcher m = LINE.matcher(line);
      if (!m.find()) {
        continue;
      }
      requests++;
      bytes += Long.parseLong(m.group(2));
      boolean hit = m.group(3).equals("HIT");
      if (hit) {
        hits++;
      } else {
        misses++;
      }
      if (top.contains(m.group(4))) {
        topRequests++;
        if (hit) {
          topHits++;
        }
      }
    }
    return new Counts(requests, hits, misses, topRequests, topHits, bytes);
  }
}
