package dev.marquee.catalog.internal.persistence;

import dev.marquee.platform.api.PlainSql;
import java.sql.Connection;
import java.sql.SQLException;

/** Whether a category exists ({@code catalog.categories}), on the caller's connection. */
public final class CategoryQuery {
  private CategoryQuery() {}

  public static boolean exists(Connection c, String slug) throws SQLException {
    return PlainSql.exists(c, "SELECT 1 FROM catalog.categories WHERE slug = ?", slug);
  }
}
