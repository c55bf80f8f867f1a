package dev.marquee.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The CPU time a local stack has used so far: the Liberty JVM, and PostgreSQL (the postmaster named
 * in its pid file and every process below it). Two readings around a measured run give the CPU a
 * request kind costs, which, unlike throughput, barely depends on what else the machine is doing.
 */
final class StackCpu {
  /** CPU seconds used so far by each side, and the Liberty JVM's part in the kernel. */
  record Reading(double liberty, double libertyKernel, double postgres) {
    Reading minus(Reading earlier) {
      return new Reading(
          liberty - earlier.liberty,
          libertyKernel - earlier.libertyKernel,
          postgres - earlier.postgres);
    }
  }

  /** USER_HZ, the unit of /proc/PID/stat's times: 100 on every Linux this runs on. */
  private static final double TICKS_PER_SECOND = 100.0;

  private final ProcessHandle liberty;
  private final Path postmasterPid;

  StackCpu(ProcessHandle liberty, Path postmasterPid) {
    this.liberty = liberty;
    this.postmasterPid = postmasterPid;
  }

  Reading read() {
    return new Reading(seconds(Stream.of(liberty)), kernelSeconds(liberty), postgres());
  }

  /** System time: /proc/PID/stat field 15; NaN (written as null) where it cannot be read. */
  private static double kernelSeconds(ProcessHandle process) {
    return statTicks(process, 15) / TICKS_PER_SECOND;
  }

  /**
   * Fields of /proc/PID/stat (numbered from 1 as in proc(5)), summed, in clock ticks; NaN where
   * they cannot be read.
   */
  private static double statTicks(ProcessHandle process, int... fieldNumbers) {
    Path stat = Path.of("/proc", Long.toString(process.pid()), "stat");
    try {
      String text = Files.readString(stat, StandardCharsets.US_ASCII);
      // The command name (field 2) may hold spaces; field 3 starts two characters after its ')'.
      String[] fields = text.substring(text.lastIndexOf(')') + 2).split(" ");
      double sum = 0;
      for (int n : fieldNumbers) {
        sum += Long.parseLong(fields[n - 3]);
      }
      return sum;
    } catch (IOException | RuntimeException e) {
      return Double.NaN;
    }
  }

  private double postgres() {
    try {
      long pid =
          Long.parseLong(Files.readAllLines(postmasterPid, StandardCharsets.US_ASCII).get(0));
      ProcessHandle postmaster = ProcessHandle.of(pid).orElseThrow();
      // Backends and autovacuum workers that have ended count in the postmaster's cutime and
      // cstime (fields 16 and 17) once it has reaped them; the running ones count themselves.
      return seconds(Stream.concat(Stream.of(postmaster), postmaster.descendants()))
          + statTicks(postmaster, 16, 17) / TICKS_PER_SECOND;
    } catch (IOException e) {
      throw new IllegalStateException("No PostgreSQL pid in " + postmasterPid, e);
    }
  }

  private static double seconds(Stream<ProcessHandle> processes) {
    return processes
        .mapToDouble(p -> p.info().totalCpuDuration().map(d -> d.toNanos() / 1e9).orElse(0.0))
        .sum();
  }
}
