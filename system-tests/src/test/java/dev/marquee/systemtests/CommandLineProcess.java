package dev.marquee.systemtests;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The {@code marquee} command line run as its own process ({@code java -jar
 * cli/target/marquee.jar}) with its own config folder, as a creator would run it; its output is
 * collected line by line while it runs.
 */
final class CommandLineProcess {
  private final Process process;
  private final List<String> out = new ArrayList<>();
  private final List<String> err = new ArrayList<>();

  private CommandLineProcess(Process process) {
    this.process = process;
    collect(process.getInputStream(), out);
    collect(process.getErrorStream(), err);
  }

  /** The jar the reactor built; fails saying how to build it. */
  static Path jar() {
    Path jar = Path.of(System.getProperty("marquee.cli.jar", "../cli/target/marquee.jar"));
    if (!Files.isRegularFile(jar)) {
      throw new AssertionError(
          "No command line at " + jar + ": build it with `mvn -B -DskipTests install -pl cli`.");
    }
    return jar;
  }

  /** Starts {@code marquee ARGS} against the test stack, with {@code config} as its config home. */
  static CommandLineProcess start(Path configHome, String... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-jar");
    command.add(jar().toString());
    command.addAll(List.of(args));
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.PIPE);
    builder.environment().put("XDG_CONFIG_HOME", configHome.toString());
    builder.environment().put("MARQUEE_SERVER", RunningMarquee.stack().baseUrl());
    return new CommandLineProcess(builder.start());
  }

  /** Runs {@code marquee ARGS} to its end. */
  static CommandLineProcess run(Path configHome, Duration timeout, String... args)
      throws Exception {
    CommandLineProcess cli = start(configHome, args);
    cli.awaitExit(timeout);
    return cli;
  }

  int awaitExit(Duration timeout) throws InterruptedException {
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("marquee did not end within " + timeout + "; " + this);
    }
    // The readers finish once the pipes close.
    for (Thread reader : readers) {
      reader.join(5_000);
    }
    return process.exitValue();
  }

  /** Waits for a line on stderr that matches; the line. */
  String awaitErrLine(Predicate<String> wanted, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      synchronized (err) {
        for (String line : err) {
          if (wanted.test(line)) {
            return line;
          }
        }
        err.wait(100);
      }
      if (!process.isAlive() && readers.stream().noneMatch(Thread::isAlive)) {
        break;
      }
    }
    throw new AssertionError("no such line on stderr within " + timeout + "; " + this);
  }

  /** Kills the process at once, as a closed laptop or a lost SSH session would. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
  }

  int exitCode() {
    return process.exitValue();
  }

  List<String> out() {
    synchronized (out) {
      return List.copyOf(out);
    }
  }

  List<String> err() {
    synchronized (err) {
      return List.copyOf(err);
    }
  }

  /** The last line of stdout (the result with --json). */
  String lastOut() {
    List<String> lines = out();
    return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
  }

  private final List<Thread> readers = new ArrayList<>();

  private void collect(InputStream stream, List<String> lines) {
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader in =
                  new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                  synchronized (lines) {
                    lines.add(line);
                    lines.notifyAll();
                  }
                }
              } catch (IOException e) {
                // the process was killed: what was read stays
              }
            },
            "marquee-cli-output");
    reader.setDaemon(true);
    readers.add(reader);
    reader.start();
  }

  @Override
  public String toString() {
    return "stdout " + out() + ", stderr " + err();
  }
}
