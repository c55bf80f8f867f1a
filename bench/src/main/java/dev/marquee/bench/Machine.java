package dev.marquee.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Where the numbers came from; they mean little without it. */
record Machine(String processors, String cpuModel, String memory, String java) {

  /**
   * @param javaExecutable the Liberty JVM's own java, so the version shown is the one measured
   */
  static Machine describe(Optional<String> javaExecutable) {
    String java =
        javaExecutable.orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    return new Machine(
        firstLine(List.of("nproc"))
            .orElse(Integer.toString(Runtime.getRuntime().availableProcessors())),
        procValue("/proc/cpuinfo", "model name").orElse("unknown CPU"),
        procValue("/proc/meminfo", "MemTotal").map(Machine::kibToGib).orElse("unknown memory"),
        firstLine(List.of(java, "-version")).orElse("unknown java"));
  }

  private static Optional<String> firstLine(List<String> command) {
    try {
      // Through a file and with a time limit, so a stuck command cannot stall the report.
      Path output = Files.createTempFile("marquee-bench-", ".txt");
      try {
        Process process =
            new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
          process.destroyForcibly();
          return Optional.empty();
        }
        if (process.exitValue() != 0) {
          return Optional.empty();
        }
        return Files.readAllLines(output, StandardCharsets.UTF_8).stream()
            .map(String::strip)
            .filter(line -> !line.isEmpty())
            .findFirst();
      } finally {
        Files.deleteIfExists(output);
      }
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  private static Optional<String> procValue(String file, String key) {
    try {
      return Files.readAllLines(Path.of(file)).stream()
          .filter(line -> line.startsWith(key))
          .map(line -> line.substring(line.indexOf(':') + 1).strip())
          .findFirst();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static String kibToGib(String memTotal) {
    long kib = Long.parseLong(memTotal.replace("kB", "").strip());
    return "%.1f GiB RAM".formatted(kib / (1024.0 * 1024.0));
  }
}
