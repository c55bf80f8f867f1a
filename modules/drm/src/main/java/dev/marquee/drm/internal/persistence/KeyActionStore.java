package dev.marquee.drm.internal.persistence;

import dev.marquee.drm.api.KeyAction;
import dev.marquee.platform.api.PlainSql;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/** The audit of actions on the content keys ({@code drm.key_actions}): who re-wrapped, when. */
@ApplicationScoped
public class KeyActionStore {
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
    PlainSql.update(
        db,
        "record a key action",
        "INSERT INTO drm.key_actions (action, actor_id, via, outcome, active_kek, rewrapped,"
            + " detail) VALUES ('REWRAP', ?, ?, ?, ?, ?, ?)",
        actor,
        via,
        outcome,
        activeKek,
        rewrapped,
        detail == null || detail.length() <= DETAIL ? detail : detail.substring(0, DETAIL));
  }

  public List<KeyAction> latest(int limit) {
    return PlainSql.query(
        db,
        "read the key actions",
        "SELECT at, actor_id, action, via, outcome, active_kek, rewrapped, detail"
            + " FROM drm.key_actions ORDER BY id DESC LIMIT ?",
        r ->
            new KeyAction(
                r.getTimestamp(1).toInstant(),
                r.getObject(2, UUID.class),
                r.getString(3),
                r.getString(4),
                r.getString(5),
                r.getString(6),
                r.getInt(7),
                r.getString(8)),
        Math.max(1, Math.min(limit, 100)));
  }
}
