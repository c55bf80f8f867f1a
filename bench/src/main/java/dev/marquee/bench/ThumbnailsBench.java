package dev.marquee.bench;

import dev.marquee.transcode.internal.domain.ThumbnailLayout;
import dev.marquee.transcode.internal.encode.ThumbnailSheets;
import jakarta.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.bytedeco.javacpp.Loader;

/**
 * Trick-play thumbnails (run it with {@code bash bench/thumbnails-bench.sh}): Marquee's sheets of a
 * 60 s 1080p master (a picture every 2 s, 256x144 tiles, 5x5 JPEG sheets: what the transcode job's
 * thumbnails step makes) beside the ffmpeg command that makes the same sheets (fps, scale and tile
 * filters), one process each, in one run; each side runs three times and its median counts.
 */
public final class ThumbnailsBench {
  private static final int SECONDS = Integer.getInteger("bench.masterSeconds", 60);
  private static final int ROUNDS = 3;

  /** Marquee's step may take at most twice as long as the ffmpeg command. */
  private static final double TARGET = 0.5;

  private ThumbnailsBench() {}

  public static void main(String[] args) throws Exception {
    Path work = Files.createTempDirectory("marquee-thumbnails-bench-");
    try {
      run(work);
    } finally {
      try (var files = Files.walk(work)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private static void run(Path work) throws Exception {
    String ffmpeg = Loader.load(org.bytedeco.ffmpeg.ffmpeg.class);
    Path master = work.resolve("master.mp4");
    TranscodeBench.generate(ffmpeg, SECONDS, master);
    ThumbnailLayout layout = ThumbnailLayout.of(1920, 1080, SECONDS, 2000);
    double[] marquee = new double[ROUNDS];
    double[] peer = new double[ROUNDS];
    long sheets = 0;
    AtomicLong bytes = new AtomicLong();
    for (int r = 0; r < ROUNDS; r++) {
      bytes.set(0);
      long start = System.nanoTime();
      List<Integer> made = new ArrayList<>();
      new ThumbnailSheets(layout, 0)
          .make(
              master.toString(),
              (n, jpeg) -> {
                made.add(n);
                bytes.addAndGet(jpeg.length);
              });
      marquee[r] = (System.nanoTime() - start) / 1e9;
      sheets = made.size();
      Path out = Files.createDirectories(work.resolve("ffmpeg-" + r));
      start = System.nanoTime();
      Process p =
          new ProcessBuilder(
                  ffmpeg,
                  "-y",
                  "-hide_banner",
                  "-loglevel",
                  "error",
                  "-i",
                  master.toString(),
                  "-an",
                  "-vf",
                  "fps=1/2,scale=256:144:flags=area,tile=5x5",
                  "-q:v",
                  "5",
                  out.resolve("sheet-%d.jpg").toString())
              .inheritIO()
              .start();
      if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
        throw new IllegalStateException("ffmpeg failed");
      }
      peer[r] = (System.nanoTime() - start) / 1e9;
      try (var files = Files.list(out)) {
        long peerSheets = files.count();
        System.out.printf(
            "round %d: Marquee %.2f s (%d sheets, %d KB), ffmpeg %.2f s (%d sheets)%n",
            r + 1, marquee[r], sheets, bytes.get() / 1024, peer[r], peerSheets);
      }
    }
    double m = median(marquee);
    double f = median(peer);
    double ratio = f / m;
    System.out.printf(
        "%nThumbnails of a %d s 1080p master (%d pictures, %d sheets): Marquee %.2f s, ffmpeg"
            + " %.2f s; speed %.3fx ffmpeg (target at least %.1fx: %s)%n",
        SECONDS, layout.count(), sheets, m, f, ratio, TARGET, ratio >= TARGET);
    Path file =
        ResultsFile.write(
            "thumbnails",
            "bash bench/thumbnails-bench.sh",
            Json.createObjectBuilder()
                .add("master", SECONDS + " s, 1920x1080, 25 fps, x264 20 Mb/s, GOP 50, noise")
                .add("layout", "a picture every 2 s, 256x144 tiles, 5x5 sheets, JPEG")
                .add(
                    "peer",
                    "bundled ffmpeg 8.0.1: -vf fps=1/2,scale=256:144:flags=area,tile=5x5 -q:v 5")
                .add("rounds", ROUNDS)
                .build(),
            Json.createObjectBuilder()
                .add("marqueeSeconds", m)
                .add("ffmpegSeconds", f)
                .add("sheets", sheets)
                .add("sheetBytes", bytes.get())
                .add("ratioSpeedToFfmpeg", ratio)
                .build(),
            Json.createObjectBuilder()
                .add(
                    "speedToFfmpeg",
                    Json.createObjectBuilder().add("target", TARGET).add("met", ratio >= TARGET))
                .build());
    System.err.println("[bench] wrote " + file);
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }
}
