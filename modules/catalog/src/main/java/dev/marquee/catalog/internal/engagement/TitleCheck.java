package dev.marquee.catalog.internal.engagement;

import dev.marquee.platform.api.ProblemException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

/** Viewers engage only with titles that exist and are published. */
final class TitleCheck {
  private TitleCheck() {}

  static void published(Connection c, UUID title) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement("SELECT 1 FROM catalog.titles WHERE id = ? AND state = 'PUBLISHED'")) {
      s.setObject(1, title);
      try (ResultSet r = s.executeQuery()) {
        if (!r.next()) {
          throw ProblemException.notFound("title-not-found", "No published title " + title + ".");
        }
      }
    }
  }
}
