package dev.marquee.catalog.internal.persistence;

import dev.marquee.catalog.internal.domain.LikeCount;
import dev.marquee.catalog.internal.domain.ReactionKind;
import dev.marquee.platform.api.PlainSql;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

/**
 * The statements of favourites and likes ({@code catalog.favourites}, {@code catalog.likes}) and of
 * the popularity likes move, each on the caller's connection.
 */
public final class ReactionStore {
  private ReactionStore() {}

  private static String table(ReactionKind kind) {
    return switch (kind) {
      case FAVOURITE -> "catalog.favourites";
      case LIKE -> "catalog.likes";
    };
  }

  /** Stores the reaction; true if it is new. */
  public static boolean insert(
      Connection c, ReactionKind kind, UUID profile, UUID title, UUID account) throws SQLException {
    return PlainSql.update(
            c,
            "INSERT INTO "
                + table(kind)
                + " (profile_id, title_id, account_id) VALUES (?,?,?)"
                + " ON CONFLICT DO NOTHING",
            profile,
            title,
            account)
        == 1;
  }

  /** Removes the reaction; true if there was one. */
  public static boolean delete(Connection c, ReactionKind kind, UUID profile, UUID title)
      throws SQLException {
    return PlainSql.update(
            c,
            "DELETE FROM " + table(kind) + " WHERE profile_id = ? AND title_id = ?",
            profile,
            title)
        == 1;
  }

  /** The profile's reactions of this kind, newest first. */
  public static List<String> ofProfile(Connection c, ReactionKind kind, UUID profile)
      throws SQLException {
    return PlainSql.query(
        c,
        "SELECT title_id FROM "
            + table(kind)
            + " WHERE profile_id = ? ORDER BY created_at DESC, title_id",
        r -> r.getObject(1).toString(),
        profile);
  }

  public static LikeCount likes(Connection c, UUID title, UUID profile) throws SQLException {
    return PlainSql.queryOne(
            c,
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
  public static void lockAccountsLikes(Connection c, UUID account, UUID title) throws SQLException {
    PlainSql.execute(
        c,
        "SELECT pg_advisory_xact_lock(?)",
        account.getMostSignificantBits()
            ^ account.getLeastSignificantBits()
            ^ Long.rotateLeft(title.getMostSignificantBits() ^ title.getLeastSignificantBits(), 1));
  }

  public static long likesOfAccount(Connection c, UUID account, UUID title) throws SQLException {
    return PlainSql.queryOne(
            c,
            "SELECT count(*) FROM catalog.likes WHERE account_id = ? AND title_id = ?",
            r -> r.getLong(1),
            account,
            title)
        .orElseThrow();
  }

  /** Moves the title's popularity (search's popularity sort) by {@code delta}, never below 0. */
  public static void popularity(Connection c, UUID title, long delta) throws SQLException {
    PlainSql.update(
        c,
        "UPDATE catalog.titles SET popularity = greatest(0, popularity + ?) WHERE id = ?",
        delta,
        title);
  }
}
