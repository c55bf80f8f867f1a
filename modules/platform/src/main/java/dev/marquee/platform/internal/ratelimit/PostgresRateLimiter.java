package dev.marquee.platform.internal.ratelimit;

import dev.marquee.platform.api.PlainSql;
import dev.marquee.platform.api.ProblemException;
import dev.marquee.platform.api.RateLimit;
import dev.marquee.platform.api.RateLimiter;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * One row per rule and subject in {@code platform.rate_limit_windows}, counted with one upsert per
 * hit, in windows that start at the subject's first hit (ADR 16). Subjects are stored as SHA-256
 * digests: the table holds no email or address. Counting runs in a transaction of its own, so a
 * failed sign-in that rolls back its own work is still counted.
 */
@ApplicationScoped
public class PostgresRateLimiter implements RateLimiter {
  private static final Logger LOG = Logger.getLogger(PostgresRateLimiter.class.getName());

  // Counts the hit only while the subject is under the limit (or its window has ended: the hit then
  // starts the next window, at its own time). A refused request adds nothing, so a client that
  // keeps knocking is let in when its window ends. No row back means refused. Parameters: rule,
  // subject, now, ended-by (windows that started at or before it have ended), limit.
  private static final String HIT =
      "INSERT INTO platform.rate_limit_windows AS w (rule, subject, window_start, hits)"
          + " VALUES (?, ?, ?, 1) ON CONFLICT (rule, subject) DO UPDATE SET"
          + " hits = CASE WHEN w.window_start > ? THEN w.hits + 1 ELSE 1 END,"
          + " window_start = CASE WHEN w.window_start > ? THEN w.window_start"
          + " ELSE EXCLUDED.window_start END"
          + " WHERE w.window_start <= ? OR w.hits < ? RETURNING hits";
  private static final String WINDOW_START =
      "SELECT window_start FROM platform.rate_limit_windows WHERE rule = ? AND subject = ?";
  private static final String REFUND =
      "UPDATE platform.rate_limit_windows SET hits = hits - 1"
          + " WHERE rule = ? AND subject = ? AND window_start > ? AND hits > 0";
  private static final String PURGE =
      "DELETE FROM platform.rate_limit_windows WHERE window_start < ?";

  @Resource(lookup = "jdbc/marquee")
  DataSource db;

  @Resource ManagedScheduledExecutorService scheduler;

  Clock clock = Clock.systemUTC();

  void onStartup(@Observes Startup startup) {
    // Windows last a day at most; older rows only take space.
    scheduler.scheduleAtFixedRate(this::purge, 15, 15, TimeUnit.MINUTES);
  }

  @Override
  public void hit(RateLimit rule, String subject) {
    hit(rule, subject, Map.of());
  }

  @Override
  @Transactional(TxType.REQUIRES_NEW)
  public void hit(RateLimit rule, String subject, Map<String, Object> problemMembers) {
    Instant now = clock.instant();
    Timestamp endedBy = Timestamp.from(SubjectWindow.endedBy(now, rule.window()));
    byte[] digest = digest(subject);
    Optional<Instant> refusedIn;
    try (Connection c = db.getConnection()) {
      boolean counted =
          PlainSql.queryOne(
                  c,
                  HIT,
                  r -> r.getInt(1),
                  rule.name(),
                  digest,
                  Timestamp.from(now),
                  endedBy,
                  endedBy,
                  endedBy,
                  rule.limit())
              .isPresent();
      // A refused hit reads back the start of the window that refused it, for Retry-After.
      refusedIn =
          counted
              ? Optional.empty()
              : Optional.of(
                  PlainSql.queryOne(
                          c, WINDOW_START, r -> r.getTimestamp(1).toInstant(), rule.name(), digest)
                      .orElse(now));
    } catch (SQLException e) {
      throw ProblemException.unavailable(
          "database-unavailable",
          "The database did not answer; try again shortly.",
          Duration.ofSeconds(5));
    }
    if (refusedIn.isPresent()) {
      Duration retry = new SubjectWindow(refusedIn.get(), rule.window()).retryAfter(now);
      throw ProblemException.tooManyRequests(
          "rate-limited",
          "Too many requests of this kind ("
              + rule.name()
              + ": at most "
              + rule.limit()
              + " in "
              + describe(rule.window())
              + "); try again in "
              + ProblemException.seconds(retry)
              + " s.",
          retry,
          problemMembers);
    }
  }

  @Override
  @Transactional(TxType.REQUIRES_NEW)
  public void refund(RateLimit rule, String subject) {
    Instant endedBy = SubjectWindow.endedBy(clock.instant(), rule.window());
    try (Connection c = db.getConnection();
        PreparedStatement s = c.prepareStatement(REFUND)) {
      s.setString(1, rule.name());
      s.setBytes(2, digest(subject));
      s.setTimestamp(3, Timestamp.from(endedBy));
      s.executeUpdate();
    } catch (SQLException e) {
      // A lost refund only makes the limit a little stricter until the window ends.
      LOG.log(Level.WARNING, "could not refund a rate-limit hit of " + rule.name(), e);
    }
  }

  @Transactional(TxType.REQUIRES_NEW)
  void purge() {
    try (Connection c = db.getConnection();
        PreparedStatement s = c.prepareStatement(PURGE)) {
      s.setTimestamp(1, Timestamp.from(clock.instant().minus(Duration.ofDays(1))));
      s.executeUpdate();
    } catch (SQLException e) {
      LOG.log(Level.FINE, "rate-limit purge failed; the next one retries", e);
    }
  }

  static String describe(Duration window) {
    long s = window.toSeconds();
    if (s % 3600 == 0) {
      return s / 3600 + (s == 3600 ? " hour" : " hours");
    }
    if (s % 60 == 0) {
      return s / 60 + (s == 60 ? " minute" : " minutes");
    }
    return s + " seconds";
  }

  private static byte[] digest(String subject) {
    try {
      byte[] full =
          MessageDigest.getInstance("SHA-256")
              .digest((subject == null ? "" : subject).getBytes(StandardCharsets.UTF_8));
      return Arrays.copyOf(full, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
