package dev.marquee.catalog.internal.application;

import dev.marquee.catalog.internal.persistence.TitleCheck;
import dev.marquee.platform.api.PlainSql;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Favourites and likes: one per profile and title, idempotent. A like moves the title's popularity
 * (search's popularity sort) in the same transaction.
 */
@ApplicationScoped
public class Reactions {
  @Resource(lookup = "jdbc/marquee")
  DataSource db;

  /** Which table: favourites or likes. */
  public enum Kind {
    FAVOURITE("catalog.favourites"),
    LIKE("catalog.likes");

    final String table;

    Kind(String table) {
      this.table = table;
    }
  }

  /** A title's likes, and whether this profile likes it. */
  public record LikeCount(String titleId, long likes, boolean liked) {}

  /** Adds the reaction; true if it is new. */
  @Transactional
  public boolean add(Kind kind, UUID account, UUID profile, UUID title) {
    return PlainSql.call(
        db,
        "store a reaction",
        c -> {
          TitleCheck.published(c, title);
          if (kind == Kind.LIKE) {
            lockAccountsLikes(c, account, title);
          }
          boolean added =
              PlainSql.update(
                      c,
                      "INSERT INTO "
                          + kind.table
                          + " (profile_id, title_id, account_id) VALUES (?,?,?)"
                          + " ON CONFLICT DO NOTHING",
                      profile,
                      title,
                      account)
                  == 1;
          // Popularity counts accounts, not profiles: only an account's first like adds.
          if (added && kind == Kind.LIKE && likesOfAccount(c, account, title) == 1) {
            popularity(c, title, 1);
          }
          return added;
        });
  }

  /** Removes the reaction; true if there was one. */
  @Transactional
  public boolean remove(Kind kind, UUID account, UUID profile, UUID title) {
    return PlainSql.call(
        db,
        "remove a reaction",
        c -> {
          if (kind == Kind.LIKE) {
            lockAccountsLikes(c, account, title);
          }
          boolean removed =
              PlainSql.update(
                      c,
                      "DELETE FROM " + kind.table + " WHERE profile_id = ? AND title_id = ?",
                      profile,
                      title)
                  == 1;
          // The account's last like of the title takes its popularity back.
          if (removed && kind == Kind.LIKE && likesOfAccount(c, account, title) == 0) {
            popularity(c, title, -1);
          }
          return removed;
        });
  }

  /** The profile's reactions of this kind, newest first. */
  public List<String> ofProfile(Kind kind, UUID profile) {
    return PlainSql.query(
        db,
        "read reactions",
        "SELECT title_id FROM "
            + kind.table
            + " WHERE profile_id = ? ORDER BY created_at DESC, title_id",
        r -> r.getObject(1).toString(),
        profile);
  }

  public LikeCount likes(UUID title, UUID profile) {
    return PlainSql.queryOne(
            db,
            "count likes",
            "SELECT count(DISTINCT account_id), count(*) FILTER (WHERE profile_id = ?)"
                + " FROM catalog.likes WHERE title_id = ?",
            r -> new LikeCount(title.toString(), r.getLong(1), r.getLong(2) > 0),
            profile,
            title)
        .orElseThrow();
  }

  /**
   * Serialises like and unlike of one account and title (two profiles of a family liking at once
   * would both see themselves as the account's first like); released at commit.
   */
  private static void lockAccountsLikes(Connection c, UUID account, UUID title)
      throws SQLException {
    PlainSql.execute(
        c,
        "SELECT pg_advisory_xact_lock(?)",
        account.getMostSignificantBits()
            ^ account.getLeastSignificantBits()
            ^ Long.rotateLeft(title.getMostSignificantBits() ^ title.getLeastSignificantBits(), 1));
  }

  private static long likesOfAccount(Connection c, UUID account, UUID title) throws SQLException {
    return PlainSql.queryOne(
            c,
            "SELECT count(*) FROM catalog.likes WHERE account_id = ? AND title_id = ?",
            r -> r.getLong(1),
            account,
            title)
        .orElseThrow();
  }

  static void popularity(Connection c, UUID title, long delta) throws SQLException {
    PlainSql.update(
        c,
        "UPDATE catalog.titles SET popularity = greatest(0, popularity + ?) WHERE id = ?",
        delta,
        title);
  }
}
