package dev.marquee.systemtests;

import static dev.marquee.systemtests.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.devstack.EmbeddedDatabase;
import dev.marquee.devstack.MarqueeStack;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Jakarta Batch with its job repository in PostgreSQL, started by operators through the API. */
@ExtendWith(RunningMarquee.class)
class BatchJobsIT {
  private static final String PASSWORD = "operators keep it tidy";
  private final Api api = RunningMarquee.api();

  private Connection database() throws SQLException {
    EmbeddedDatabase db = RunningMarquee.stack().database();
    return DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
  }

  @Test
  void anOperatorPurgesExpiredRefreshTokensAndFollowsTheJob() throws Exception {
    // A sign-in whose refresh token has expired (set up directly: a real one lives 30 days).
    String email = api.registerViewer(PASSWORD);
    String refresh = api.signIn(email, PASSWORD).getString("refresh_token");
    String expiredHash = "e" + UUID.randomUUID().toString().replace("-", "") + "0".repeat(31);
    try (Connection c = database();
        var s =
            c.prepareStatement(
                "INSERT INTO accounts.refresh_tokens (token_hash, family_id, issued_at, expires_at)"
                    + " SELECT ?, family_id, now() - interval '40 days', now() - interval '10 days'"
                    + " FROM accounts.refresh_tokens LIMIT 1")) {
      s.setString(1, expiredHash);
      assertThat(s.executeUpdate()).isEqualTo(1);
    }

    String operator =
        api.signIn(MarqueeStack.ADMIN_EMAIL, RunningMarquee.stack().adminPassword())
            .getString("access_token");
    var started = api.post("/api/operations/housekeeping/expired-credentials", operator);
    assertThat(started.status()).as(started.toString()).isEqualTo(202);
    String location = started.header("Location").orElseThrow();
    String path = location.substring(location.indexOf("/api/"));

    Api.Reply status = null;
    for (int i = 0; i < 120; i++) {
      status = api.get(path, operator);
      assertThat(status.status()).isEqualTo(200);
      if (List.of("COMPLETED", "FAILED", "STOPPED", "ABANDONED")
          .contains(status.json().getString("status"))) {
        break;
      }
      Thread.sleep(250);
    }
    assertThat(status.json().getString("status")).as(status.toString()).isEqualTo("COMPLETED");
    assertThat(status.json().getString("job")).isEqualTo("purge-expired-credentials");
    assertThat(status.json().getString("exitStatus"))
        .matches("deleted [1-9]\\d* refresh tokens, \\d+ device codes");

    try (Connection c = database();
        var s =
            c.prepareStatement(
                "SELECT count(*) FROM accounts.refresh_tokens WHERE token_hash = ?")) {
      s.setString(1, expiredHash);
      try (var rs = s.executeQuery()) {
        rs.next();
        assertThat(rs.getInt(1)).as("the expired token is gone").isZero();
      }
    }
    // Valid refresh tokens are untouched.
    assertThat(api.refresh(refresh).status()).isEqualTo(200);

    // The job repository is PostgreSQL's batch schema.
    List<String> tables = new ArrayList<>();
    try (Connection c = database();
        var rs =
            c.createStatement()
                .executeQuery(
                    "SELECT table_name FROM information_schema.tables WHERE table_schema = 'batch' ORDER BY 1")) {
      while (rs.next()) {
        tables.add(rs.getString(1));
      }
    }
    assertThat(tables).contains("wlpjobinstance", "wlpjobexecution", "wlpstepthreadexecution");
  }

  @Test
  void viewersCannotStartJobsAndUnknownExecutionsAreNamed() {
    String viewer = api.signIn(api.registerViewer(PASSWORD), PASSWORD).getString("access_token");
    assertProblem(
        api.post("/api/operations/housekeeping/expired-credentials", viewer), 403, "forbidden");
    assertProblem(api.get("/api/operations/jobs/1", viewer), 403, "forbidden");
    String operator =
        api.signIn(MarqueeStack.ADMIN_EMAIL, RunningMarquee.stack().adminPassword())
            .getString("access_token");
    assertProblem(api.get("/api/operations/jobs/987654", operator), 404, "job-execution-not-found");
    assertProblem(api.get("/api/operations/jobs/not-a-number", operator), 404, "not-found");
  }
}
