package dev.marquee.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Push latency of a resume position: one device writes {@code writes} positions {@code gapMillis}
 * apart on the server at {@code writeBase}; another device of the profile reads its event stream
 * from the server at {@code listenBase} (the same server, or another sharing PostgreSQL). Each
 * latency runs from just before the write was sent to the moment its event was read.
 */
final class PushLatency {
  private PushLatency() {}

  /** Sorted latencies in ns, one per event received, and how many writes were sent. */
  record Result(long[] sortedNanos, int writes) {}

  static Result measure(
      HttpClient http,
      String writeBase,
      String listenBase,
      String token,
      String title,
      String profile,
      String writerDevice,
      String listenerDevice,
      Instant clientTimeFrom,
      int writes,
      long gapMillis)
      throws Exception {
    Map<String, Long> sentAt = new ConcurrentHashMap<>();
    List<Long> push = Collections.synchronizedList(new ArrayList<>());
    CountDownLatch ready = new CountDownLatch(1);
    var stream =
        http.sendAsync(
                HttpRequest.newBuilder(
                        URI.create(
                            listenBase
                                + "/api/playback/positions/events?profileId="
                                + profile
                                + "&deviceId="
                                + listenerDevice))
                    .header("Authorization", "Bearer " + token)
                    .build(),
                HttpResponse.BodyHandlers.ofLines())
            .thenAccept(
                r ->
                    r.body()
                        .forEach(
                            line -> {
                              if (line.startsWith("event: ready")
                                  || line.startsWith("event:ready")) {
                                ready.countDown();
                              } else if (line.startsWith("data:")) {
                                long now = System.nanoTime();
                                String data = line.substring(5).strip();
                                int i = data.indexOf("\"clientTime\":\"");
                                if (i >= 0) {
                                  String key = data.substring(i + 14, data.indexOf('"', i + 14));
                                  Long sent = sentAt.remove(key);
                                  if (sent != null) {
                                    push.add(now - sent);
                                  }
                                }
                              }
                            }));
    if (!ready.await(10, TimeUnit.SECONDS)) {
      throw new IllegalStateException("the event stream did not open");
    }
    // Millisecond precision: the database keeps microseconds, the event echoes what it kept.
    Instant later = clientTimeFrom.truncatedTo(ChronoUnit.MILLIS);
    for (int i = 0; i < writes; i++) {
      Instant at = later.plusMillis(i);
      sentAt.put(at.toString(), System.nanoTime());
      HttpResponse<String> r =
          http.send(
              HttpRequest.newBuilder(URI.create(writeBase + "/api/playback/positions"))
                  .header("Authorization", "Bearer " + token)
                  .header("Content-Type", "application/json")
                  .PUT(
                      HttpRequest.BodyPublishers.ofString(
                          "{\"titleId\":\""
                              + title
                              + "\",\"profileId\":\""
                              + profile
                              + "\",\"deviceId\":\""
                              + writerDevice
                              + "\",\"positionSeconds\":"
                              + (i % 50)
                              + ",\"clientTime\":\""
                              + at
                              + "\",\"event\":\"PERIODIC\"}"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() != 200) {
        throw new IllegalStateException("a position write failed: " + r.statusCode() + r.body());
      }
      Thread.sleep(gapMillis); // the pace of a player's reports, not synchronisation
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (!sentAt.isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    stream.cancel(true);
    long[] pushed = push.stream().mapToLong(Long::longValue).toArray();
    Arrays.sort(pushed);
    return new Result(pushed, writes);
  }
}
