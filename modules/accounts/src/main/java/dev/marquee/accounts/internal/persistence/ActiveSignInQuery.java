package dev.marquee.accounts.internal.persistence;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Whether a sign-in (token family) is still live: asked on every request that carries an access
 * token, so it is one primary-key read in plain SQL, without building the entity. Read from the
 * shared database every time, so a revocation on any server holds on the next request everywhere.
 */
@ApplicationScoped
public class ActiveSignInQuery {
  private static final String SQL =
      "SELECT 1 FROM accounts.token_families WHERE id = ? AND revoked_at IS NULL";

  @Resource(lookup = "jdbc/marquee")
  DataSource db;

  public boolean isActive(UUID familyId) {
    try (Connection c = db.getConnection();
        PreparedStatement s = c.prepareStatement(SQL)) {
      s.setObject(1, familyId);
      try (ResultSet row = s.executeQuery()) {
        return row.next();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot read the sign-in " + familyId, e);
    }
  }
}
