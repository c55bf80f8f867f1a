package dev.marquee.catalog.internal.persistence;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/** Reads titles from the catalog table as search documents (what the OpenSearch index holds). */
public final class SearchDocumentQuery {
  private static final JsonProvider JSON = JsonProvider.provider();
  private static final String SELECT =
      "SELECT id, name, synopsis, category, language, maturity_rating, release_year, duration_ms,"
          + " regions, available_from, available_until, offline_allowed, popularity, created_at,"
          + " state, (SELECT coalesce(array_agg(lower(c.person) ORDER BY c.position), '{}')"
          + " FROM catalog.credits c WHERE c.title_id = catalog.titles.id) AS cast_members"
          + " FROM catalog.titles";

  private SearchDocumentQuery() {}

  /** The current documents of these titles by id; absent ids are titles that no longer exist. */
  public static Map<UUID, JsonObject> of(Connection c, Collection<UUID> ids) throws SQLException {
    Map<UUID, JsonObject> docs = new LinkedHashMap<>();
    try (PreparedStatement s = c.prepareStatement(SELECT + " WHERE id = ANY (?)")) {
      s.setArray(1, c.createArrayOf("uuid", ids.toArray()));
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          docs.put(r.getObject("id", UUID.class), document(r));
        }
      }
    }
    return docs;
  }

  /**
   * Every published title, in batches (for a rebuild). The caller runs this in a JTA transaction
   * (Liberty's connection wrapper reports auto-commit even then, so it cannot be checked here): the
   * driver then reads through a cursor, {@code batch} rows at a time, not the whole table at once.
   */
  public static void published(Connection c, int batch, Consumer<List<JsonObject>> sink)
      throws SQLException {
    try (PreparedStatement s = c.prepareStatement(SELECT + " WHERE state = 'PUBLISHED'")) {
      s.setFetchSize(batch);
      try (ResultSet r = s.executeQuery()) {
        List<JsonObject> docs = new ArrayList<>(batch);
        while (r.next()) {
          docs.add(document(r));
          if (docs.size() == batch) {
            sink.accept(docs);
            docs = new ArrayList<>(batch);
          }
        }
        if (!docs.isEmpty()) {
          sink.accept(docs);
        }
      }
    }
  }

  static JsonObject document(ResultSet r) throws SQLException {
    JsonObjectBuilder d = JSON.createObjectBuilder();
    d.add("id", r.getObject("id").toString());
    d.add("name", r.getString("name"));
    d.add("nameLength", r.getString("name").length());
    d.add("synopsis", r.getString("synopsis"));
    d.add("category", r.getString("category"));
    d.add("language", r.getString("language"));
    d.add("maturity", r.getString("maturity_rating"));
    int year = r.getInt("release_year");
    d.add("year", year);
    d.add("decade", (year / 10 * 10) + "s");
    Number duration = (Number) r.getObject("duration_ms");
    if (duration != null) {
      d.add("durationMs", duration.longValue());
    }
    JsonArrayBuilder regions = JSON.createArrayBuilder();
    for (String region : r.getString("regions").split(" ")) {
      regions.add(region);
    }
    d.add("regions", regions);
    d.add("availableFrom", instant(r.getTimestamp("available_from")));
    Timestamp until = r.getTimestamp("available_until");
    if (until != null) {
      d.add("availableUntil", instant(until));
    }
    d.add("offlineAllowed", r.getBoolean("offline_allowed"));
    d.add("popularity", r.getLong("popularity"));
    d.add("createdAt", instant(r.getTimestamp("created_at")));
    d.add("state", r.getString("state"));
    JsonArrayBuilder cast = JSON.createArrayBuilder();
    for (Object person : (Object[]) r.getArray("cast_members").getArray()) {
      cast.add(person.toString());
    }
    d.add("cast", cast);
    return d.build();
  }

  private static String instant(Timestamp t) {
    return DateTimeFormatter.ISO_INSTANT.format(t.toInstant());
  }
}
