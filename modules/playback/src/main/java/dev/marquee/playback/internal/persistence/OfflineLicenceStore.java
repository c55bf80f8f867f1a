package dev.marquee.playback.internal.persistence;

import static dev.marquee.platform.api.PlainSql.instant;

import dev.marquee.platform.api.PlainSql;
import dev.marquee.playback.internal.domain.LicenceDenied;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Offline licences: bound to account, profile and device; valid for {@code offline-validity} (30
 * days) from issue and {@code offline-play-window} (48 hours) from the first play; at most the
 * entitlement's number per account at a time; revocable by the account or an admin.
 */
@ApplicationScoped
public class OfflineLicenceStore {
  @Resource(lookup = "jdbc/marquee")
  DataSource db;

  @Inject
  @ConfigProperty(name = "marquee.drm.offline-validity", defaultValue = "P30D")
  Duration validity;

  @Inject
  @ConfigProperty(name = "marquee.drm.offline-play-window", defaultValue = "PT48H")
  Duration playWindow;

  /** One offline licence as stored. */
  public record OfflineLicence(
      UUID id,
      UUID accountId,
      UUID profileId,
      UUID deviceId,
      UUID titleId,
      List<UUID> keyIds,
      Instant issuedAt,
      Instant expiresAt,
      long playSeconds,
      Instant firstPlayedAt,
      Instant revokedAt) {

    /** When it stops working: the earlier of its expiry and the end of the play window. */
    public Instant validUntil() {
      Instant end = expiresAt;
      if (firstPlayedAt != null) {
        Instant playEnd = firstPlayedAt.plus(Duration.ofSeconds(playSeconds));
        end = playEnd.isBefore(end) ? playEnd : end;
      }
      return end;
    }

    public boolean isLive(Instant now) {
      return revokedAt == null && now.isBefore(validUntil());
    }
  }

  /** Issues a licence if the account holds fewer than {@code limit} live ones. */
  @Transactional
  public OfflineLicence issue(
      UUID account, UUID profile, UUID device, UUID title, List<UUID> kids, int limit) {
    Instant now = Instant.now();
    try (Connection c = db.getConnection()) {
      PlainSql.execute(
          c,
          "SELECT pg_advisory_xact_lock(?)",
          account.getMostSignificantBits() ^ account.getLeastSignificantBits());
      long live = ofAccount(c, account).stream().filter(l -> l.isLive(now)).count();
      if (live >= limit) {
        throw new LicenceDenied(
            "offline-limit",
            "The account already holds "
                + live
                + " offline licence(s), its limit; remove a download first.");
      }
      OfflineLicence licence =
          new OfflineLicence(
              UUID.randomUUID(),
              account,
              profile,
              device,
              title,
              kids,
              now,
              now.plus(validity),
              playWindow.toSeconds(),
              null,
              null);
      PlainSql.update(
          c,
          "INSERT INTO playback.offline_licences (id, account_id, profile_id, device_id, title_id,"
              + " key_ids, issued_at, expires_at, play_seconds) VALUES (?,?,?,?,?,?,?,?,?)",
          licence.id(),
          account,
          profile,
          device,
          title,
          String.join(",", kids.stream().map(UUID::toString).toList()),
          Timestamp.from(licence.issuedAt()),
          Timestamp.from(licence.expiresAt()),
          playWindow.toSeconds());
      return licence;
    } catch (SQLException e) {
      throw new IllegalStateException("could not issue an offline licence: " + e.getMessage(), e);
    }
  }

  public List<OfflineLicence> ofAccount(UUID account) {
    return PlainSql.call(db, "read offline licences", c -> ofAccount(c, account));
  }

  public Optional<OfflineLicence> find(UUID id) {
    return PlainSql.queryOne(
        db,
        "read offline licences",
        "SELECT " + COLUMNS + " FROM playback.offline_licences WHERE id = ?",
        OfflineLicenceStore::licence,
        id);
  }

  /** Starts the play window on the first play; later plays change nothing. */
  public void markPlayed(UUID id, Instant at) {
    update(
        "UPDATE playback.offline_licences SET first_played_at = ? WHERE id = ? AND first_played_at IS"
            + " NULL",
        Timestamp.from(at),
        id);
  }

  public boolean revoke(UUID id, UUID by) {
    return update(
            "UPDATE playback.offline_licences SET revoked_at = ?, revoked_by = ? WHERE id = ? AND"
                + " revoked_at IS NULL",
            Timestamp.from(Instant.now()),
            by,
            id)
        == 1;
  }

  private static final String COLUMNS =
      "id, account_id, profile_id, device_id, title_id, key_ids, issued_at, expires_at,"
          + " play_seconds, first_played_at, revoked_at";

  private List<OfflineLicence> ofAccount(Connection c, UUID account) throws SQLException {
    return PlainSql.query(
        c,
        "SELECT "
            + COLUMNS
            + " FROM playback.offline_licences WHERE account_id = ? ORDER BY issued_at DESC",
        OfflineLicenceStore::licence,
        account);
  }

  private int update(String sql, Object... params) {
    return PlainSql.update(db, "change an offline licence", sql, params);
  }

  private static OfflineLicence licence(ResultSet r) throws SQLException {
    return new OfflineLicence(
        r.getObject(1, UUID.class),
        r.getObject(2, UUID.class),
        r.getObject(3, UUID.class),
        r.getObject(4, UUID.class),
        r.getObject(5, UUID.class),
        Arrays.stream(r.getString(6).split(",")).map(UUID::fromString).toList(),
        r.getTimestamp(7).toInstant(),
        r.getTimestamp(8).toInstant(),
        r.getLong(9),
        instant(r.getTimestamp(10)),
        instant(r.getTimestamp(11)));
  }
}
