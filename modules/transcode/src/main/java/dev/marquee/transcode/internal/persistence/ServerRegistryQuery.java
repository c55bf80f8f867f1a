package dev.marquee.transcode.internal.persistence;

import dev.marquee.transcode.api.WorkerServer;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * The servers' heartbeats ({@code transcode.servers}) and the chunks each server encoded ({@code
 * transcode.chunk_tasks.encoded_by}), in plain SQL. Times are the database's, so servers whose
 * clocks differ are still compared on one clock.
 */
@ApplicationScoped
public class ServerRegistryQuery {
  @Resource(lookup = "jdbc/marquee")
  DataSource db;

  /** What one server says of itself at a heartbeat. */
  public record Beat(
      String serverId,
      String partitions,
      boolean takesPartitions,
      boolean ready,
      String notReady,
      Instant startedAt) {}

  /** The servers and the database's time of reading. */
  public record Known(Instant asOf, List<WorkerServer> servers) {}

  public void beat(Beat b) throws SQLException {
    try (Connection c = db.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "INSERT INTO transcode.servers (server_id, partitions, takes_partitions, ready,"
                    + " not_ready, started_at, last_seen) VALUES (?, ?, ?, ?, ?, ?, now())"
                    + " ON CONFLICT (server_id) DO UPDATE SET partitions = excluded.partitions,"
                    + " takes_partitions = excluded.takes_partitions, ready = excluded.ready,"
                    + " not_ready = excluded.not_ready, started_at = excluded.started_at,"
                    + " last_seen = excluded.last_seen")) {
      s.setString(1, b.serverId());
      s.setString(2, b.partitions());
      s.setBoolean(3, b.takesPartitions());
      s.setBoolean(4, b.ready());
      s.setString(5, b.notReady());
      s.setTimestamp(6, Timestamp.from(b.startedAt()));
      s.executeUpdate();
    }
  }

  /** Every server that beat or encoded a chunk, by id. */
  public Known servers() {
    String sql =
        "WITH chunks AS (SELECT encoded_by AS server_id, count(*) AS done,"
            + " count(*) FILTER (WHERE finished_at > now() - interval '24 hours') AS last_day,"
            + " max(finished_at) AS last_chunk FROM transcode.chunk_tasks"
            + " WHERE state = 'DONE' AND encoded_by IS NOT NULL GROUP BY encoded_by)"
            + " SELECT coalesce(s.server_id, c.server_id) AS id, s.partitions,"
            + " coalesce(s.takes_partitions, false) AS takes, coalesce(s.ready, false) AS ready,"
            + " s.not_ready, s.started_at, s.last_seen, coalesce(c.done, 0) AS done,"
            + " coalesce(c.last_day, 0) AS last_day, c.last_chunk, now() AS as_of"
            + " FROM transcode.servers s FULL OUTER JOIN chunks c ON c.server_id = s.server_id"
            + " ORDER BY 1";
    try (Connection c = db.getConnection();
        PreparedStatement s = c.prepareStatement(sql);
        ResultSet r = s.executeQuery()) {
      List<WorkerServer> servers = new ArrayList<>();
      Instant asOf = null;
      while (r.next()) {
        asOf = instant(r, "as_of");
        servers.add(
            new WorkerServer(
                r.getString("id"),
                r.getString("partitions"),
                r.getBoolean("takes"),
                r.getBoolean("ready"),
                r.getString("not_ready"),
                instant(r, "started_at"),
                instant(r, "last_seen"),
                r.getLong("done"),
                r.getLong("last_day"),
                instant(r, "last_chunk")));
      }
      return new Known(asOf == null ? Instant.now() : asOf, servers);
    } catch (SQLException e) {
      throw new IllegalStateException("could not read the servers: " + e.getMessage(), e);
    }
  }

  private static Instant instant(ResultSet r, String column) throws SQLException {
    Timestamp t = r.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }
}
