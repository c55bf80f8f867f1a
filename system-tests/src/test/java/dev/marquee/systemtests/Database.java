package dev.marquee.systemtests;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * The test stack's PostgreSQL, for what a black-box test cannot wait for over HTTP: moving a row's
 * timestamps into the past stands in for time passing (a session going silent, a play window
 * running out), so expiry is tested without sleeping through it.
 */
final class Database {
  private Database() {}

  /** Runs one statement and returns the rows it changed. */
  static int update(String sql, Object... params) {
    var db = RunningMarquee.stack().database();
    try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
        PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        s.setObject(i + 1, params[i]);
      }
      return s.executeUpdate();
    } catch (SQLException e) {
      throw new AssertionError("could not run " + sql + ": " + e.getMessage(), e);
    }
  }
}
