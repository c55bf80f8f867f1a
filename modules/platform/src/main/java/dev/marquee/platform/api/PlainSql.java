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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Plain SQL, the one helper of every read model and hot path that works with rows rather than
 * entities: statements with positional parameters, rows mapped to records, and rows as JSON.
 *
 * <p>Every parameter is bound with {@link PreparedStatement#setObject(int, Object)}, which the
 * driver dispatches on the value's class (a {@link String} as setString, a {@link Long} as setLong,
 * a {@link Timestamp} as setTimestamp, a {@code byte[]} as setBytes, a UUID as a uuid, null as an
 * untyped null), so a statement binds what it passes. Instants go in as {@link #timestamp} values.
 *
 * <p>Two forms: on the caller's {@link Connection}, for the statements of one unit of work (they
 * throw {@link SQLException}); and on a {@link DataSource}, which takes a connection for the one
 * statement (the container enlists it in the caller's JTA transaction, if any) and turns an {@link
 * SQLException} into an {@link IllegalStateException} "could not WHAT: ..." that the platform
 * answers as a 500 with an incident id (or a 503 when the database is away).
 *
 * <p>{@link #jsonRows}: rows of a query as a JSON array of objects, one member per selected column
 * (named by its label, so {@code SELECT created_at AS "createdAt"} names the member). What a module
 * writes into a viewer's data export: the query chooses the columns, so nothing is exported by
 * accident (a password hash, a token digest). Timestamps become ISO-8601 instants, UUIDs and dates
 * their text, SQL arrays JSON arrays, NULL a JSON null.
 */
public final class PlainSql {
  private PlainSql() {}

  /** Reads the row the result set is on; the cursor is moved by the caller, never by the mapper. */
  @FunctionalInterface
  public interface RowMapper<T> {
    T map(ResultSet row) throws SQLException;
  }

  /** Takes in the row the result set is on, for {@link #forEach}; the caller moves the cursor. */
  @FunctionalInterface
  public interface RowReader {
    void read(ResultSet row) throws SQLException;
  }

  /** Work on one connection, for {@link #call}. */
  @FunctionalInterface
  public interface Work<T> {
    T run(Connection c) throws SQLException;
  }

  /**
   * Runs {@code work} on a connection of {@code db}, closed afterwards; an {@link SQLException}
   * becomes an {@link IllegalStateException} "could not {@code what}: ...".
   */
  public static <T> T call(DataSource db, String what, Work<T> work) {
    try (Connection c = db.getConnection()) {
      return work.run(c);
    } catch (SQLException e) {
      throw failed(what, e);
    }
  }

  /** {@link #update(Connection, String, Object...)} on a connection of its own. */
  public static int update(DataSource db, String what, String sql, Object... params) {
    return call(db, what, c -> update(c, sql, params));
  }

  /** {@link #query(Connection, String, RowMapper, Object...)} on a connection of its own. */
  public static <T> List<T> query(
      DataSource db, String what, String sql, RowMapper<T> mapper, Object... params) {
    return call(db, what, c -> query(c, sql, mapper, params));
  }

  /** {@link #queryOne(Connection, String, RowMapper, Object...)} on a connection of its own. */
  public static <T> Optional<T> queryOne(
      DataSource db, String what, String sql, RowMapper<T> mapper, Object... params) {
    return call(db, what, c -> queryOne(c, sql, mapper, params));
  }

  /**
   * Hands every row of a query to {@code reader}, on a connection of its own, without collecting
   * them (for reads that fold rows into a map or a count).
   */
  public static void forEach(
      DataSource db, String what, String sql, RowReader reader, Object... params) {
    try (Connection c = db.getConnection();
        PreparedStatement s = prepare(c, sql, params);
        ResultSet r = s.executeQuery()) {
      while (r.next()) {
        reader.read(r);
      }
    } catch (SQLException e) {
      throw failed(what, e);
    }
  }

  /** Every row of a query, mapped, in the query's order. */
  public static <T> List<T> query(Connection c, String sql, RowMapper<T> mapper, Object... params)
      throws SQLException {
    try (PreparedStatement s = prepare(c, sql, params);
        ResultSet r = s.executeQuery()) {
      List<T> rows = new ArrayList<>();
      while (r.next()) {
        rows.add(mapper.map(r));
      }
      return rows;
    }
  }

  /**
   * The first row of a query, mapped; empty when it has none (the rest are not read). The mapper
   * must not return null (map a nullable column to an {@link Optional} instead).
   */
  public static <T> Optional<T> queryOne(
      Connection c, String sql, RowMapper<T> mapper, Object... params) throws SQLException {
    try (PreparedStatement s = prepare(c, sql, params);
        ResultSet r = s.executeQuery()) {
      return r.next() ? Optional.of(mapper.map(r)) : Optional.empty();
    }
  }

  /** Whether a query returns a row. */
  public static boolean exists(Connection c, String sql, Object... params) throws SQLException {
    try (PreparedStatement s = prepare(c, sql, params);
        ResultSet r = s.executeQuery()) {
      return r.next();
    }
  }

  /**
   * Runs a statement whose rows are not read, such as {@code SELECT pg_advisory_xact_lock(?)} or
   * {@code SELECT ... FOR UPDATE} that only takes locks.
   */
  public static void execute(Connection c, String sql, Object... params) throws SQLException {
    try (PreparedStatement s = prepare(c, sql, params)) {
      s.executeQuery().close();
    }
  }

  /** The instant as a SQL timestamp; null stays null. */
  public static Timestamp timestamp(Instant i) {
    return i == null ? null : Timestamp.from(i);
  }

  /** The SQL timestamp as an instant; null stays null. */
  public static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }

  private static IllegalStateException failed(String what, SQLException e) {
    return new IllegalStateException("could not " + what + ": " + e.getMessage(), e);
  }

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
