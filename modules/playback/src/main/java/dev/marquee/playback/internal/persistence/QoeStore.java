package dev.marquee.playback.internal.persistence;

import dev.marquee.platform.api.PlainSql;
import dev.marquee.playback.api.QoeDaySummary;
import dev.marquee.playback.internal.domain.QoeDay;
import dev.marquee.playback.internal.domain.QoeEvent;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/** QoE events in {@code playback.qoe_events} and the aggregates computed from them. */
@ApplicationScoped
public class QoeStore {
  @Resource(lookup = "jdbc/marquee")
  DataSource db;

  /** Who reported: the session's identity, taken from its token, never from the report. */
  public record Reporter(UUID session, UUID account, UUID title, UUID device) {}

  /** Stores the events in one transaction; returns those that were new (not a resend). */
  @Transactional
  public List<QoeEvent> insert(Reporter who, List<QoeEvent> events) {
    try (Connection c = db.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "INSERT INTO playback.qoe_events (session_id, seq, account_id, title_id, device_id,"
                    + " type, client_time, value_ms, bitrate, height, code)"
                    + " VALUES (?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT (session_id, seq) DO NOTHING")) {
      for (QoeEvent e : events) {
        s.setObject(1, who.session());
        s.setInt(2, e.seq());
        s.setObject(3, who.account());
        s.setObject(4, who.title());
        s.setObject(5, who.device());
        s.setString(6, e.type());
        s.setTimestamp(7, Timestamp.from(e.clientTime()));
        setLong(s, 8, e.valueMs());
        setLong(s, 9, e.bitrate());
        if (e.height() == null) {
          s.setNull(10, Types.INTEGER);
        } else {
          s.setInt(10, e.height());
        }
        s.setString(11, e.code());
        s.addBatch();
      }
      int[] counts = s.executeBatch();
      List<QoeEvent> fresh = new ArrayList<>();
      for (int i = 0; i < counts.length; i++) {
        if (counts[i] > 0) {
          fresh.add(events.get(i));
        }
      }
      return fresh;
    } catch (SQLException e) {
      throw new IllegalStateException("could not store QoE events: " + e.getMessage(), e);
    }
  }

  /** Aggregates per title and day, for one title or (title null) for all, oldest day first. */
  public List<QoeDay> days(UUID title, LocalDate from, LocalDate to) {
    String sql =
        "SELECT title_id, day, count(DISTINCT session_id) AS sessions,"
            + " count(*) FILTER (WHERE type = 'STARTUP') AS startups,"
            + " percentile_cont(0.5) WITHIN GROUP (ORDER BY value_ms)"
            + "   FILTER (WHERE type = 'STARTUP') AS p50,"
            + " percentile_cont(0.95) WITHIN GROUP (ORDER BY value_ms)"
            + "   FILTER (WHERE type = 'STARTUP') AS p95,"
            + " count(*) FILTER (WHERE type = 'REBUFFER_START') AS rebuffers,"
            + " coalesce(sum(value_ms) FILTER (WHERE type = 'REBUFFER_END'), 0) AS rebuffer_ms,"
            + " coalesce(sum(value_ms) FILTER (WHERE type = 'PLAYED'), 0) AS played_ms,"
            + " sum(value_ms::numeric * bitrate) FILTER (WHERE type = 'PLAYED')"
            + "   / nullif(sum(value_ms) FILTER (WHERE type = 'PLAYED' AND bitrate IS NOT NULL), 0)"
            + "   AS avg_bitrate,"
            + " count(*) FILTER (WHERE type = 'BITRATE_SWITCH') AS switches,"
            + " count(DISTINCT session_id) FILTER (WHERE type = 'ERROR') AS error_sessions,"
            + " count(*) FILTER (WHERE type = 'END') AS ended"
            + " FROM playback.qoe_events WHERE day BETWEEN ? AND ?"
            + (title == null ? "" : " AND title_id = ?")
            + " GROUP BY title_id, day ORDER BY day, title_id";
    Object[] params =
        title == null
            ? new Object[] {Date.valueOf(from), Date.valueOf(to)}
            : new Object[] {Date.valueOf(from), Date.valueOf(to), title};
    return PlainSql.query(db, "read QoE aggregates", sql, QoeStore::day, params);
  }

  private static QoeDay day(ResultSet r) throws SQLException {
    long sessions = r.getLong("sessions");
    long rebufferMs = r.getLong("rebuffer_ms");
    long playedMs = r.getLong("played_ms");
    long errors = r.getLong("error_sessions");
    BigDecimal bitrate = r.getBigDecimal("avg_bitrate");
    return new QoeDay(
        r.getObject("title_id", UUID.class).toString(),
        r.getDate("day").toLocalDate(),
        sessions,
        r.getLong("startups"),
        (Double) r.getObject("p50"),
        (Double) r.getObject("p95"),
        r.getLong("rebuffers"),
        rebufferMs,
        playedMs,
        rebufferMs + playedMs == 0 ? 0 : (double) rebufferMs / (rebufferMs + playedMs),
        bitrate == null ? null : bitrate.longValue(),
        r.getLong("switches"),
        errors,
        sessions == 0 ? 0 : (double) errors / sessions,
        r.getLong("ended"));
  }

  /** Every title together per day, oldest day first: sessions, startup p95, rebuffer ratio. */
  public List<QoeDaySummary> totals(LocalDate from, LocalDate to) {
    String sql =
        "SELECT day, count(DISTINCT session_id),"
            + " percentile_cont(0.95) WITHIN GROUP (ORDER BY value_ms)"
            + "   FILTER (WHERE type = 'STARTUP'),"
            + " coalesce(sum(value_ms) FILTER (WHERE type = 'REBUFFER_END'), 0),"
            + " coalesce(sum(value_ms) FILTER (WHERE type = 'PLAYED'), 0)"
            + " FROM playback.qoe_events WHERE day BETWEEN ? AND ? GROUP BY day ORDER BY day";
    return PlainSql.query(
        db,
        "read QoE per day",
        sql,
        r -> {
          long rebufferMs = r.getLong(4);
          long playedMs = r.getLong(5);
          return new QoeDaySummary(
              r.getDate(1).toLocalDate(),
              r.getLong(2),
              (Double) r.getObject(3),
              rebufferMs + playedMs == 0 ? 0 : (double) rebufferMs / (rebufferMs + playedMs));
        },
        Date.valueOf(from),
        Date.valueOf(to));
  }

  private static void setLong(PreparedStatement s, int index, Long value) throws SQLException {
    if (value == null) {
      s.setNull(index, Types.BIGINT);
    } else {
      s.setLong(index, value);
    }
  }
}
