package dev.marquee.playback.internal.persistence;

import dev.marquee.accounts.api.DataSubject;
import dev.marquee.accounts.api.PersonalDataHolder;
import dev.marquee.platform.api.PlainSql;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * What playback holds about an account: playback sessions, resume positions and QoE reports.
 * Erasure deletes sessions (a live one stops: its token no longer finds it) and positions, and
 * keeps QoE events for the per-title aggregates with the pseudonym in place of account and device.
 * It runs first, so that no session of the account writes anything while the others erase.
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
    } catch (SQLException e) {
      throw new IllegalStateException("could not erase playback data: " + e.getMessage(), e);
    }
  }
}
