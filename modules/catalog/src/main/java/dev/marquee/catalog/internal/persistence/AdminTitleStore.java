package dev.marquee.catalog.internal.persistence;

import dev.marquee.accounts.api.MaturityRating;
import dev.marquee.catalog.internal.domain.AdminTitle;
import dev.marquee.catalog.internal.domain.Ratings;
import dev.marquee.platform.api.ProblemException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;

/** Reads and writes {@link AdminTitle}s (JDBC; the version column is the optimistic lock). */
public final class AdminTitleStore {
  private AdminTitleStore() {}

  public static AdminTitle read(Connection c, UUID id) throws SQLException {
    AdminTitle t;
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT id, version, state, name, synopsis, language, category, maturity_rating,"
                + " release_year, regions, available_from, available_until, offline_allowed,"
                + " rent_price_cents, buy_price_cents, currency, audio_languages,"
                + " subtitle_languages, series_id, season_number, episode_number, poster_key,"
                + " backdrop_key, duration_ms FROM catalog.titles WHERE id = ?")) {
      s.setObject(1, id);
      try (ResultSet r = s.executeQuery()) {
        if (!r.next()) {
          throw ProblemException.notFound("title-not-found", "No title " + id + ".");
        }
        Timestamp until = r.getTimestamp("available_until");
        Object series = r.getObject("series_id");
        t =
            new AdminTitle(
                r.getObject("id").toString(),
                r.getLong("version"),
                r.getString("state"),
                r.getString("name"),
                r.getString("synopsis"),
                r.getString("language"),
                r.getString("category"),
                Ratings.label(r.getString("maturity_rating")),
                r.getInt("release_year"),
                new AdminTitle.Licence(
                    Arrays.asList(r.getString("regions").split(" ")),
                    r.getTimestamp("available_from").toInstant(),
                    until == null ? null : until.toInstant(),
                    r.getBoolean("offline_allowed")),
                new AdminTitle.Prices(
                    (Integer) r.getObject("rent_price_cents"),
                    (Integer) r.getObject("buy_price_cents"),
                    r.getString("currency")),
                split(r.getString("audio_languages")),
                split(r.getString("subtitle_languages")),
                List.of(),
                series == null
                    ? null
                    : new AdminTitle.Episode(
                        series.toString(), r.getInt("season_number"), r.getInt("episode_number")),
                r.getString("poster_key"),
                r.getString("backdrop_key"),
                (Long) r.getObject("duration_ms"));
      }
    }
    List<AdminTitle.Credit> credits = new ArrayList<>();
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT person, role, character FROM catalog.credits WHERE title_id = ?"
                + " ORDER BY position")) {
      s.setObject(1, id);
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          credits.add(new AdminTitle.Credit(r.getString(1), r.getString(2), r.getString(3)));
        }
      }
    }
    return withCredits(t, credits);
  }

  public static AdminTitle withCredits(AdminTitle t, List<AdminTitle.Credit> credits) {
    return new AdminTitle(
        t.id(),
        t.version(),
        t.state(),
        t.name(),
        t.synopsis(),
        t.language(),
        t.category(),
        t.maturityRating(),
        t.releaseYear(),
        t.licence(),
        t.prices(),
        t.audioLanguages(),
        t.subtitleLanguages(),
        List.copyOf(credits),
        t.episode(),
        t.posterKey(),
        t.backdropKey(),
        t.durationMillis());
  }

  /** Writes every editable field if the stored version is still {@code expected}; false if not. */
  public static boolean write(Connection c, AdminTitle t, long expected) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "UPDATE catalog.titles SET version = version + 1, state = ?, name = ?, synopsis = ?,"
                + " language = ?, category = ?, maturity_rating = ?, release_year = ?, regions = ?,"
                + " available_from = ?, available_until = ?, offline_allowed = ?,"
                + " rent_price_cents = ?, buy_price_cents = ?, currency = ?, audio_languages = ?,"
                + " subtitle_languages = ?, series_id = ?, season_number = ?, episode_number = ?,"
                + " poster_key = ?, backdrop_key = ? WHERE id = ? AND version = ?")) {
      int i = 1;
      s.setString(i++, t.state());
      s.setString(i++, t.name());
      s.setString(i++, t.synopsis());
      s.setString(i++, t.language());
      s.setString(i++, t.category());
      s.setString(i++, MaturityRating.fromLabel(t.maturityRating()).orElseThrow().name());
      s.setInt(i++, t.releaseYear());
      s.setString(i++, String.join(" ", new TreeSet<>(t.licence().regions())));
      s.setTimestamp(i++, Timestamp.from(t.licence().availableFrom()));
      s.setTimestamp(
          i++,
          t.licence().availableUntil() == null
              ? null
              : Timestamp.from(t.licence().availableUntil()));
      s.setBoolean(i++, t.licence().offlineAllowed());
      s.setObject(i++, t.prices().rentCents(), Types.INTEGER);
      s.setObject(i++, t.prices().buyCents(), Types.INTEGER);
      s.setString(i++, t.prices().currency());
      s.setString(i++, String.join(" ", t.audioLanguages()));
      s.setString(i++, String.join(" ", t.subtitleLanguages()));
      s.setObject(i++, t.episode() == null ? null : UUID.fromString(t.episode().seriesId()));
      s.setObject(i++, t.episode() == null ? null : t.episode().season(), Types.INTEGER);
      s.setObject(i++, t.episode() == null ? null : t.episode().episode(), Types.INTEGER);
      s.setString(i++, t.posterKey());
      s.setString(i++, t.backdropKey());
      s.setObject(i++, UUID.fromString(t.id()));
      s.setLong(i, expected);
      if (s.executeUpdate() == 0) {
        return false;
      }
    }
    try (PreparedStatement s =
        c.prepareStatement("DELETE FROM catalog.credits WHERE title_id = ?")) {
      s.setObject(1, UUID.fromString(t.id()));
      s.executeUpdate();
    }
    try (PreparedStatement s =
        c.prepareStatement(
            "INSERT INTO catalog.credits (title_id, position, person, role, character)"
                + " VALUES (?,?,?,?,?)")) {
      int position = 1;
      for (AdminTitle.Credit credit : t.credits()) {
        s.setObject(1, UUID.fromString(t.id()));
        s.setInt(2, position++);
        s.setString(3, credit.person());
        s.setString(4, credit.role());
        s.setString(5, credit.character());
        s.addBatch();
      }
      s.executeBatch();
    }
    return true;
  }

  public static List<String> split(String joined) {
    return joined == null || joined.isBlank() ? List.of() : List.of(joined.strip().split(" "));
  }
}
