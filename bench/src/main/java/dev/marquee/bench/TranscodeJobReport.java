package dev.marquee.bench;

import dev.marquee.devstack.MarqueeStack;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.Map;
import java.util.TreeMap;

/** Where a transcode job's time went: its steps' wall times and the CPU each process used. */
final class TranscodeJobReport {
  private TranscodeJobReport() {}

  /**
   * Each step's wall time (partitioned steps from their first partition's start to their last one's
   * end), from the job repository's step executions in PostgreSQL.
   */
  static void printSteps(MarqueeStack stack, long execution) {
    String sql =
        "SELECT stepname, MIN(starttime), MAX(endtime) FROM batch.wlpstepthreadexecution"
            + " WHERE fk_jobexecid = ? GROUP BY stepname ORDER BY MIN(starttime)";
    try (var connection =
            DriverManager.getConnection(
                stack.database().jdbcUrl(), stack.database().user(), stack.database().password());
        var statement = connection.prepareStatement(sql)) {
      statement.setLong(1, execution);
      StringBuilder line = new StringBuilder("steps:");
      try (var rows = statement.executeQuery()) {
        while (rows.next()) {
          long millis = rows.getTimestamp(3).getTime() - rows.getTimestamp(2).getTime();
          line.append(String.format(" %s %.1f s", rows.getString(1), millis / 1000.0));
        }
      }
      log(line.toString());
    } catch (Exception e) {
      log("step times unavailable: " + e);
    }
    printPartitions(stack, execution);
  }

  /**
   * Each partition's start and end in seconds from the job's first step, to see whether both
   * threads were busy until the end (a tail with one thread idle) or started late.
   */
  private static void printPartitions(MarqueeStack stack, long execution) {
    String sql =
        "SELECT stepname, partnum, starttime, endtime,"
            + " MIN(starttime) OVER () AS t0 FROM batch.wlpstepthreadexecution"
            + " WHERE fk_jobexecid = ? ORDER BY starttime";
    try (var connection =
            DriverManager.getConnection(
                stack.database().jdbcUrl(), stack.database().user(), stack.database().password());
        var statement = connection.prepareStatement(sql)) {
      statement.setLong(1, execution);
      StringBuilder line = new StringBuilder("partitions (s from the first):");
      try (var rows = statement.executeQuery()) {
        while (rows.next()) {
          long t0 = rows.getTimestamp(5).getTime();
          line.append(
              String.format(
                  " %s#%d %.1f-%.1f;",
                  rows.getString(1),
                  rows.getInt(2),
                  (rows.getTimestamp(3).getTime() - t0) / 1000.0,
                  (rows.getTimestamp(4).getTime() - t0) / 1000.0));
        }
      }
      log(line.toString());
    } catch (Exception e) {
      log("partition times unavailable: " + e);
    }
  }

  /**
   * CPU seconds used so far by this JVM (which runs s3proxy, the object store) and by each process
   * it started (Liberty, PostgreSQL), by command name.
   */
  static Map<String, Double> cpuSeconds() {
    Map<String, Double> cpu = new TreeMap<>();
    cpu.put("bench JVM with s3proxy", cpuOf(ProcessHandle.current()));
    ProcessHandle.current()
        .descendants()
        .forEach(
            p -> {
              String command = p.info().command().orElse("?");
              String name =
                  command.endsWith("java")
                      ? "liberty JVM"
                      : Path.of(command).getFileName().toString();
              cpu.merge(name, cpuOf(p), Double::sum);
            });
    return cpu;
  }

  static void printCpu(Map<String, Double> before, Map<String, Double> after) {
    StringBuilder line = new StringBuilder("CPU during the job:");
    after.forEach(
        (name, seconds) ->
            line.append(
                String.format(" %s %.1f s;", name, seconds - before.getOrDefault(name, 0.0))));
    log(line.toString());
  }

  private static double cpuOf(ProcessHandle process) {
    return process.info().totalCpuDuration().map(d -> d.toMillis() / 1000.0).orElse(0.0);
  }

  private static void log(String message) {
    System.out.println("[bench] " + message);
  }
}
