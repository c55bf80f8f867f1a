package dev.marquee.devstack;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Restarts the servers behind the balancer one at a time without a failed request (ADR 33). For
 * each server: drain it (its readiness goes DOWN), wait until the balancer has taken it out and the
 * requests already on it have finished, stop it the way an operator does ({@code server stop},
 * whose quiesce lets anything left finish), start it, and wait until the balancer sends it requests
 * again; only then the next. A server is never drained while another is out of rotation, so at
 * least one always serves.
 */
public final class RollingRestart {
  /** How long the balancer may take to see a drained server's readiness go DOWN. */
  static final Duration OUT_OF_ROTATION = Duration.ofMinutes(1);

  /** How long requests already on a drained server may run before it is stopped anyway. */
  static final Duration IN_FLIGHT = Duration.ofSeconds(30);

  /** What one server's restart took, in milliseconds: drain, stop, start until back in rotation. */
  public record Step(int server, long drainMs, long stopMs, long startMs) {}

  private final MarqueeStack stack;
  private final Consumer<String> out;

  RollingRestart(MarqueeStack stack, Consumer<String> out) {
    this.stack = stack;
    this.out = out;
  }

  /** Every server in turn. */
  public List<Step> run() throws Exception {
    List<Step> steps = new ArrayList<>();
    for (int i = 1; i <= stack.servers().size(); i++) {
      steps.add(restart(i));
    }
    return steps;
  }

  /** One server (1-based), the others staying in rotation. */
  public Step restart(int server) throws Exception {
    LoadBalancer balancer =
        stack
            .balancer()
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "A single server has no load balancer to drain it from: stop and start it"));
    List<LibertyServer> servers = stack.servers();
    for (int other = 1; other <= servers.size(); other++) {
      if (other != server && !balancer.state(other).up()) {
        throw new IllegalStateException(
            "Server "
                + other
                + " is not in rotation ("
                + balancer.state(other).status()
                + "): restarting server "
                + server
                + " now could leave nothing serving");
      }
    }
    LibertyServer liberty = servers.get(server - 1);
    long start = System.nanoTime();
    out.accept("Server " + server + ": draining (readiness DOWN) ...");
    liberty.drain();
    LoadBalancer.ServerState state;
    try {
      state =
          await(
              balancer,
              server,
              s -> s.out(),
              OUT_OF_ROTATION,
              "the balancer to take server " + server + " out of rotation");
    } catch (RuntimeException e) {
      // Giving up before the stop: the server keeps running, so it must take requests again
      // (and a later rolling restart must not find it out of rotation).
      Files.deleteIfExists(liberty.drainFile());
      throw e;
    }
    try {
      state = await(balancer, server, s -> s.currentSessions() == 0, IN_FLIGHT, "");
    } catch (IllegalStateException e) {
      state = balancer.state(server);
      out.accept(
          "Server "
              + server
              + ": "
              + state.currentSessions()
              + " requests still open after "
              + IN_FLIGHT.toSeconds()
              + " s (server-sent events?); Liberty's quiesce gives them a last 30 s");
    }
    long drained = System.nanoTime();
    out.accept(
        "Server "
            + server
            + ": out of rotation, "
            + state.currentSessions()
            + " requests open; stopping ...");
    liberty.stop();
    long stopped = System.nanoTime();
    Files.deleteIfExists(liberty.drainFile());
    out.accept("Server " + server + ": starting ...");
    liberty.start();
    liberty.awaitReady(
        Duration.parse(System.getProperty("marquee.liberty.ready-timeout", "PT15M")));
    await(
        balancer,
        server,
        LoadBalancer.ServerState::up,
        OUT_OF_ROTATION,
        "the balancer to send server " + server + " requests again");
    long back = System.nanoTime();
    Step step =
        new Step(
            server,
            (drained - start) / 1_000_000,
            (stopped - drained) / 1_000_000,
            (back - stopped) / 1_000_000);
    out.accept(
        "Server "
            + server
            + ": back in rotation (drain "
            + step.drainMs()
            + " ms, stop "
            + step.stopMs()
            + " ms, start "
            + step.startMs()
            + " ms)");
    return step;
  }

  private interface Condition {
    boolean holds(LoadBalancer.ServerState state);
  }

  /** Polls the balancer's view of a server until the condition holds. */
  private static LoadBalancer.ServerState await(
      LoadBalancer balancer, int server, Condition condition, Duration timeout, String what)
      throws IOException, InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    LoadBalancer.ServerState state = balancer.state(server);
    while (!condition.holds(state)) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "Waited "
                + timeout.toSeconds()
                + " s for "
                + (what.isEmpty() ? "server " + server : what)
                + "; it is "
                + state.status()
                + " with "
                + state.currentSessions()
                + " requests open");
      }
      Thread.sleep(200);
      state = balancer.state(server);
    }
    return state;
  }
}
