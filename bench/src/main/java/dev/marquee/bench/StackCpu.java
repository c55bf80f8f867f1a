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

  private final ProcessHandle liberty;
  private final Path postmasterPid;

  StackCpu(ProcessHandle liberty, Path postmasterPid) {
    this.liberty = liberty;
    this.postmasterPid = postmasterPid;
  }

  Reading read() {
    return new Reading(seconds(Stream.of(liberty)), kernelSeconds(liberty), postgres());
  }

  /**
   * System time from /proc/PID/stat (field 15, in clock ticks of 1/100 s on Linux); 0 where there
   * is no /proc.
   */
  private static double kernelSeconds(ProcessHandle process) {
    Path stat = Path.of("/proc", Long.toString(process.pid()), "stat");
    try {
      String text = Files.readString(stat, StandardCharsets.US_ASCII);
      // The command name (field 2) may hold spaces; the fields after it follow its ')'.
      String[] fields = text.substring(text.lastIndexOf(')') + 2).split(" ");
      return Long.parseLong(fields[12]) / 100.0;
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }

  private double postgres() {
    try {
      long pid =
          Long.parseLong(Files.readAllLines(postmasterPid, StandardCharsets.US_ASCII).get(0));
      ProcessHandle postmaster = ProcessHandle.of(pid).orElseThrow();
      return seconds(Stream.concat(Stream.of(postmaster), postmaster.descendants()));
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
