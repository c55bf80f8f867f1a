package dev.marquee.catalog.internal.persistence;

import dev.marquee.platform.api.PlainSql;
import dev.marquee.platform.api.ProblemException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;

/** Viewers engage only with titles that exist and are published. */
public final class TitleCheck {
  private TitleCheck() {}

  public static void published(Connection c, UUID title) throws SQLException {
    if (!PlainSql.exists(
        c, "SELECT 1 FROM catalog.titles WHERE id = ? AND state = 'PUBLISHED'", title)) {
      throw ProblemException.notFound("title-not-found", "No published title " + title + ".");
    }
  }
}
