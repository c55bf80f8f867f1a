package dev.marquee.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * A generated catalog with realistic metadata (seeded, so every run has the same titles): names of
 * two to four words from a vocabulary, categories, languages, ratings, years, durations, regions,
 * popularity, and a cast for one title in ten. Written with batched JDBC inserts.
 */
final class CatalogGenerator {
  static final List<String> WORDS =
      List.of(
          "silent",
          "harbour",
          "midnight",
          "express",
          "glass",
          "river",
          "winter",
          "garden",
          "shadow",
          "empire",
          "lighthouse",
          "forest",
          "desert",
          "crown",
          "storm",
          "letter",
          "station",
          "island",
          "mirror",
          "paper",
          "golden",
          "broken",
          "hidden",
          "northern",
          "last",
          "first",
          "secret",
          "ocean",
          "mountain",
          "city",
          "night",
          "summer",
          "dragon",
          "queen",
          "king",
          "soldier",
          "doctor",
          "detective",
          "train",
          "journey",
          "house",
          "room",
          "window",
          "garden",
          "wolf",
          "raven",
          "fire",
          "ice",
          "stone",
          "iron",
          "silver",
          "velvet",
          "echo",
          "signal",
          "orbit",
          "galaxy",
          "planet",
          "machine",
          "ghost",
          "witness",
          "verdict",
          "border",
          "frontier",
          "harvest",
          "voyage",
          "legacy",
          "promise",
          "memory",
          "dream",
          "circus",
          "carnival",
          "kingdom",
          "valley",
          "canyon",
          "tide",
          "moon",
          "sun",
          "star",
          "comet",
          "horizon",
          "bridge",
          "tower",
          "castle",
          "village",
          "market",
          "orchard",
          "meadow",
          "thunder",
          "lantern",
          "compass");
  static final List<String> CATEGORIES =
      List.of(
          "action",
          "animation",
          "comedy",
          "documentary",
          "drama",
          "family",
          "horror",
          "kids",
          "music",
          "romance",
          "sci-fi",
          "sport",
          "thriller");
  static final List<String> LANGUAGES = List.of("en", "fr", "de", "es", "it", "ja", "ko", "pt");
  static final List<String> RATINGS = List.of("ALL", "AGE_7", "AGE_13", "AGE_16", "AGE_18");
  static final List<String> REGIONS = List.of("WORLD", "WORLD", "WORLD", "GB IE", "US CA", "FR BE");
  static final List<String> PEOPLE =
      List.of(
          "Ada Lovelace",
          "Grace Hopper",
          "Alan Turing",
          "Katherine Johnson",
          "Hedy Lamarr",
          "Margaret Hamilton",
          "Edsger Dijkstra",
          "Barbara Liskov",
          "Donald Knuth",
          "Frances Allen");

  private CatalogGenerator() {}

  static String name(Random random) {
    int words = 2 + random.nextInt(3);
    StringBuilder name = new StringBuilder(random.nextInt(4) == 0 ? "The" : "");
    for (int i = 0; i < words; i++) {
      String w = WORDS.get(random.nextInt(WORDS.size()));
      if (name.length() > 0) {
        name.append(' ');
      }
      name.append(Character.toUpperCase(w.charAt(0))).append(w.substring(1));
    }
    return name.toString();
  }

  /** Inserts {@code count} published titles (and their cast), committing every thousand. */
  static void insert(Connection c, int count, long seed) throws SQLException {
    Random random = new Random(seed);
    UUID owner = new UUID(seed, seed);
    Instant base = Instant.parse("2020-01-01T00:00:00Z");
    c.setAutoCommit(false);
    try (PreparedStatement t =
            c.prepareStatement(
                "INSERT INTO catalog.titles (id, owner_id, name, synopsis, language, category,"
                    + " maturity_rating, release_year, regions, available_from, offline_allowed,"
                    + " state, duration_ms, created_at, popularity)"
                    + " VALUES (?,?,?,?,?,?,?,?,?,?,?, 'PUBLISHED', ?,?,?)");
        PreparedStatement credit =
            c.prepareStatement(
                "INSERT INTO catalog.credits (title_id, position, person, role) VALUES (?,?,?,?)")) {
      for (int i = 0; i < count; i++) {
        UUID id = new UUID(seed ^ 0x5EEDL, i);
        t.setObject(1, id);
        t.setObject(2, owner);
        t.setString(3, name(random));
        t.setString(4, "A generated title for the search benchmark.");
        t.setString(5, LANGUAGES.get(random.nextInt(LANGUAGES.size())));
        t.setString(6, CATEGORIES.get(random.nextInt(CATEGORIES.size())));
        t.setString(7, RATINGS.get(random.nextInt(RATINGS.size())));
        t.setInt(8, 1950 + random.nextInt(76));
        t.setString(9, REGIONS.get(random.nextInt(REGIONS.size())));
        t.setTimestamp(10, Timestamp.from(base));
        t.setBoolean(11, random.nextBoolean());
        t.setLong(12, (20 + random.nextInt(160)) * 60_000L);
        t.setTimestamp(13, Timestamp.from(base.plusSeconds(i * 60L)));
        t.setLong(14, (long) Math.floor(Math.pow(random.nextDouble(), 3) * 10_000));
        t.addBatch();
        if (i % 10 == 0) {
          credit.setObject(1, id);
          credit.setInt(2, 1);
          credit.setString(3, PEOPLE.get(random.nextInt(PEOPLE.size())));
          credit.setString(4, "ACTOR");
          credit.addBatch();
        }
        if (i % 1000 == 999) {
          t.executeBatch();
          credit.executeBatch();
          c.commit();
        }
      }
      t.executeBatch();
      credit.executeBatch();
      c.commit();
    } finally {
      c.setAutoCommit(true);
    }
  }
}
