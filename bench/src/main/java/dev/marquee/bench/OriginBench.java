package dev.marquee.bench;

import dev.marquee.devstack.MarqueeClient;
import dev.marquee.devstack.MarqueeStack;
import dev.marquee.media.testing.SyntheticMaster;
import jakarta.json.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The origin's miss path (run it with {@code bash bench/origin-bench.sh}): one segment through
 * {@code /api/origin} (signature check, one object-storage read per request, streamed) against
 * Debian's nginx serving the same file from disk, side by side in one run, with wrk.
 */
public final class OriginBench {
  /** The segment size the figures were measured with. */
  private static final long NEAR_BYTES = 363 * 1024;

  private static final double TARGET = 0.2;

  private OriginBench() {}

  public static void main(String[] args) throws Exception {
    // A minute of load before the measured run: a fresh Liberty's C2 compiler is still busy with
    // the miss path (S3 client, JAX-RS, the HTTP channel) for tens of seconds, and on two
    // processors it takes CPU from the requests; a server in service is past that (RESULTS.md).
    BenchSettings settings = BenchSettings.fromSystemProperties(Duration.ofSeconds(60));
    Path home = Files.createTempDirectory("marquee-origin-bench-");
    Teardown teardown = new Teardown(home);
    Runtime.getRuntime().addShutdownHook(new Thread(teardown, "marquee-bench-teardown"));
    MarqueeStack stack = null;
    try (DiskNginx disk =
        new DiskNginx(
            home.resolve("disk-nginx"),
            home.resolve("objects/marquee"),
            PlatformBench.freePorts(1)[0],
            1)) {
      stack = BenchStacks.loopback(home).build();
      teardown.stack(stack);
      progress("Starting the stack in " + home);
      stack.start();
      MarqueeClient client = new MarqueeClient(stack.baseUrl());
      String admin = client.signIn(MarqueeStack.ADMIN_EMAIL, stack.adminPassword());
      Path master = home.resolve("master.mp4");
      new SyntheticMaster(1280, 720, 25, 6, false, List.of("eng")).writeTo(master);
      progress("Ingesting and transcoding a 6 s 720p title");
      BenchStacks.publishTitle(client, admin, master, "Origin bench");
      SignedSegments segments = new SignedSegments(home);
      String key = segments.videoSegmentNear(NEAR_BYTES);
      long size = segments.size(key);
      disk.start();
      String originPath = segments.originPath(key);
      check(stack.baseUrl() + originPath, size);
      check(disk.baseUrl() + "/" + key, size);

      WrkRun wrk = new WrkRun(settings, Files.createDirectories(home.resolve("wrk")));
      progress("wrk: nginx from disk");
      WrkResult peer =
          wrk.warmUpAndMeasure(
              disk.baseUrl(), Endpoint.get("nginx from disk", "/" + key, List.of(), null), "disk");
      progress("wrk: Marquee origin");
      WrkResult origin =
          wrk.warmUpAndMeasure(
              stack.baseUrl(),
              Endpoint.get("Marquee /api/origin", originPath, List.of(), null),
              "origin");
      double ratio = origin.requestsPerSecond() / peer.requestsPerSecond();

      System.out.println();
      Machine m = Machine.describe(java.util.Optional.empty());
      System.out.printf(
          "Machine  %s processors, %s, %s; Java %s%n",
          m.processors(), m.cpuModel(), m.memory(), m.java());
      System.out.printf(
          "Segment  %s (%,d bytes)%nwrk -t%d -c%d, %d s warm-up + %d s measured each%n%n",
          key,
          size,
          settings.threads(),
          settings.connections(),
          settings.warmUp().toSeconds(),
          settings.measure().toSeconds());
      System.out.println("| Server | req/s | MB/s | p50 ms | p99 ms | errors | vs nginx |");
      System.out.println("|---|---:|---:|---:|---:|---:|---:|");
      row("nginx 1.22 from disk (1 worker, sendfile)", peer, size, 1.0);
      row("Marquee /api/origin (miss path: S3 read)", origin, size, ratio);
      System.out.printf("%nTarget: at least %.1fx nginx from disk: %s%n", TARGET, ratio >= TARGET);

      ResultsFile.write(
          "origin",
          "bash bench/origin-bench.sh",
          Json.createObjectBuilder()
              .add("segmentBytes", size)
              .add(
                  "wrk",
                  "wrk --latency -t%d -c%d -d%ds (after a %d s warm-up)"
                      .formatted(
                          settings.threads(),
                          settings.connections(),
                          settings.measure().toSeconds(),
                          settings.warmUp().toSeconds()))
              .add("peer", "Debian nginx 1.22, 1 worker, sendfile, same file from s3proxy's folder")
              .add(
                  "origin",
                  "Liberty, signed URL checked, one GET of a presigned s3proxy URL (signed"
                      + " once per key) per request on a pooled Apache HttpClient 5 connection,"
                      + " streamed with a 128 KiB buffer")
              .add("machine", m.processors() + " processors, " + m.cpuModel() + ", " + m.memory())
              .build(),
          Json.createObjectBuilder()
              .add("nginxDiskRequestsPerSecond", peer.requestsPerSecond())
              .add("nginxDiskMBps", mbps(peer, size))
              .add("originRequestsPerSecond", origin.requestsPerSecond())
              .add("originMBps", mbps(origin, size))
              .add("originP50Millis", origin.p50Millis())
              .add("originP99Millis", origin.p99Millis())
              .add("originErrors", origin.non2xx() + origin.socketErrors())
              .add("ratioOriginToNginxDisk", ratio)
              .build(),
          Json.createObjectBuilder()
              .add(
                  "originToNginxDisk",
                  Json.createObjectBuilder().add("target", TARGET).add("met", ratio >= TARGET))
              .build());
    } catch (Exception | Error e) {
      if (stack != null) {
        PlatformBench.printLogTail(stack.liberty());
      }
      throw e;
    } finally {
      teardown.run();
    }
  }

  private static void row(String label, WrkResult r, long size, double ratio) {
    System.out.printf(
        "| %s | %,.0f | %,.0f | %.2f | %.2f | %d | %.3fx |%n",
        label,
        r.requestsPerSecond(),
        mbps(r, size),
        r.p50Millis(),
        r.p99Millis(),
        r.non2xx() + r.socketErrors(),
        ratio);
  }

  static double mbps(WrkResult r, long size) {
    return r.requestsPerSecond() * size / 1e6;
  }

  /** Fails the bench unless the URL serves 200 with exactly the segment's length. */
  static void check(String url, long size) throws Exception {
    HttpResponse<byte[]> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    if (r.statusCode() != 200 || r.body().length != size) {
      throw new IllegalStateException(
          url + " answered " + r.statusCode() + " with " + r.body().length + " bytes, not " + size);
    }
  }

  private static void progress(String message) {
    System.err.println("[bench] " + message);
  }
}
