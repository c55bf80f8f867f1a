package dev.marquee.systemtests;

import static dev.marquee.systemtests.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Stops the shared PostgreSQL, so it runs after every other class (see junit-platform.properties).
 */
@ExtendWith(RunningMarquee.class)
@Order(Integer.MAX_VALUE)
class DatabaseOutageIT {
  private final Api api = RunningMarquee.api();

  @Test
  void readinessFollowsTheDatabaseDownAndBackUp() throws Exception {
    var database = RunningMarquee.stack().database();
    String email = api.registerViewer("survives an outage");
    assertThat(api.get("/health/ready").status()).isEqualTo(200);

    database.stop();
    try {
      var down = awaitStatus("/health/ready", s -> s == 503, Duration.ofSeconds(30));
      assertThat(down.json().getString("status")).isEqualTo("DOWN");
      assertThat(down.body()).contains("database");
      // Liveness is not about dependencies: the server itself is fine.
      assertThat(api.get("/health/live").status()).isEqualTo(200);
      // A request that needs the database gets a clear 503, not a stack trace.
      var refused = api.passwordGrant("marquee-web", email, "survives an outage", null);
      assertProblem(refused, 503, "database-unavailable");
      assertThat(refused.header("Retry-After")).isPresent();
    } finally {
      database.start();
    }

    var up = awaitStatus("/health/ready", s -> s == 200, Duration.ofSeconds(60));
    assertThat(up.json().getString("status")).isEqualTo("UP");
    // Nothing acknowledged before the outage was lost.
    assertThat(api.passwordGrant("marquee-web", email, "survives an outage", null).status())
        .isEqualTo(200);
  }

  private Api.Reply awaitStatus(String path, IntPredicate expected, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    Api.Reply last = null;
    while (System.nanoTime() < deadline) {
      last = api.get(path);
      if (expected.test(last.status())) {
        return last;
      }
      Thread.sleep(250);
    }
    throw new AssertionError(
        path + " did not reach the expected status within " + timeout + "; last: " + last);
  }
}
