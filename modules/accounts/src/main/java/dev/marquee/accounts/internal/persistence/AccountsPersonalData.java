package dev.marquee.accounts.internal.persistence;

import dev.marquee.accounts.api.AccountId;
import dev.marquee.accounts.api.DataSubject;
import dev.marquee.accounts.api.DeviceId;
import dev.marquee.accounts.api.PersonalDataHolder;
import dev.marquee.accounts.api.ProfileId;
import dev.marquee.platform.api.PlainSql;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The accounts module's own part of an export and an erasure. Its step runs last: until then the
 * account, its profiles and devices still exist, so every other part can be told which profile and
 * device ids to look for. Deleting the account takes everything hanging off it along (roles,
 * profiles, devices, sign-ins and refresh tokens, device codes, subscriptions, purchases and
 * rentals); the device security audit stays, with the pseudonym in place of the account.
 */
@ApplicationScoped
public class AccountsPersonalData implements PersonalDataHolder {
  public static final String PART = "accounts";

  @Resource(lookup = "jdbc/marquee")
  DataSource db;

  @Override
  public String part() {
    return PART;
  }

  @Override
  public int erasureOrder() {
    return Integer.MAX_VALUE;
  }

  /** The account with every profile and device it has (removed devices too). */
  public DataSubject subject(UUID account) {
    try (Connection c = db.getConnection()) {
      List<ProfileId> profiles = new ArrayList<>();
      for (UUID id : ids(c, "SELECT id FROM accounts.profiles WHERE account_id = ?", account)) {
        profiles.add(new ProfileId(id));
      }
      List<DeviceId> devices = new ArrayList<>();
      for (UUID id : ids(c, "SELECT id FROM accounts.devices WHERE account_id = ?", account)) {
        devices.add(new DeviceId(id));
      }
      return new DataSubject(new AccountId(account), profiles, devices);
    } catch (SQLException e) {
      throw new IllegalStateException("could not read the account's profiles and devices", e);
    }
  }

  @Override
  public JsonObject export(DataSubject subject) {
    UUID id = subject.account().value();
    try (Connection c = db.getConnection()) {
      JsonArray account =
          PlainSql.jsonRows(
              c,
              "SELECT id, email, display_name AS \"displayName\", country,"
                  + " created_at AS \"createdAt\","
                  + " array(SELECT role FROM accounts.account_roles r WHERE r.account_id = a.id"
                  + " ORDER BY role) AS roles"
                  + " FROM accounts.accounts a WHERE id = ?",
              id);
      return Json.createObjectBuilder()
          .add("account", account.isEmpty() ? JsonObject.NULL : account.getJsonObject(0))
          .add(
              "profiles",
              PlainSql.jsonRows(
                  c,
                  "SELECT id, name, maturity_cap AS \"maturityCap\", kids,"
                      + " created_at AS \"createdAt\" FROM accounts.profiles"
                      + " WHERE account_id = ? ORDER BY created_at",
                  id))
          .add(
              "devices",
              PlainSql.jsonRows(
                  c,
                  "SELECT id, name, device_type AS type, security_level AS \"securityLevel\","
                      + " registered_at AS \"registeredAt\", last_seen_at AS \"lastSeenAt\","
                      + " removed_at AS \"removedAt\" FROM accounts.devices"
                      + " WHERE account_id = ? ORDER BY registered_at",
                  id))
          .add(
              "deviceSecurityChanges",
              PlainSql.jsonRows(
                  c,
                  "SELECT device_id AS \"deviceId\", previous_level AS \"previousLevel\","
                      + " new_level AS \"newLevel\", reason, changed_at AS \"changedAt\""
                      + " FROM accounts.device_security_changes WHERE account_id = ?"
                      + " ORDER BY id",
                  id))
          .add(
              "subscriptions",
              PlainSql.jsonRows(
                  c,
                  "SELECT id, plan_code AS plan, status, period_start AS \"periodStart\","
                      + " period_end AS \"periodEnd\", created_at AS \"createdAt\","
                      + " cancelled_at AS \"cancelledAt\" FROM accounts.subscriptions"
                      + " WHERE account_id = ? ORDER BY created_at",
                  id))
          .add(
              "titleGrants",
              PlainSql.jsonRows(
                  c,
                  "SELECT id, title_id AS \"titleId\", kind, max_height AS \"maxHeight\","
                      + " granted_at AS \"grantedAt\", start_by AS \"startBy\","
                      + " rental_hours AS \"rentalHours\", first_played_at AS \"firstPlayedAt\","
                      + " revoked_at AS \"revokedAt\" FROM accounts.title_grants"
                      + " WHERE account_id = ? ORDER BY granted_at",
                  id))
          // Sign-ins without their secrets: only digests of refresh tokens are stored anyway.
          .add(
              "signIns",
              PlainSql.jsonRows(
                  c,
                  "SELECT id, client_id AS \"clientId\", device_id AS \"deviceId\","
                      + " created_at AS \"createdAt\", revoked_at AS \"revokedAt\","
                      + " revoked_reason AS \"revokedReason\" FROM accounts.token_families"
                      + " WHERE account_id = ? ORDER BY created_at",
                  id))
          .add(
              "deviceAuthorizations",
              PlainSql.jsonRows(
                  c,
                  "SELECT client_id AS \"clientId\", device_name AS \"deviceName\","
                      + " device_type AS \"deviceType\", status, created_at AS \"createdAt\""
                      + " FROM accounts.device_authorizations WHERE account_id = ?"
                      + " ORDER BY created_at",
                  id))
          .build();
    } catch (SQLException e) {
      throw new IllegalStateException("could not export the account: " + e.getMessage(), e);
    }
  }

  @Override
  public void erase(DataSubject subject, UUID pseudonym) {
    UUID id = subject.account().value();
    try (Connection c = db.getConnection()) {
      PlainSql.update(
          c,
          "UPDATE accounts.device_security_changes SET account_id = ? WHERE account_id = ?",
          pseudonym,
          id);
      PlainSql.update(
          c,
          "UPDATE accounts.device_security_changes SET changed_by = ? WHERE changed_by = ?",
          pseudonym,
          id);
      // Everything else of the account's goes with it (ON DELETE CASCADE).
      PlainSql.update(c, "DELETE FROM accounts.accounts WHERE id = ?", id);
    } catch (SQLException e) {
      throw new IllegalStateException("could not erase the account: " + e.getMessage(), e);
    }
  }

  /** Revokes every sign-in of the account and drops its pending device codes, at once. */
  public void revokeEverySignIn(UUID account) {
    try (Connection c = db.getConnection()) {
      PlainSql.update(
          c,
          "UPDATE accounts.token_families SET revoked_at = now(), revoked_reason = 'erasure'"
              + " WHERE account_id = ? AND revoked_at IS NULL",
          account);
      PlainSql.update(
          c,
          "DELETE FROM accounts.device_authorizations WHERE account_id = ?"
              + " AND status IN ('PENDING', 'APPROVED')",
          account);
    } catch (SQLException e) {
      throw new IllegalStateException("could not revoke the account's sign-ins", e);
    }
  }

  private static List<UUID> ids(Connection c, String sql, UUID account) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      s.setObject(1, account);
      List<UUID> ids = new ArrayList<>();
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          ids.add(r.getObject(1, UUID.class));
        }
      }
      return ids;
    }
  }
}
