package dev.marquee.playback.internal.persistence;

import dev.marquee.accounts.api.DataSubject;
import dev.marquee.accounts.api.PersonalDataHolder;
import dev.marquee.platform.api.PlainSql;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.sql.Array;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * What playback holds about an account: playback sessions, resume positions, QoE reports, offline
 * licences and the licence audit trail. Erasure deletes sessions (a live one stops: its token no
 * longer finds it), positions and offline licences; it keeps QoE events for the per-title
 * aggregates and the audit trail, both with the pseudonym in place of the account, and takes
 * profile, device and session ids out of the trail (they would link it back to rows other modules
 * erase). Sessions go first, so no licence of the account is decided while the trail is rewritten;
 * and this holder runs first, so that no session of the account writes anything while the others
 * erase. An administrator's offline-licence revocations keep the pseudonym.
 */
@ApplicationScoped
public class PlaybackPersonalData implements PersonalDataHolder {
  @Resource(lookup = "jdbc/marquee")
  DataSource db;

  @Override
  public String part() {
    return "playback";
  }

  @Override
  public int erasureOrder() {
    return 10;
  }

  @Override
  public JsonObject export(DataSubject subject) {
    UUID account = subject.account().value();
    try (Connection c = db.getConnection()) {
      return Json.createObjectBuilder()
          .add(
              "sessions",
              PlainSql.jsonRows(
                  c,
                  "SELECT id, profile_id AS \"profileId\", device_id AS \"deviceId\","
                      + " device_name AS \"deviceName\", title_id AS \"titleId\","
                      + " security_level AS \"securityLevel\", max_height AS \"maxHeight\","
                      + " region, created_at AS \"createdAt\","
                      + " last_heartbeat_at AS \"lastHeartbeatAt\", expires_at AS \"expiresAt\","
                      + " ended_at AS \"endedAt\", end_reason AS \"endReason\""
                      + " FROM playback.sessions WHERE account_id = ? ORDER BY created_at",
                  account))
          .add(
              "positions",
              PlainSql.jsonRows(
                  c,
                  "SELECT profile_id AS \"profileId\", title_id AS \"titleId\","
                      + " device_id AS \"deviceId\", position_ms AS \"positionMs\","
                      + " client_time AS \"clientTime\", event, watched,"
                      + " updated_at AS \"updatedAt\" FROM playback.positions"
                      + " WHERE account_id = ? ORDER BY client_time",
                  account))
          .add(
              "qoeEvents",
              PlainSql.jsonRows(
                  c,
                  "SELECT session_id AS \"sessionId\", seq, title_id AS \"titleId\","
                      + " device_id AS \"deviceId\", type, client_time AS \"clientTime\","
                      + " received_at AS \"receivedAt\", value_ms AS \"valueMs\", bitrate,"
                      + " height, code FROM playback.qoe_events WHERE account_id = ?"
                      + " ORDER BY received_at, session_id, seq",
                  account))
          .add(
              "offlineLicences",
              PlainSql.jsonRows(
                  c,
                  "SELECT id, profile_id AS \"profileId\", device_id AS \"deviceId\","
                      + " title_id AS \"titleId\", key_ids AS \"keyIds\","
                      + " issued_at AS \"issuedAt\", expires_at AS \"expiresAt\","
                      + " play_seconds AS \"playSeconds\", first_played_at AS \"firstPlayedAt\","
                      + " revoked_at AS \"revokedAt\" FROM playback.offline_licences"
                      + " WHERE account_id = ? ORDER BY issued_at",
                  account))
          .add(
              "licenceAudit",
              PlainSql.jsonRows(
                  c,
                  "SELECT at, kind, outcome, rule, profile_id AS \"profileId\","
                      + " device_id AS \"deviceId\", session_id AS \"sessionId\","
                      + " title_id AS \"titleId\", key_ids AS \"keyIds\""
                      + " FROM playback.licence_audit WHERE account_id = ? ORDER BY at, id",
                  account))
          .build();
    } catch (SQLException e) {
      throw new IllegalStateException("could not export playback data: " + e.getMessage(), e);
    }
  }

  @Override
  public void erase(DataSubject subject, UUID pseudonym) {
    UUID account = subject.account().value();
    try (Connection c = db.getConnection()) {
      PlainSql.update(c, "DELETE FROM playback.sessions WHERE account_id = ?", account);
      PlainSql.update(c, "DELETE FROM playback.positions WHERE account_id = ?", account);
      PlainSql.update(
          c,
          "UPDATE playback.qoe_events SET account_id = ?, device_id = ? WHERE account_id = ?",
          pseudonym,
          pseudonym,
          account);
      eraseLicences(c, subject, pseudonym);
    } catch (SQLException e) {
      throw new IllegalStateException("could not erase playback data: " + e.getMessage(), e);
    }
  }

  private static void eraseLicences(Connection c, DataSubject subject, UUID pseudonym)
      throws SQLException {
    UUID account = subject.account().value();
    Array profiles = c.createArrayOf("uuid", subject.profileIds());
    Array devices = c.createArrayOf("uuid", subject.deviceIds());
    PlainSql.update(c, "DELETE FROM playback.offline_licences WHERE account_id = ?", account);
    PlainSql.update(
        c,
        "UPDATE playback.offline_licences SET revoked_by = ? WHERE revoked_by = ?",
        pseudonym,
        account);
    PlainSql.update(
        c,
        "UPDATE playback.licence_audit SET account_id = ?, profile_id = NULL, device_id = NULL,"
            + " session_id = NULL WHERE account_id = ?",
        pseudonym,
        account);
    // Decisions recorded before the account was known (a denied request) may name only these.
    PlainSql.update(
        c,
        "UPDATE playback.licence_audit SET profile_id = NULL WHERE profile_id = ANY (?)",
        profiles);
    PlainSql.update(
        c, "UPDATE playback.licence_audit SET device_id = NULL WHERE device_id = ANY (?)", devices);
  }
}
