package dev.marquee.drm.internal.persistence;

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
 * What drm holds about an account: the key actions (content-key re-wraps) it took as an
 * administrator. Erasure keeps them recorded under the pseudonym. Offline licences and the licence
 * audit trail are playback's (ADR 45).
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
    return 20;
  }

  @Override
  public JsonObject export(DataSubject subject) {
    UUID account = subject.account().value();
    try (Connection c = db.getConnection()) {
      return Json.createObjectBuilder()
          .add(
              "keyActions",
              PlainSql.jsonRows(
                  c,
                  "SELECT at, action, via, outcome, active_kek AS \"activeKek\", rewrapped,"
                      + " detail FROM drm.key_actions WHERE actor_id = ? ORDER BY at, id",
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
      // An administrator's key re-wraps stay recorded, under the pseudonym.
      PlainSql.update(
          c, "UPDATE drm.key_actions SET actor_id = ? WHERE actor_id = ?", pseudonym, account);
    } catch (SQLException e) {
      throw new IllegalStateException("could not erase drm data: " + e.getMessage(), e);
    }
  }
}
