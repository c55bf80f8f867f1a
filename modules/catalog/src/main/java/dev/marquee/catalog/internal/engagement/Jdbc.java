package dev.marquee.catalog.internal.engagement;

import java.sql.SQLException;

/** A JDBC step of the engagement stores; SQL failures surface as 500s with an incident id. */
@FunctionalInterface
interface Jdbc<T> {
  T run() throws SQLException;

  static <T> T call(String what, Jdbc<T> step) {
    try {
      return step.run();
    } catch (SQLException e) {
      throw new IllegalStateException("could not " + what + ": " + e.getMessage(), e);
    }
  }
}
