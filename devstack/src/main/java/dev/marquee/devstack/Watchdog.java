package dev.marquee.devstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;

/**
 * The run command watches what it started: when a server's JVM dies (a crash, an out-of-memory
 * kill, a {@code kill -9}), it says so and starts the server again; a server that dies three times
 * within ten minutes is not restarted once more, and everything stops with a message instead. With
 * more than one server, an operator asks for a rolling restart by creating the file {@value
 * #ROLLING_RESTART} in the home folder ({@code touch ~/.marquee/rolling-restart}): the servers are
 * drained and restarted one at a time (ADR 33), and the file is removed.
 */
final class Watchdog implements Runnable {
  static final int MAX_DEATHS = 3;
  static final Duration WINDOW = Duration.ofMinutes(10);
  static final String ROLLING_RESTART = "rolling-restart";

  private final MarqueeStack stack;
  private final Consumer<String> out;
  private final Runnable giveUp;
  private final Deque<Long> deaths = new ArrayDeque<>();
  private volatile boolean stopping;

  Watchdog(MarqueeStack stack, Consumer<String> out, Runnable giveUp) {
    this.stack = stack;
    this.out = out;
    this.giveUp = giveUp;
  }

  /** Called when Ctrl-C stops everything: servers that stop then are not restarted. */
  void stop() {
    stopping = true;
  }

  @Override
  public void run() {
    while (!stopping) {
      try {
        Thread.sleep(1000);
        check();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        if (!stopping) {
          out.accept("Marquee could not be restarted: " + e.getMessage());
          giveUp.run();
        }
        return;
      }
    }
  }

  private void check() throws InterruptedException {
    rollingRestartIfAsked();
    stack.messagingServer().ifPresent(m -> revive(m, "The messaging server", true));
    List<LibertyServer> servers = stack.servers();
    for (int i = 0; i < servers.size(); i++) {
      revive(
          servers.get(i),
          "Liberty server " + (i + 1) + " (" + servers.get(i).baseUrl() + ")",
          false);
    }
    stack
        .balancer()
        .filter(b -> !b.isAlive() && !stopping)
        .ifPresent(
            b -> {
              out.accept("The load balancer (HAProxy) stopped; starting it again.");
              try {
                b.start();
              } catch (IOException e) {
                throw new IllegalStateException("HAProxy did not start: " + e.getMessage(), e);
              }
            });
  }

  private void rollingRestartIfAsked() throws InterruptedException {
    Path trigger = stack.home().resolve(ROLLING_RESTART);
    try {
      if (!Files.deleteIfExists(trigger)) {
        return;
      }
    } catch (IOException e) {
      out.accept("Cannot remove " + trigger + ": " + e.getMessage());
      return;
    }
    out.accept("Rolling restart asked (" + trigger + ") ...");
    try {
      stack.rollingRestart(out);
      out.accept("Rolling restart done: every server was restarted.");
    } catch (InterruptedException e) {
      throw e;
    } catch (Exception e) {
      // The server being restarted is revived by the checks below if it was left stopped.
      out.accept("Rolling restart stopped: " + e.getMessage());
    }
  }

  private void revive(LibertyServer server, String name, boolean messaging) {
    if (stopping || server.isAlive()) {
      return;
    }
    long now = System.nanoTime();
    deaths.addLast(now);
    while (!deaths.isEmpty() && now - deaths.peekFirst() > WINDOW.toNanos()) {
      deaths.removeFirst();
    }
    if (deaths.size() >= MAX_DEATHS) {
      out.accept(
          name
              + " died (exit code "
              + server.exitCode()
              + ") for the "
              + MAX_DEATHS
              + "rd time in "
              + WINDOW.toMinutes()
              + " minutes; stopping everything. See "
              + server.logFile());
      stopping = true;
      giveUp.run();
      return;
    }
    out.accept(
        name
            + " died (exit code "
            + server.exitCode()
            + "): nothing was serving. Starting it"
            + " again; see "
            + server.logFile());
    try {
      server.start();
      if (messaging) {
        server.awaitListening(
            Integer.parseInt(server.environment("MESSAGING_SSL_PORT")), Duration.ofMinutes(2));
      } else {
        server.awaitReady(Duration.ofMinutes(4));
      }
      out.accept(name + " is back.");
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException(name + ": " + e.getMessage(), e);
    }
  }
}
