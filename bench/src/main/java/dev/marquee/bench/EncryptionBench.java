package dev.marquee.bench;

import dev.marquee.media.testing.SyntheticMaster;
import dev.marquee.transcode.internal.cmaf.CmafSample;
import dev.marquee.transcode.internal.cmaf.CmafWriter;
import dev.marquee.transcode.internal.cmaf.Protection;
import dev.marquee.transcode.internal.cmaf.TrackFormat;
import dev.marquee.transcode.internal.encode.ChunkEncoder;
import dev.marquee.transcode.internal.encode.ChunkSpec;
import dev.marquee.transcode.internal.encode.EncodedChunk;
import dev.marquee.transcode.internal.encode.Rung;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Sample encryption throughput (run it with {@code bash bench/encryption-bench.sh}): Marquee's
 * packager encrypting 1080p H.264 CMAF segments in cenc and cbcs, side by side with shaka-packager
 * encrypting the same clear file with the same key, in one run. Single thread on both sides.
 *
 * <p>Marquee is timed in process (samples in memory to encrypted segments in memory, as the
 * pipeline does it); shaka-packager as a whole process (read, parse, encrypt, write). To separate
 * shaka's encryption from its I/O, it is also timed repackaging the same file without encryption.
 */
public final class EncryptionBench {
  private static final int SECONDS = Integer.getInteger("bench.seconds", 12);
  private static final int ROUNDS = Integer.getInteger("bench.rounds", 5);

  private EncryptionBench() {}

