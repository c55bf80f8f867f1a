package dev.marquee.catalog.internal.persistence;

import dev.marquee.catalog.internal.domain.ArtworkKind;
import dev.marquee.platform.api.PlainSql;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;

/**
 * The statements of a title's artwork keys ({@code catalog.titles}), on the caller's connection.
 */
public final class ArtworkStore {
  private ArtworkStore() {}

  private static String column(ArtworkKind kind) {
    return switch (kind) {
      case POSTER -> "poster_key";
      case BACKDROP -> "backdrop_key";
    };
  }

  /** Points the title's poster or backdrop at {@code key}; returns the title's new version. */
  public static long place(Connection c, UUID title, ArtworkKind kind, String key)
      throws SQLException {
    return PlainSql.queryOne(
            c,
            "UPDATE catalog.titles SET "
                + column(kind)
                + " = ?, version = version + 1 WHERE id = ? RETURNING version",
            r -> r.getLong(1),
            key,
            title)
        .orElseThrow();
  }

  /**
   * The key of a published title's poster or backdrop, else of its still: empty if there is no such
   * published title, an empty key if it has no picture at all.
   */
  public static Optional<Optional<String>> imageKey(Connection c, UUID title, ArtworkKind kind)
      throws SQLException {
    return PlainSql.queryOne(
        c,
        "SELECT coalesce("
            + column(kind)
            + ", still_key) FROM catalog.titles WHERE id = ? AND state = 'PUBLISHED'",
        r -> Optional.ofNullable(r.getString(1)),
        title);
  }

  /** Records the still grabbed at ingest. */
  public static void still(Connection c, UUID title, String key) throws SQLException {
    PlainSql.update(c, "UPDATE catalog.titles SET still_key = ? WHERE id = ?", key, title);
  }
}
