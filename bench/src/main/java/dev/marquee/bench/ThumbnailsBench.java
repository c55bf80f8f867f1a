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
    double[] single = new double[ROUNDS];
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
      peer[r] = ffmpeg(ffmpeg, master, work.resolve("ffmpeg-" + r), null);
      single[r] = ffmpeg(ffmpeg, master, work.resolve("ffmpeg-1-" + r), "1");
      System.out.printf(
          "round %d: Marquee %.2f s (one decoding thread; %d sheets, %d KB), ffmpeg %.2f s (its"
              + " default threads), ffmpeg -threads 1 %.2f s%n",
          r + 1, marquee[r], sheets, bytes.get() / 1024, peer[r], single[r]);
    }
    double m = median(marquee);
    double f = median(peer);
    double f1 = median(single);
    double ratio = f / m;
    double ratioSingle = f1 / m;
    System.out.printf(
        "%nThumbnails of a %d s 1080p master (%d pictures, %d sheets): Marquee %.2f s, ffmpeg"
            + " %.2f s, ffmpeg -threads 1 %.2f s; speed %.3fx ffmpeg (target at least %.1fx: %s),"
            + " %.3fx ffmpeg on one thread%n",
        SECONDS, layout.count(), sheets, m, f, f1, ratio, TARGET, ratio >= TARGET, ratioSingle);
    Path file =
        ResultsFile.write(
            "thumbnails",
            "bash bench/thumbnails-bench.sh",
            Json.createObjectBuilder()
                .add("master", SECONDS + " s, 1920x1080, 25 fps, x264 20 Mb/s, GOP 50, noise")
                .add("layout", "a picture every 2 s, 256x144 tiles, 5x5 sheets, JPEG")
                .add(
                    "peer",
                    "bundled ffmpeg 8.0.1: -vf fps=1/2,scale=256:144:flags=area,tile=5x5 -q:v 5,"
                        + " with its default threads and with -threads 1")
                .add("marquee", "ThumbnailSheets as the transcode job runs it: one decoding thread")
                .add("rounds", ROUNDS)
                .build(),
            Json.createObjectBuilder()
                .add("marqueeSeconds", m)
                .add("ffmpegSeconds", f)
                .add("ffmpegOneThreadSeconds", f1)
                .add("sheets", sheets)
                .add("sheetBytes", bytes.get())
                .add("ratioSpeedToFfmpeg", ratio)
                .add("ratioSpeedToFfmpegOneThread", ratioSingle)
                .build(),
            Json.createObjectBuilder()
                .add(
                    "speedToFfmpeg",
                    Json.createObjectBuilder().add("target", TARGET).add("met", ratio >= TARGET))
                .build());
    System.err.println("[bench] wrote " + file);
  }

  /** Seconds for the ffmpeg command making the same sheets; {@code threads} null: its default. */
  private static double ffmpeg(String ffmpeg, Path master, Path dir, String threads)
      throws Exception {
    Path out = Files.createDirectories(dir);
    List<String> command =
        new ArrayList<>(List.of(ffmpeg, "-y", "-hide_banner", "-loglevel", "error"));
    if (threads != null) {
      command.addAll(List.of("-threads", threads));
    }
    command.addAll(
        List.of(
            "-i",
            master.toString(),
            "-an",
            "-vf",
            "fps=1/2,scale=256:144:flags=area,tile=5x5",
            "-q:v",
            "5"));
    if (threads != null) {
      command.addAll(List.of("-filter_threads", threads, "-threads", threads));
    }
    command.add(out.resolve("sheet-%d.jpg").toString());
    long start = System.nanoTime();
    Process p = new ProcessBuilder(command).inheritIO().start();
    if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
      throw new IllegalStateException("ffmpeg failed: " + command);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    try (var files = Files.list(out)) {
      if (files.count() == 0) {
        throw new IllegalStateException("ffmpeg made no sheets: " + command);
      }
    }
    return seconds;
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }
}
