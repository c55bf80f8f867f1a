package dev.marquee.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code bench/results/transcode.json}: the ffmpeg command line's wall time (the faster of a run
 * before the Marquee jobs and one after them; both, and their CPU time, are figures too), each
 * Marquee run's, and the two targets of issue 17: the first job after a server start at least as
 * fast as the ffmpeg command line, a warm server at least 1.05x. A run that was not made is {@code
 * null} and its target not met.
 */
record TranscodeResults(
    int masterSeconds,
    String loadAtStart,
    double ffmpeg,
    double[] ffmpegWallRuns,
    double[] ffmpegCpuRuns,
    double firstJob,
    double warm,
    double warmOneThread,
    double warmThreeThreads,
    double x264Sd,
    double jcodecSd) {

  static final double FIRST_JOB_TARGET = 1.0;
  static final double WARM_TARGET = 1.05;

  /** The first line of /proc/loadavg now: other engineers build on the bench machine. */
  static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).strip();
    } catch (IOException e) {
      return "unknown";
    }
  }

  private static String env(String name) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? "" : name + "='" + value + "' ";
  }

  void write() throws IOException {
    // JVM_ARGS reaches Liberty's JVM after its jvm.options (a trial of other JVM flags).
    String command =
        env("JVM_ARGS") + env("BENCH_OPTS") + "SKIP_BUILD=1 bash bench/transcode-bench.sh";
    double firstRatio = ffmpeg / firstJob;
    double warmRatio = ffmpeg / warm;
    new ResultsFile("transcode", command)
        .figure("masterSeconds", masterSeconds)
        .figure("loadAverageAtStart", loadAtStart)
        .figure("ffmpegWallS", ffmpeg)
        .figure("ffmpegWallBeforeS", ffmpegWallRuns[0])
        .figure("ffmpegWallAfterS", ffmpegWallRuns[1])
        .figure("ffmpegCpuBeforeS", ffmpegCpuRuns[0])
        .figure("ffmpegCpuAfterS", ffmpegCpuRuns[1])
        .figure("marqueeFirstJobAfterStart2ThreadsWallS", firstJob)
        .figure("marqueeWarm2ThreadsWallS", warm)
        .figure("marqueeWarm1ThreadWallS", warmOneThread)
        .figure("marqueeWarm3ThreadsWallS", warmThreeThreads)
        .figure("marqueeX264SdWallS", x264Sd)
        .figure("marqueeJcodecSdWallS", jcodecSd)
        .ratio("firstJobVsFfmpeg", firstRatio)
        .ratio("warmVsFfmpeg", warmRatio)
        .ratio("warmOneThreadVsFfmpeg", ffmpeg / warmOneThread)
        .ratio("jcodecVsX264Sd", x264Sd / jcodecSd)
        .target(
            "firstJobVsFfmpeg",
            "first job after a server start (2 partition threads) at least "
                + FIRST_JOB_TARGET
                + "x the ffmpeg command line (ffmpeg wall / Marquee wall)",
            firstRatio >= FIRST_JOB_TARGET)
        .target(
            "warmVsFfmpeg",
            "warm server (2 partition threads) at least "
                + WARM_TARGET
                + "x the ffmpeg command line (ffmpeg wall / Marquee wall)",
            warmRatio >= WARM_TARGET)
        .write();
  }
}
