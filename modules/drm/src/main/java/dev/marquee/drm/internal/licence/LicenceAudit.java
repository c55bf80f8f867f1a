package dev.marquee.drm.internal.licence;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The trail of every licence decision: who, which title, which rule decided, when. Key ids are
 * recorded; key material never is. A decision returns once its row is committed, written together
 * with the rows of concurrent decisions ({@link AuditGroupCommit}).
 */
@ApplicationScoped
public class LicenceAudit {
  @Resource(lookup = "jdbc/marquee")
  DataSource db;

  @Inject AuditGroupCommit groupCommit;

  /** One decision. Fields the request never established (a forged token) are null. */
  public record Entry(
      long id,
      Instant at,
      String kind,
      String outcome,
      String rule,
      UUID accountId,
      UUID profileId,
      UUID deviceId,
      UUID sessionId,
      UUID titleId,
      String keyIds) {}

  public void record(
      String kind,
      boolean granted,
      String rule,
      UUID account,
      UUID profile,
      UUID device,
      UUID session,
      UUID title,
      List<UUID> kids) {
    String keys =
        kids == null ? null : String.join(",", kids.stream().map(UUID::toString).toList());
    if (keys != null && keys.length() > 400) {
      keys = keys.substring(0, 400);
    }
    groupCommit.append(
        new AuditGroupCommit.Row(
            Instant.now(), kind, granted, rule, account, profile, device, session, title, keys));
  }

  /** Newest first, filtered by whichever criteria are given. */
  public List<Entry> search(
      UUID title, UUID account, String outcome, String rule, Instant before, int limit) {
    StringBuilder sql =
        new StringBuilder(
            "SELECT id, at, kind, outcome, rule, account_id, profile_id, device_id, session_id,"
                + " title_id, key_ids FROM drm.licence_audit WHERE true");
    List<Object> params = new ArrayList<>();
    if (title != null) {
      sql.append(" AND title_id = ?");
      params.add(title);
    }
    if (account != null) {
      sql.append(" AND account_id = ?");
      params.add(account);
    }
    if (outcome != null) {
      sql.append(" AND outcome = ?");
      params.add(outcome);
    }
    if (rule != null) {
      sql.append(" AND rule = ?");
      params.add(rule);
    }
    if (before != null) {
      sql.append(" AND at < ?");
      params.add(Timestamp.from(before));
    }
    sql.append(" ORDER BY at DESC, id DESC LIMIT ").append(limit);
    try (Connection c = db.getConnection();
        PreparedStatement s = c.prepareStatement(sql.toString())) {
      for (int i = 0; i < params.size(); i++) {
        s.setObject(i + 1, params.get(i));
      }
      List<Entry> entries = new ArrayList<>();
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          entries.add(
              new Entry(
                  r.getLong(1),
                  r.getTimestamp(2).toInstant(),
                  r.getString(3),
                  r.getString(4),
                  r.getString(5),
                  r.getObject(6, UUID.class),
                  r.getObject(7, UUID.class),
                  r.getObject(8, UUID.class),
                  r.getObject(9, UUID.class),
                  r.getObject(10, UUID.class),
                  r.getString(11)));
        }
      }
      return entries;
    } catch (SQLException e) {
      throw new IllegalStateException("could not read the licence audit: " + e.getMessage(), e);
    }
  }
}
