package dev.marquee.catalog.internal.persistence;

import dev.marquee.catalog.internal.domain.TitleAuditEntry;
import dev.marquee.platform.api.PlainSql;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

/**
 * The statements of a title's audit trail ({@code catalog.title_audit}), on the caller's
 * connection.
 */
public final class TitleAuditStore {
  private TitleAuditStore() {}

  /** Records a change: the title's new version, who made it, and the changes as JSON. */
  public static void insert(Connection c, UUID title, UUID actor, long version, String changes)
      throws SQLException {
    PlainSql.update(
        c,
        "INSERT INTO catalog.title_audit (title_id, actor_id, version, changes) VALUES (?,?,?,?)",
        title,
        actor,
        version,
        changes);
  }

  /** The title's audited changes, oldest first. */
  public static List<TitleAuditEntry> of(Connection c, UUID title) throws SQLException {
    return PlainSql.query(
        c,
        "SELECT version, actor_id, at, changes FROM catalog.title_audit WHERE title_id = ?"
            + " ORDER BY id",
        r ->
            new TitleAuditEntry(
                r.getLong(1),
                r.getObject(2).toString(),
                r.getTimestamp(3).toInstant(),
                JsonProvider.provider()
                    .createReader(new StringReader(r.getString(4)))
                    .readObject()),
        title);
  }
}
