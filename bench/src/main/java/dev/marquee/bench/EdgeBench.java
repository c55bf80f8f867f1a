package dev.marquee.bench;

import dev.marquee.devstack.EdgeTier;
import dev.marquee.devstack.MarqueeClient;
import dev.marquee.devstack.MarqueeStack;
import dev.marquee.media.testing.SyntheticMaster;
import jakarta.json.Json;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The edge tier (run it with {@code bash bench/edge-bench.sh}): a Zipf-distributed workload over
 * many titles' segments through edge, shield and origin, with hit ratios per tier and the origin's
 * offload; then one cached segment through the edge (signature checked) against nginx serving the
 * same file from disk, side by side in one run.
 */
public final class EdgeBench {
  private static final double TOP_HIT_TARGET = 0.9;
  private static final double SPEED_TARGET = 0.5;

  private EdgeBench() {}

  public static void main(String[] args) throws Exception {
    BenchSettings settings = BenchSettings.fromSystemProperties();
    int titles = Integer.getInteger("bench.titles", 100);
    int topTitles = Integer.getInteger("bench.topTitles", 10);
    double zipf = Double.parseDouble(System.getProperty("bench.zipf", "1.0"));
    String edgeCache = System.getProperty("bench.edgeCache", "24m");
    Duration warm = Duration.ofSeconds(Integer.getInteger("bench.zipfWarmSeconds", 30));
    Duration measured = Duration.ofSeconds(Integer.getInteger("bench.zipfSeconds", 30));
    Path home = Files.createTempDirectory("marquee-edge-bench-");
    Teardown teardown = new Teardown(home);
    Runtime.getRuntime().addShutdownHook(new Thread(teardown, "marquee-bench-teardown"));
    int[] ports = PlatformBench.freePorts(9);
    MarqueeStack stack = null;
    EdgeTier edge = null;
    DiskNginx disk = null;
    try {
      stack =
          MarqueeStack.builder()
              .home(home)
              .httpPort(ports[0])
              .httpsPort(ports[1])
              .databasePort(ports[2])
              .objectStorePort(ports[3])
              .messagingPort(ports[4])
              .wlpDirectory(Path.of(System.getProperty("marquee.wlp.dir")))
              .environment("HTTP_HOST", "127.0.0.1")
              .environment("MESSAGING_HOST", "127.0.0.1")
              .build();
      teardown.stack(stack);
      progress("Starting the stack in " + home);
      stack.start();
      MarqueeClient client = new MarqueeClient(stack.baseUrl());
      String admin = client.signIn(MarqueeStack.ADMIN_EMAIL, stack.adminPassword());
      Path master = home.resolve("master.mp4");
      new SyntheticMaster(640, 360, 25, 8, false, List.of("eng")).writeTo(master);
      progress("Ingesting and transcoding an 8 s title");
      BenchStacks.publishTitle(client, admin, master, "Edge bench");
      SignedSegments segments = new SignedSegments(home);
      String s3Secret =
          Files.readString(home.resolve("secrets/s3-secret-key"), StandardCharsets.UTF_8).strip();
      progress("Storing " + titles + " titles' segments (copies of the published one)");
      List<List<String>> keys = TitleCopies.make(segments, titles, ports[3], "marquee", s3Secret);
      long titleBytes = keys.get(0).stream().mapToLong(segments::size).sum();

      edge =
          EdgeTier.inFrontOf(stack, ports[5], 0, ports[6]).workers(1).cacheSize(edgeCache).start();
      disk = new DiskNginx(home.resolve("disk-nginx"), segments.bucketFolder(), ports[7], 1);
      disk.start();

      List<List<String>> paths = new ArrayList<>();
      Set<String> top = new HashSet<>();
      for (int r = 0; r < keys.size(); r++) {
        paths.add(keys.get(r).stream().map(segments::originPath).toList());
        if (r < topTitles) {
          top.add(keys.get(r).get(0).split("/")[1]);
        }
      }
      Path wrkDir = Files.createDirectories(home.resolve("wrk"));
      ZipfWorkload workload = new ZipfWorkload(wrkDir, paths, zipf, settings);
      TierLog edgeLog = new TierLog(edge.logs().resolve("edge-access.log"));
      TierLog shieldLog = new TierLog(edge.logs().resolve("shield-access.log"));
      progress("Zipf workload, warming the caches for " + warm.toSeconds() + " s");
      workload.run(edge.baseUrl(), warm, wrkDir.resolve("zipf-warm.out"));
      long edgeFrom = edgeLog.settledSize();
      long shieldFrom = shieldLog.settledSize();
      progress("Zipf workload, measured for " + measured.toSeconds() + " s");
      WrkResult z = workload.run(edge.baseUrl(), measured, wrkDir.resolve("zipf.out"));
      TierLog.Counts e = edgeLog.count(edgeFrom, edgeLog.settledSize(), top);
      TierLog.Counts s = shieldLog.count(shieldFrom, shieldLog.settledSize(), top);
      double offload = e.requests() == 0 ? 0 : 1 - (double) s.misses() / e.requests();

      String hotKey =
          keys.get(0).stream().filter(k -> k.endsWith(".m4s")).findFirst().orElseThrow();
      long hotSize = segments.size(hotKey);
      OriginBench.check(edge.baseUrl() + segments.originPath(hotKey), hotSize);
      OriginBench.check(disk.baseUrl() + "/" + hotKey, hotSize);
      WrkRun wrk = new WrkRun(settings, wrkDir);
      progress("wrk: one cached segment, nginx from disk");
      WrkResult peer =
          wrk.warmUpAndMeasure(
              disk.baseUrl(), Endpoint.get("disk", "/" + hotKey, List.of(), null), "disk");
      progress("wrk: one cached segment through the edge");
      WrkResult hit =
          wrk.warmUpAndMeasure(
              edge.baseUrl(),
              Endpoint.get("edge", segments.originPath(hotKey), List.of(), null),
              "edge-hit");
      double speed = hit.requestsPerSecond() / peer.requestsPerSecond();

      System.out.println();
      Machine m = Machine.describe(java.util.Optional.empty());
      System.out.printf(
          "Machine  %s processors, %s, %s%n", m.processors(), m.cpuModel(), m.memory());
      System.out.printf(
          "Catalogue %d titles x %d cenc segments (%,d bytes a title); Zipf s=%.2f over titles,"
              + " uniform over a title's segments; edge cache %s, shield %s; wrk -t%d -c%d%n%n",
          keys.size(),
          keys.get(0).size(),
          titleBytes,
          zipf,
          edgeCache,
          "4x the edge",
          settings.threads(),
          settings.connections());
      System.out.printf(
          "Zipf run, %d s after %d s of warm-up: %,.0f req/s through the edge, %d errors%n",
          measured.toSeconds(),
          warm.toSeconds(),
          z.requestsPerSecond(),
          z.non2xx() + z.socketErrors());
      System.out.println(
          "| Tier | requests | hits | hit ratio | top " + topTitles + " titles' hit ratio |");
      System.out.println("|---|---:|---:|---:|---:|");
      System.out.printf(
          "| edge | %,d | %,d | %.3f | %.3f |%n",
          e.requests(), e.hits(), e.hitRatio(), e.topHitRatio());
      System.out.printf(
          "| shield | %,d | %,d | %.3f | %.3f |%n",
          s.requests(), s.hits(), s.hitRatio(), s.topHitRatio());
      System.out.printf(
          "Origin offload (1 - origin fetches / edge requests): %.3f (%,d origin fetches)%n%n",
          offload, s.misses());
      System.out.printf(
          "One cached segment (%,d bytes), %d s warm-up + %d s measured:%n",
          hotSize, settings.warmUp().toSeconds(), settings.measure().toSeconds());
      System.out.println("| Server | req/s | MB/s | p50 ms | p99 ms | errors | vs nginx |");
      System.out.println("|---|---:|---:|---:|---:|---:|---:|");
      System.out.printf(
          "| nginx from disk (1 worker) | %,.0f | %,.0f | %.2f | %.2f | %d | 1.000x |%n",
          peer.requestsPerSecond(),
          OriginBench.mbps(peer, hotSize),
          peer.p50Millis(),
          peer.p99Millis(),
          peer.non2xx() + peer.socketErrors());
      System.out.printf(
          "| edge hit, signature checked (1 worker) | %,.0f | %,.0f | %.2f | %.2f | %d | %.3fx |%n",
          hit.requestsPerSecond(),
          OriginBench.mbps(hit, hotSize),
          hit.p50Millis(),
          hit.p99Millis(),
          hit.non2xx() + hit.socketErrors(),
          speed);
      System.out.printf(
          "%nTargets: top titles' edge hit ratio >= %.2f: %s; edge hits >= %.1fx nginx: %s%n",
          TOP_HIT_TARGET, e.topHitRatio() >= TOP_HIT_TARGET, SPEED_TARGET, speed >= SPEED_TARGET);

      ResultsFile.write(
          "edge",
          "bash bench/edge-bench.sh",
          Json.createObjectBuilder()
              .add("titles", keys.size())
              .add("segmentsPerTitle", keys.get(0).size())
              .add("bytesPerTitle", titleBytes)
              .add("zipfExponent", zipf)
              .add("topTitles", topTitles)
              .add("edgeCache", edgeCache)
              .add("shieldCache", "4x the edge")
              .add("warmUpSeconds", warm.toSeconds())
              .add("measuredSeconds", measured.toSeconds())
              .add("wrk", "-t" + settings.threads() + " -c" + settings.connections())
              .add("nginxWorkers", 1)
              .add("machine", m.processors() + " processors, " + m.cpuModel() + ", " + m.memory())
              .build(),
          Json.createObjectBuilder()
              .add("zipfRequestsPerSecond", z.requestsPerSecond())
              .add("zipfErrors", z.non2xx() + z.socketErrors())
              .add("edgeRequests", e.requests())
              .add("edgeHitRatio", e.hitRatio())
              .add("edgeTopTitlesHitRatio", e.topHitRatio())
              .add("shieldRequests", s.requests())
              .add("shieldHitRatio", s.hitRatio())
              .add("originFetches", s.misses())
              .add("originOffload", offload)
              .add("hotSegmentBytes", hotSize)
              .add("nginxDiskRequestsPerSecond", peer.requestsPerSecond())
              .add("edgeHitRequestsPerSecond", hit.requestsPerSecond())
              .add("edgeHitP99Millis", hit.p99Millis())
              .add("ratioEdgeHitToNginxDisk", speed)
              .build(),
          Json.createObjectBuilder()
              .add(
                  "edgeTopTitlesHitRatio",
                  Json.createObjectBuilder()
                      .add("target", TOP_HIT_TARGET)
                      .add("met", e.topHitRatio() >= TOP_HIT_TARGET))
              .add(
                  "edgeHitToNginxDisk",
                  Json.createObjectBuilder()
                      .add("target", SPEED_TARGET)
                      .add("met", speed >= SPEED_TARGET))
              .build());
    } catch (Exception | Error e) {
      if (stack != null) {
        PlatformBench.printLogTail(stack.liberty());
      }
      throw e;
    } finally {
      if (disk != null) {
        disk.close();
      }
      if (edge != null) {
        edge.close();
      }
      teardown.run();
    }
  }

  private static void progress(String message) {
    System.err.println("[bench] " + message);
  }
}
