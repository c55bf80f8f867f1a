package dev.marquee.drm.internal.keys;

import dev.marquee.drm.api.KeyAction;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/** The audit of actions on the content keys ({@code drm.key_actions}): who re-wrapped, when. */
@ApplicationScoped
public class KeyActionLog {
  private static final int DETAIL = 400;

  @Resource(lookup = "jdbc/marquee")
  DataSource db;

  /**
   * In the caller's transaction: a done re-wrap is recorded with the keys it moved, or not at all.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void done(UUID actor, String via, String activeKek, int rewrapped) {
    insert(actor, via, "DONE", activeKek, rewrapped, null);
  }

  /** After the re-wrap's transaction rolled back: recorded in a transaction of its own. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void failed(UUID actor, String via, String activeKek, String detail) {
    insert(actor, via, "FAILED", activeKek, 0, detail);
  }

  private void insert(
      UUID actor, String via, String outcome, String activeKek, int rewrapped, String detail) {
    try (Connection c = db.getConnection()) {
      try (PreparedStatement s =
          c.prepareStatement(
              "INSERT INTO drm.key_actions (action, actor_id, via, outcome, active_kek,"
                  + " rewrapped, detail) VALUES ('REWRAP', ?, ?, ?, ?, ?, ?)")) {
        s.setObject(1, actor);
        s.setString(2, via);
        s.setString(3, outcome);
        s.setString(4, activeKek);
        s.setInt(5, rewrapped);
        s.setString(
            6, detail == null || detail.length() <= DETAIL ? detail : detail.substring(0, DETAIL));
        s.executeUpdate();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("could not record a key action: " + e.getMessage(), e);
    }
  }

  public List<KeyAction> latest(int limit) {
    try (Connection c = db.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT at, actor_id, action, via, outcome, active_kek, rewrapped, detail"
                    + " FROM drm.key_actions ORDER BY id DESC LIMIT ?")) {
      s.setInt(1, Math.max(1, Math.min(limit, 100)));
      List<KeyAction> rows = new ArrayList<>();
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          Timestamp at = r.getTimestamp(1);
          rows.add(
              new KeyAction(
                  at.toInstant(),
                  r.getObject(2, UUID.class),
                  r.getString(3),
                  r.getString(4),
                  r.getString(5),
                  r.getString(6),
                  r.getInt(7),
                  r.getString(8)));
        }
      }
      return rows;
    } catch (SQLException e) {
      throw new IllegalStateException("could not read the key actions: " + e.getMessage(), e);
    }
  }
}
