package dev.marquee.systemtests;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The test stack's PostgreSQL, for what a black-box test cannot see or wait for over HTTP: moving a
 * row's timestamps into the past stands in for time passing (a session going silent, a play window
 * running out), so expiry is tested without sleeping through it; and a job's chunk records show
 * which chunks were encoded when, and by which server.
 */
final class Database {
  private Database() {}

  /** A new connection of the test's own, for what the one-statement helpers cannot do. */
  static Connection connect() throws SQLException {
    var db = RunningMarquee.stack().database();
    return DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
  }

  /** Runs one statement and returns the rows it changed. */
  static int update(String sql, Object... params) {
    try (Connection c = connect();
        PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        s.setObject(i + 1, params[i]);
      }
      return s.executeUpdate();
    } catch (SQLException e) {
      throw new AssertionError("could not run " + sql + ": " + e.getMessage(), e);
    }
  }

  /** The first two columns of every row of a query, as text, in the query's order. */
  static Map<String, String> pairs(String sql, Object... params) {
    try (Connection c = connect();
        PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        s.setObject(i + 1, params[i]);
      }
      Map<String, String> rows = new LinkedHashMap<>();
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          rows.put(r.getString(1), r.getString(2));
        }
      }
      return rows;
    } catch (SQLException e) {
      throw new AssertionError("could not run " + sql + ": " + e.getMessage(), e);
    }
  }
}
