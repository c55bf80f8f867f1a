package dev.marquee.platform.api;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;

/**
 * Plain SQL on the caller's connection (and so its JTA transaction), for the few places a module
 * works with rows rather than entities: statements with positional parameters, and rows as JSON.
 *
 * <p>{@link #jsonRows}: rows of a query as a JSON array of objects, one member per selected column
 * (named by its label, so {@code SELECT created_at AS "createdAt"} names the member). What a module
 * writes into a viewer's data export: the query chooses the columns, so nothing is exported by
 * accident (a password hash, a token digest). Timestamps become ISO-8601 instants, UUIDs and dates
 * their text, SQL arrays JSON arrays, NULL a JSON null.
 */
public final class PlainSql {
  private PlainSql() {}

  /** Runs an insert, update or delete; returns the rows it changed. */
  public static int update(Connection c, String sql, Object... params) throws SQLException {
    try (PreparedStatement s = prepare(c, sql, params)) {
      return s.executeUpdate();
    }
  }

  /** Runs a query; each row becomes an object with a member per column label. */
  public static JsonArray jsonRows(Connection c, String sql, Object... params) throws SQLException {
    try (PreparedStatement s = prepare(c, sql, params)) {
      try (ResultSet r = s.executeQuery()) {
        ResultSetMetaData meta = r.getMetaData();
        JsonArrayBuilder rows = Json.createArrayBuilder();
        while (r.next()) {
          JsonObjectBuilder row = Json.createObjectBuilder();
          for (int col = 1; col <= meta.getColumnCount(); col++) {
            add(row, meta.getColumnLabel(col), r.getObject(col));
          }
          rows.add(row);
        }
        return rows.build();
      }
    }
  }

  private static PreparedStatement prepare(Connection c, String sql, Object... params)
      throws SQLException {
    PreparedStatement s = c.prepareStatement(sql);
    try {
      for (int i = 0; i < params.length; i++) {
        s.setObject(i + 1, params[i]);
      }
      return s;
    } catch (SQLException e) {
      s.close();
      throw e;
    }
  }

  private static void add(JsonObjectBuilder row, String name, Object value) throws SQLException {
    if (value == null) {
      row.addNull(name);
    } else if (value instanceof Boolean b) {
      row.add(name, b);
    } else if (value instanceof Integer || value instanceof Long || value instanceof Short) {
      row.add(name, ((Number) value).longValue());
    } else if (value instanceof BigDecimal d) {
      row.add(name, d);
    } else if (value instanceof Number n) {
      row.add(name, n.doubleValue());
    } else if (value instanceof Timestamp t) {
      row.add(name, t.toInstant().toString());
    } else if (value instanceof Date d) {
      row.add(name, d.toLocalDate().toString());
    } else if (value instanceof Array a) {
      JsonArrayBuilder items = Json.createArrayBuilder();
      for (Object item : (Object[]) a.getArray()) {
        items.add(item == null ? "" : item.toString());
      }
      row.add(name, items);
    } else if (value instanceof byte[]) {
      // Binary columns (digests, wrapped keys) are never personal data a viewer can read.
      row.add(name, "(binary)");
    } else {
      row.add(name, value.toString().strip());
    }
  }
}
