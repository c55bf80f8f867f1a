package dev.marquee.catalog.internal.engagement;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
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
    return Jdbc.call(
        "store a reaction",
        () -> {
          try (Connection c = db.getConnection()) {
            TitleCheck.published(c, title);
            if (kind == Kind.LIKE) {
              lockAccountsLikes(c, account, title);
            }
            boolean added;
            try (PreparedStatement s =
                c.prepareStatement(
                    "INSERT INTO "
                        + kind.table
                        + " (profile_id, title_id, account_id) VALUES (?,?,?)"
                        + " ON CONFLICT DO NOTHING")) {
              s.setObject(1, profile);
              s.setObject(2, title);
              s.setObject(3, account);
              added = s.executeUpdate() == 1;
            }
            // Popularity counts accounts, not profiles: only an account's first like adds.
            if (added && kind == Kind.LIKE && likesOfAccount(c, account, title) == 1) {
              popularity(c, title, 1);
            }
            return added;
          }
        });
  }

  /** Removes the reaction; true if there was one. */
  @Transactional
  public boolean remove(Kind kind, UUID account, UUID profile, UUID title) {
    return Jdbc.call(
        "remove a reaction",
        () -> {
          try (Connection c = db.getConnection()) {
            if (kind == Kind.LIKE) {
              lockAccountsLikes(c, account, title);
            }
            boolean removed;
            try (PreparedStatement s =
                c.prepareStatement(
                    "DELETE FROM " + kind.table + " WHERE profile_id = ? AND title_id = ?")) {
              s.setObject(1, profile);
              s.setObject(2, title);
              removed = s.executeUpdate() == 1;
            }
            // The account's last like of the title takes its popularity back.
            if (removed && kind == Kind.LIKE && likesOfAccount(c, account, title) == 0) {
              popularity(c, title, -1);
            }
            return removed;
          }
        });
  }

  /** The profile's reactions of this kind, newest first. */
  public List<String> ofProfile(Kind kind, UUID profile) {
    return Jdbc.call(
        "read reactions",
        () -> {
          try (Connection c = db.getConnection();
              PreparedStatement s =
                  c.prepareStatement(
                      "SELECT title_id FROM "
                          + kind.table
                          + " WHERE profile_id = ? ORDER BY created_at DESC, title_id")) {
            s.setObject(1, profile);
            List<String> titles = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
              while (r.next()) {
                titles.add(r.getObject(1).toString());
              }
            }
            return titles;
          }
        });
  }

  public LikeCount likes(UUID title, UUID profile) {
    return Jdbc.call(
        "count likes",
        () -> {
          try (Connection c = db.getConnection();
              PreparedStatement s =
                  c.prepareStatement(
                      "SELECT count(DISTINCT account_id), count(*) FILTER (WHERE profile_id = ?)"
                          + " FROM catalog.likes WHERE title_id = ?")) {
            s.setObject(1, profile);
            s.setObject(2, title);
            try (ResultSet r = s.executeQuery()) {
              r.next();
              return new LikeCount(title.toString(), r.getLong(1), r.getLong(2) > 0);
            }
          }
        });
  }

  /**
   * Serialises like and unlike of one account and title (two profiles of a family liking at once
   * would both see themselves as the account's first like); released at commit.
   */
  private static void lockAccountsLikes(Connection c, UUID account, UUID title)
      throws SQLException {
    try (PreparedStatement s = c.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
      s.setLong(
          1,
          account.getMostSignificantBits()
              ^ account.getLeastSignificantBits()
              ^ Long.rotateLeft(
                  title.getMostSignificantBits() ^ title.getLeastSignificantBits(), 1));
      s.executeQuery().close();
    }
  }

  private static long likesOfAccount(Connection c, UUID account, UUID title) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT count(*) FROM catalog.likes WHERE account_id = ? AND title_id = ?")) {
      s.setObject(1, account);
      s.setObject(2, title);
      try (ResultSet r = s.executeQuery()) {
        r.next();
        return r.getLong(1);
      }
    }
  }

  static void popularity(Connection c, UUID title, long delta) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "UPDATE catalog.titles SET popularity = greatest(0, popularity + ?) WHERE id = ?")) {
      s.setLong(1, delta);
      s.setObject(2, title);
      s.executeUpdate();
    }
  }
}
