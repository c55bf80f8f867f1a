package dev.marquee.drm.internal.persistence;

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
 * What drm holds about an account: its offline licences and the licence audit trail. Erasure
 * deletes the offline licences and keeps the audit trail with the pseudonym in place of the
 * account; profile, device and session ids leave the trail (they would link it back to rows other
 * modules erase). An administrator's revocations and key re-wraps keep the pseudonym too.
 */
@ApplicationScoped
public class DrmPersonalData implements PersonalDataHolder {
  @Resource(lookup = "jdbc/marquee")
  DataSource db;

  @Override
  public String part() {
    return "drm";
  }

  @Override
  public int erasureOrder() {
    // After playback: a session still live while playback erases could otherwise add audit rows.
    return 20;
  }

  @Override
  public JsonObject export(DataSubject subject) {
    UUID account = subject.account().value();
    try (Connection c = db.getConnection()) {
      return Json.createObjectBuilder()
          .add(
              "offlineLicences",
              PlainSql.jsonRows(
                  c,
                  "SELECT id, profile_id AS \"profileId\", device_id AS \"deviceId\","
                      + " title_id AS \"titleId\", key_ids AS \"keyIds\","
                      + " issued_at AS \"issuedAt\", expires_at AS \"expiresAt\","
                      + " play_seconds AS \"playSeconds\", first_played_at AS \"firstPlayedAt\","
                      + " revoked_at AS \"revokedAt\" FROM drm.offline_licences"
                      + " WHERE account_id = ? ORDER BY issued_at",
                  account))
          .add(
              "licenceAudit",
              PlainSql.jsonRows(
                  c,
                  "SELECT at, kind, outcome, rule, profile_id AS \"profileId\","
                      + " device_id AS \"deviceId\", session_id AS \"sessionId\","
                      + " title_id AS \"titleId\", key_ids AS \"keyIds\" FROM drm.licence_audit"
                      + " WHERE account_id = ? ORDER BY at, id",
                  account))
          .build();
    } catch (SQLException e) {
      throw new IllegalStateException("could not export drm data: " + e.getMessage(), e);
    }
  }

  @Override
  public void erase(DataSubject subject, UUID pseudonym) {
    UUID account = subject.account().value();
    try (Connection c = db.getConnection()) {
      Array profiles = c.createArrayOf("uuid", subject.profileIds());
      Array devices = c.createArrayOf("uuid", subject.deviceIds());
      PlainSql.update(c, "DELETE FROM drm.offline_licences WHERE account_id = ?", account);
      PlainSql.update(
          c,
          "UPDATE drm.offline_licences SET revoked_by = ? WHERE revoked_by = ?",
          pseudonym,
          account);
      PlainSql.update(
          c,
          "UPDATE drm.licence_audit SET account_id = ?, profile_id = NULL, device_id = NULL,"
              + " session_id = NULL WHERE account_id = ?",
          pseudonym,
          account);
      // An administrator's key re-wraps stay recorded, under the pseudonym.
      PlainSql.update(
          c, "UPDATE drm.key_actions SET actor_id = ? WHERE actor_id = ?", pseudonym, account);
      // Decisions recorded before the account was known (a denied request) may name only these.
      PlainSql.update(
          c, "UPDATE drm.licence_audit SET profile_id = NULL WHERE profile_id = ANY (?)", profiles);
      PlainSql.update(
          c, "UPDATE drm.licence_audit SET device_id = NULL WHERE device_id = ANY (?)", devices);
    } catch (SQLException e) {
      throw new IllegalStateException("could not erase drm data: " + e.getMessage(), e);
    }
  }
}
