package dev.marquee.playback.internal.persistence;

import dev.marquee.accounts.api.SecurityLevel;
import dev.marquee.platform.api.PlainSql;
import dev.marquee.platform.api.ProblemException;
import dev.marquee.playback.api.LicenceAuditQuery;
import dev.marquee.playback.api.LicenceDecision;
import dev.marquee.playback.api.LicenceDecisionPage;
import dev.marquee.playback.api.LicenceOutcomes;
import dev.marquee.playback.internal.domain.AuditCursor;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The trail of every licence decision: who, which title, which rule decided, when. Key ids are
 * recorded; key material never is. A decision returns once its row is committed, written together
 * with the rows of concurrent decisions ({@link AuditGroupCommit}).
 */
@ApplicationScoped
public class LicenceAuditStore {
  @Resource(lookup = "jdbc/marquee")
  DataSource db;

  @Inject AuditGroupCommit groupCommit;

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
    record(kind, granted, rule, account, profile, device, session, title, kids, null);
  }

  /** One decision, with the device's security level as the decision saw it (null: not read). */
  public void record(
      String kind,
      boolean granted,
      String rule,
      UUID account,
      UUID profile,
      UUID device,
      UUID session,
      UUID title,
      List<UUID> kids,
      SecurityLevel level) {
    String keys =
        kids == null ? null : String.join(",", kids.stream().map(UUID::toString).toList());
    if (keys != null && keys.length() > 400) {
      keys = keys.substring(0, 400);
    }
    groupCommit.append(
        new AuditGroupCommit.Row(
            Instant.now(),
            kind,
            granted,
            rule,
            account,
            profile,
            device,
            session,
            title,
            keys,
            level == null ? null : level.name()));
  }

  /** Newest first, filtered by whichever criteria are given (the REST resource's form). */
  public List<LicenceDecision> search(
      UUID title, UUID account, String outcome, String rule, Instant before, int limit) {
    return page(new LicenceAuditQuery(title, account, outcome, rule, null, before), limit, null)
        .decisions();
  }

  /** One page, newest first, after the cursor's decision (keyset on time and id). */
  public LicenceDecisionPage page(LicenceAuditQuery q, int limit, String cursor) {
    String outcome = outcome(q.outcome());
    AuditCursor after = AuditCursor.decode(cursor);
    int size = Math.max(1, Math.min(limit, 1000));
    StringBuilder sql =
        new StringBuilder(
            "SELECT id, at, kind, outcome, rule, account_id, profile_id, device_id, session_id,"
                + " title_id, key_ids, security_level FROM playback.licence_audit WHERE true");
    List<Object> params = new ArrayList<>();
    condition(sql, params, " AND title_id = ?", q.titleId());
    condition(sql, params, " AND account_id = ?", q.accountId());
    condition(sql, params, " AND outcome = ?", outcome);
    condition(
        sql,
        params,
        " AND rule = ?",
        q.rule() == null || q.rule().isBlank() ? null : q.rule().strip());
    condition(sql, params, " AND at >= ?", q.from() == null ? null : Timestamp.from(q.from()));
    condition(sql, params, " AND at < ?", q.to() == null ? null : Timestamp.from(q.to()));
    if (after != null) {
      sql.append(" AND (at, id) < (?, ?)");
      params.add(Timestamp.from(after.at()));
      params.add(after.id());
    }
    sql.append(" ORDER BY at DESC, id DESC LIMIT ").append(size + 1);
    List<LicenceDecision> rows = read(sql.toString(), params);
    if (rows.size() <= size) {
      return new LicenceDecisionPage(rows, null);
    }
    LicenceDecision last = rows.get(size - 1);
    return new LicenceDecisionPage(
        rows.subList(0, size), new AuditCursor(last.at(), last.id()).encode());
  }

  /** Decisions granted and denied in [from, to). */
  public LicenceOutcomes outcomes(Instant from, Instant to) {
    return PlainSql.queryOne(
            db,
            "count licence decisions",
            "SELECT count(*) FILTER (WHERE outcome = 'GRANTED'),"
                + " count(*) FILTER (WHERE outcome = 'DENIED')"
                + " FROM playback.licence_audit WHERE at >= ? AND at < ?",
            r -> new LicenceOutcomes(r.getLong(1), r.getLong(2)),
            Timestamp.from(from),
            Timestamp.from(to))
        .orElseThrow();
  }

  /** GRANTED, DENIED (any case) or null; 400 {@code invalid-query} otherwise. */
  static String outcome(String outcome) {
    if (outcome == null || outcome.isBlank()) {
      return null;
    }
    String o = outcome.strip().toUpperCase(Locale.ROOT);
    if (!o.equals("GRANTED") && !o.equals("DENIED")) {
      throw ProblemException.badRequest(
          "invalid-query", "outcome must be GRANTED or DENIED, not " + outcome);
    }
    return o;
  }

  private static void condition(
      StringBuilder sql, List<Object> params, String clause, Object value) {
    if (value != null) {
      sql.append(clause);
      params.add(value);
    }
  }

  private List<LicenceDecision> read(String sql, List<Object> params) {
    return PlainSql.query(
        db, "read the licence audit", sql, LicenceAuditStore::decision, params.toArray());
  }

  private static LicenceDecision decision(ResultSet r) throws SQLException {
    return new LicenceDecision(
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
        r.getString(11),
        r.getString(12));
  }
}