  public static void main(String[] args) throws Exception {
    Path shaka = Path.of(System.getProperty("marquee.shaka"));
    if (!Files.isExecutable(shaka)) {
      System.err.println("shaka-packager missing at " + shaka + " (install Node.js and npm)");
      System.exit(2);
    }
    Path work = Files.createTempDirectory("marquee-encryption-bench-");
    try {
      run(shaka, work);
    } finally {
      try (var files = Files.walk(work)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private static void run(Path shaka, Path work) throws Exception {
    Path master = work.resolve("master.mp4");
    log("Generating a " + SECONDS + " s 1920x1080 noise master and encoding it at 1080p/15 Mb/s");
    new SyntheticMaster(1920, 1080, 25, SECONDS, true, List.of()).writeTo(master);
    ChunkEncoder encoder = new ChunkEncoder("veryfast");
    Rung rung = new Rung("1080p", 1080, 15_000_000);
    List<EncodedChunk> chunks = new ArrayList<>();
    for (int c = 0; c < SECONDS / 2; c++) {
      chunks.add(encoder.encode(master.toString(), new ChunkSpec(c, c * 50L, 50, 25, 1), rung));
    }
    EncodedChunk first = chunks.get(0);
    TrackFormat.Video format =
        new TrackFormat.Video(first.width(), first.height(), 12800, first.avc());
    long sampleBytes = 0;
    List<List<CmafSample>> segments = new ArrayList<>();
    for (EncodedChunk chunk : chunks) {
      List<CmafSample> samples = new ArrayList<>();
      for (CmafSample s : chunk.samples()) {
        samples.add(
            new CmafSample(s.data(), s.duration() * 512, s.compositionOffset() * 512, s.sync()));
        sampleBytes += s.data().length;
      }
      segments.add(samples);
    }
    ByteArrayOutputStream clear = new ByteArrayOutputStream();
    clear.writeBytes(CmafWriter.initSegment(format, 1));
    for (int i = 0; i < segments.size(); i++) {
      clear.writeBytes(CmafWriter.mediaSegment(i + 1, 1, i * 50L * 512, segments.get(i)));
    }
    Path clearFile = Files.write(work.resolve("clear.mp4"), clear.toByteArray());
    double mb = sampleBytes / 1e6;
    byte[] key = new byte[16];
    byte[] kid = new byte[16];
    new SecureRandom().nextBytes(key);
    new SecureRandom().nextBytes(kid);
    log(String.format("Clear input: %.1f MB of samples in %d segments", mb, segments.size()));

    System.out.println();
    System.out.println(
        "| Scheme | Marquee MB/s | shaka-packager MB/s (whole process) | shaka, encryption only | Marquee / shaka (whole) | Marquee / shaka (encryption only) |");
    System.out.println("|---|---:|---:|---:|---:|---:|");
    double plain =
        bestSeconds(() -> shaka(shaka, clearFile, work.resolve("plain.mp4"), null, kid, key));
    JsonObjectBuilder figures = Json.createObjectBuilder().add("clearSampleMB", mb);
    for (Protection.Scheme scheme : Protection.Scheme.values()) {
      Protection protection = new Protection(scheme, kid, key, "bench/1080p".getBytes());
      // Warm the JIT, then best of ROUNDS.
      for (int w = 0; w < 3; w++) {
        encryptAll(segments, format, protection);
      }
      double ours = bestSeconds(() -> encryptAll(segments, format, protection));
      Path out = work.resolve("shaka-" + scheme.fourCc() + ".mp4");
      double theirs = bestSeconds(() -> shaka(shaka, clearFile, out, scheme.fourCc(), kid, key));
      // shaka's own encryption time is the difference of two process runs; where that
      // difference is within 5 % of the plain run (cbcs encrypts one block in ten) it is noise.
      double theirsCrypto = theirs - plain > 0.05 * plain ? theirs - plain : Double.NaN;
      System.out.printf(
          "| %s | %.0f | %.0f | %s | %.2fx | %s |%n",
          scheme.fourCc(),
          mb / ours,
          mb / theirs,
          Double.isNaN(theirsCrypto) ? "noise" : String.format("%.0f", mb / theirsCrypto),
          theirs / ours,
          Double.isNaN(theirsCrypto) ? "n/a" : String.format("%.2fx", theirsCrypto / ours));
      figures.add(
          scheme.fourCc(),
          Json.createObjectBuilder()
              .add("marqueeMBps", mb / ours)
              .add("shakaWholeProcessMBps", mb / theirs)
              .add("shakaEncryptionOnlyMBpsEstimate", finite(mb / theirsCrypto))
              .add("marqueeVsShakaWholeProcess", theirs / ours)
              .add("marqueeVsShakaEncryptionOnly", finite(theirsCrypto / ours)));
    }
    for (int w = 0; w < 3; w++) {
      writeClear(segments);
    }
    double ourClear = bestSeconds(() -> writeClear(segments));
    System.out.printf(
        "%nWithout encryption: Marquee writes the same segments at %.0f MB/s; shaka-packager"
            + " repackages the file in %.3f s (%.0f MB/s).%n",
        mb / ourClear, plain, mb / plain);
    System.out.printf(
        "Java %s on %d processors.%n",
        Runtime.version(), Runtime.getRuntime().availableProcessors());
    figures.add("marqueeClearMBps", mb / ourClear).add("shakaRepackageMBps", mb / plain);
    ResultsFile.write(
        "encryption",
        "SKIP_BUILD=1 bash bench/encryption-bench.sh",
        Json.createObjectBuilder()
            .add("input", "ChunkEncoder 1080p 15 Mb/s noise master, CMAF segments in memory")
            .add("rounds", "best of " + ROUNDS + ", one thread each")
            .build(),
        figures.build(),
        Json.createObjectBuilder().build());
  }

  private static void encryptAll(
      List<List<CmafSample>> segments, TrackFormat.Video format, Protection protection) {
    long sink = 0;
    for (int i = 0; i < segments.size(); i++) {
      sink +=
          CmafWriter.mediaSegment(i + 1, 1, i * 50L * 512, segments.get(i), format, protection)
              .length;
    }
    if (sink == 0) {
      throw new IllegalStateException("nothing encrypted");
    }
  }

  private static void writeClear(List<List<CmafSample>> segments) {
    long sink = 0;
    for (int i = 0; i < segments.size(); i++) {
      sink += CmafWriter.mediaSegment(i + 1, 1, i * 50L * 512, segments.get(i)).length;
    }
    if (sink == 0) {
      throw new IllegalStateException("nothing written");
    }
  }

  private static void shaka(Path shaka, Path in, Path out, String scheme, byte[] kid, byte[] key) {
    List<String> command =
        new ArrayList<>(List.of(shaka.toString(), "in=" + in + ",stream=video,output=" + out));
    if (scheme != null) {
      HexFormat hex = HexFormat.of();
      command.addAll(
          List.of(
              "--enable_raw_key_encryption",
              "--keys",
              "label=:key_id=" + hex.formatHex(kid) + ":key=" + hex.formatHex(key),
              "--protection_scheme",
              scheme,
              "--clear_lead",
              "0"));
    }
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      String printed = new String(p.getInputStream().readAllBytes());
      if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
        throw new IllegalStateException("shaka-packager failed:\n" + printed);
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A figure, or null where it could not be measured. */
  private static JsonValue finite(double value) {
    return Double.isFinite(value) ? Json.createValue(value) : JsonValue.NULL;
  }

  private static double bestSeconds(Runnable task) {
    double best = Double.MAX_VALUE;
    for (int r = 0; r < ROUNDS; r++) {
      long t0 = System.nanoTime();
      task.run();
      best = Math.min(best, (System.nanoTime() - t0) / 1e9);
    }
    return best;
  }

  private static void log(String message) {
    System.err.println("[bench] " + message);
  }
}
