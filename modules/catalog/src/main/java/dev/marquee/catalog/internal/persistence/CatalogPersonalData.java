package dev.marquee.catalog.internal.persistence;

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
 * What the catalog holds about an account: a viewer's lists, favourites, likes, reports and
 * completions; a creator's titles and an administrator's edits and moderation decisions. Erasure
 * deletes what is the viewer's own (lists, favourites, likes with their share of popularity,
 * completions, the recommendations computed from them) and keeps what the catalog needs with the
 * pseudonym: titles, the edit audit, moderation decisions, and reports (their text goes, their
 * reason and outcome stay).
 */
@ApplicationScoped
public class CatalogPersonalData implements PersonalDataHolder {
  @Resource(lookup = "jdbc/marquee")
  DataSource db;

  @Override
  public String part() {
    return "catalog";
  }

  @Override
  public int erasureOrder() {
    return 30;
  }

  @Override
  public JsonObject export(DataSubject subject) {
    UUID account = subject.account().value();
    try (Connection c = db.getConnection()) {
      Array profiles = c.createArrayOf("uuid", subject.profileIds());
      return Json.createObjectBuilder()
          .add(
              "lists",
              PlainSql.jsonRows(
                  c,
                  "SELECT l.id, l.profile_id AS \"profileId\", l.name,"
                      + " l.created_at AS \"createdAt\", l.updated_at AS \"updatedAt\","
                      + " array(SELECT i.title_id::text FROM catalog.list_items i"
                      + " WHERE i.list_id = l.id ORDER BY i.position) AS \"titleIds\""
                      + " FROM catalog.lists l WHERE l.account_id = ? ORDER BY l.created_at",
                  account))
          .add(
              "favourites",
              PlainSql.jsonRows(
                  c,
                  "SELECT profile_id AS \"profileId\", title_id AS \"titleId\","
                      + " created_at AS \"createdAt\" FROM catalog.favourites"
                      + " WHERE account_id = ? ORDER BY created_at",
                  account))
          .add(
              "likes",
              PlainSql.jsonRows(
                  c,
                  "SELECT profile_id AS \"profileId\", title_id AS \"titleId\","
                      + " created_at AS \"createdAt\" FROM catalog.likes"
                      + " WHERE account_id = ? ORDER BY created_at",
                  account))
          .add(
              "reports",
              PlainSql.jsonRows(
                  c,
                  "SELECT id, title_id AS \"titleId\", profile_id AS \"profileId\", reason, text,"
                      + " state, created_at AS \"createdAt\", resolved_at AS \"resolvedAt\","
                      + " resolution FROM catalog.reports WHERE account_id = ? ORDER BY created_at",
                  account))
          .add(
              "completions",
              PlainSql.jsonRows(
                  c,
                  "SELECT profile_id AS \"profileId\", title_id AS \"titleId\", day"
                      + " FROM catalog.completions WHERE profile_id = ANY (?) ORDER BY day",
                  profiles))
          .add(
              "titlesOwned",
              PlainSql.jsonRows(
                  c,
                  "SELECT id, name, state, created_at AS \"createdAt\" FROM catalog.titles"
                      + " WHERE owner_id = ? ORDER BY created_at",
                  account))
          .add(
              "titleEdits",
              PlainSql.jsonRows(
                  c,
                  "SELECT title_id AS \"titleId\", at, version, changes FROM catalog.title_audit"
                      + " WHERE actor_id = ? ORDER BY id",
                  account))
          .add(
              "moderationDecisions",
              PlainSql.jsonRows(
                  c,
                  "SELECT id AS \"reportId\", title_id AS \"titleId\", state,"
                      + " resolved_at AS \"resolvedAt\", resolution FROM catalog.reports"
                      + " WHERE resolved_by = ? ORDER BY resolved_at",
                  account))
          .build();
    } catch (SQLException e) {
      throw new IllegalStateException("could not export catalog data: " + e.getMessage(), e);
    }
  }

  @Override
  public void erase(DataSubject subject, UUID pseudonym) {
    UUID account = subject.account().value();
    try (Connection c = db.getConnection()) {
      Array profiles = c.createArrayOf("uuid", subject.profileIds());
      // Likes leave the popularity they added; a rerun finds no likes left and changes nothing.
      PlainSql.update(
          c,
          "UPDATE catalog.titles t SET popularity = greatest(0, t.popularity - l.n)"
              + " FROM (SELECT DISTINCT title_id, 1 AS n FROM catalog.likes WHERE account_id = ?)"
              + " l WHERE t.id = l.title_id",
          account);
      PlainSql.update(c, "DELETE FROM catalog.likes WHERE account_id = ?", account);
      PlainSql.update(c, "DELETE FROM catalog.favourites WHERE account_id = ?", account);
      PlainSql.update(c, "DELETE FROM catalog.lists WHERE account_id = ?", account);
      PlainSql.update(c, "DELETE FROM catalog.completions WHERE profile_id = ANY (?)", profiles);
      PlainSql.update(
          c, "DELETE FROM catalog.recommendations WHERE profile_id = ANY (?)", profiles);
      PlainSql.update(
          c,
          "UPDATE catalog.reports SET account_id = ?, profile_id = ?, text = ''"
              + " WHERE account_id = ?",
          pseudonym,
          pseudonym,
          account);
      PlainSql.update(
          c,
          "UPDATE catalog.reports SET resolved_by = ? WHERE resolved_by = ?",
          pseudonym,
          account);
      PlainSql.update(
          c,
          "UPDATE catalog.titles SET owner_id = ?, version = version + 1 WHERE owner_id = ?",
          pseudonym,
          account);
      PlainSql.update(
          c, "UPDATE catalog.title_audit SET actor_id = ? WHERE actor_id = ?", pseudonym, account);
    } catch (SQLException e) {
      throw new IllegalStateException("could not erase catalog data: " + e.getMessage(), e);
    }
  }
}
