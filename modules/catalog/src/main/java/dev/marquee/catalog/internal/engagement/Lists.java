package dev.marquee.catalog.internal.engagement;

import dev.marquee.platform.api.ProblemException;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * A profile's own lists of titles: create, rename, delete, add, remove, reorder. Every public
 * method is one JTA transaction (a change takes its row locks and commits or rolls back whole).
 */
@ApplicationScoped
@Transactional
public class Lists {
  public static final int MAX_LISTS = 50;
  public static final int MAX_ITEMS = 500;

  @Resource(lookup = "jdbc/marquee")
  DataSource db;

  /** A list with its titles in order. */
  public record TitleList(
      String id, String name, List<String> titleIds, Instant createdAt, Instant updatedAt) {}

  public List<TitleList> ofProfile(UUID profile) {
    return Jdbc.call(
        "read lists",
        () -> {
          try (Connection c = db.getConnection();
              PreparedStatement s =
                  c.prepareStatement(
                      "SELECT id FROM catalog.lists WHERE profile_id = ? ORDER BY created_at, id")) {
            s.setObject(1, profile);
            List<TitleList> lists = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
              while (r.next()) {
                lists.add(read(c, r.getObject(1, UUID.class)));
              }
            }
            return lists;
          }
        });
  }

  public TitleList create(UUID account, UUID profile, String name) {
    return Jdbc.call(
        "create a list",
        () -> {
          try (Connection c = db.getConnection()) {
            try (PreparedStatement lock =
                c.prepareStatement("SELECT pg_advisory_xact_lock(hashtext(?::text))")) {
              lock.setObject(1, profile);
              lock.execute();
            }
            try (PreparedStatement count =
                c.prepareStatement("SELECT count(*) FROM catalog.lists WHERE profile_id = ?")) {
              count.setObject(1, profile);
              try (ResultSet r = count.executeQuery()) {
                r.next();
                if (r.getInt(1) >= MAX_LISTS) {
                  throw ProblemException.conflict(
                      "too-many-lists", "A profile may keep at most " + MAX_LISTS + " lists.");
                }
              }
            }
            UUID id = UUID.randomUUID();
            try (PreparedStatement s =
                c.prepareStatement(
                    "INSERT INTO catalog.lists (id, account_id, profile_id, name) VALUES (?,?,?,?)"
                        + " ON CONFLICT (profile_id, name) DO NOTHING")) {
              s.setObject(1, id);
              s.setObject(2, account);
              s.setObject(3, profile);
              s.setString(4, name);
              if (s.executeUpdate() == 0) {
                throw ProblemException.conflict(
                    "list-exists", "This profile already has a list named " + name + ".");
              }
            }
            return read(c, id);
          }
        });
  }

  public TitleList get(UUID profile, UUID list) {
    return Jdbc.call(
        "read a list",
        () -> {
          try (Connection c = db.getConnection()) {
            owned(c, profile, list);
            return read(c, list);
          }
        });
  }

  public TitleList rename(UUID profile, UUID list, String name) {
    return change(
        profile,
        list,
        c -> {
          try (PreparedStatement s =
              c.prepareStatement(
                  "UPDATE catalog.lists SET name = ?, updated_at = now() WHERE id = ?"
                      + " AND NOT EXISTS (SELECT 1 FROM catalog.lists o WHERE o.profile_id = ?"
                      + " AND o.name = ? AND o.id <> ?)")) {
            s.setString(1, name);
            s.setObject(2, list);
            s.setObject(3, profile);
            s.setString(4, name);
            s.setObject(5, list);
            try {
              if (s.executeUpdate() == 0) {
                throw ProblemException.conflict(
                    "list-exists", "This profile already has a list named " + name + ".");
              }
            } catch (SQLException e) {
              if ("23505".equals(e.getSQLState())) {
                // Another rename to the same name won the race.
                throw ProblemException.conflict(
                    "list-exists", "This profile already has a list named " + name + ".");
              }
              throw e;
            }
          }
        });
  }

  public void delete(UUID profile, UUID list) {
    Jdbc.call(
        "delete a list",
        () -> {
          try (Connection c = db.getConnection()) {
            owned(c, profile, list);
            try (PreparedStatement s =
                c.prepareStatement("DELETE FROM catalog.lists WHERE id = ?")) {
              s.setObject(1, list);
              s.executeUpdate();
            }
            return null;
          }
        });
  }

  /** Adds a title at the end (or keeps it where it is if already there). */
  public TitleList add(UUID profile, UUID list, UUID title) {
    return change(
        profile,
        list,
        c -> {
          TitleCheck.published(c, title);
          try (PreparedStatement s =
              c.prepareStatement(
                  "INSERT INTO catalog.list_items (list_id, title_id, position)"
                      + " SELECT ?, ?, coalesce(max(position), 0) + 1 FROM catalog.list_items"
                      + " WHERE list_id = ? HAVING count(*) < ?"
                      + " ON CONFLICT (list_id, title_id) DO NOTHING")) {
            s.setObject(1, list);
            s.setObject(2, title);
            s.setObject(3, list);
            s.setInt(4, MAX_ITEMS);
            if (s.executeUpdate() == 0 && !contains(c, list, title)) {
              throw ProblemException.conflict(
                  "list-full", "A list may hold at most " + MAX_ITEMS + " titles.");
            }
          }
        });
  }

  public TitleList remove(UUID profile, UUID list, UUID title) {
    return change(
        profile,
        list,
        c -> {
          try (PreparedStatement s =
              c.prepareStatement(
                  "DELETE FROM catalog.list_items WHERE list_id = ? AND title_id = ?")) {
            s.setObject(1, list);
            s.setObject(2, title);
            if (s.executeUpdate() == 0) {
              throw ProblemException.notFound(
                  "not-in-list", "Title " + title + " is not in this list.");
            }
          }
        });
  }

  /** Puts the list's titles in this order; it must name every title of the list exactly once. */
  public TitleList reorder(UUID profile, UUID list, List<UUID> order) {
    return change(
        profile,
        list,
        c -> {
          List<String> current = read(c, list).titleIds();
          List<String> wanted = order.stream().map(UUID::toString).toList();
          if (wanted.size() != current.size()
              || new HashSet<>(wanted).size() != wanted.size()
              || !new HashSet<>(wanted).equals(new HashSet<>(current))) {
            throw ProblemException.badRequest(
                "invalid-order", "titleIds must list every title of the list exactly once.");
          }
          try (PreparedStatement s =
              c.prepareStatement(
                  "UPDATE catalog.list_items SET position = ? WHERE list_id = ? AND title_id = ?")) {
            for (int i = 0; i < order.size(); i++) {
              s.setInt(1, i + 1);
              s.setObject(2, list);
              s.setObject(3, order.get(i));
              s.addBatch();
            }
            s.executeBatch();
          }
        });
  }

  private interface Change {
    void apply(Connection c) throws SQLException;
  }

  private TitleList change(UUID profile, UUID list, Change change) {
    return Jdbc.call(
        "change a list",
        () -> {
          try (Connection c = db.getConnection()) {
            try (PreparedStatement lock =
                c.prepareStatement("SELECT 1 FROM catalog.lists WHERE id = ? FOR UPDATE")) {
              lock.setObject(1, list);
              lock.executeQuery().close();
            }
            owned(c, profile, list);
            change.apply(c);
            try (PreparedStatement s =
                c.prepareStatement("UPDATE catalog.lists SET updated_at = now() WHERE id = ?")) {
              s.setObject(1, list);
              s.executeUpdate();
            }
            return read(c, list);
          }
        });
  }

  private static void owned(Connection c, UUID profile, UUID list) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement("SELECT 1 FROM catalog.lists WHERE id = ? AND profile_id = ?")) {
      s.setObject(1, list);
      s.setObject(2, profile);
      try (ResultSet r = s.executeQuery()) {
        if (!r.next()) {
          throw ProblemException.notFound(
              "list-not-found", "No list " + list + " of this profile.");
        }
      }
    }
  }

  private static boolean contains(Connection c, UUID list, UUID title) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement("SELECT 1 FROM catalog.list_items WHERE list_id = ? AND title_id = ?")) {
      s.setObject(1, list);
      s.setObject(2, title);
      try (ResultSet r = s.executeQuery()) {
        return r.next();
      }
    }
  }

  private static TitleList read(Connection c, UUID list) throws SQLException {
    String name;
    Instant created;
    Instant updated;
    try (PreparedStatement s =
        c.prepareStatement("SELECT name, created_at, updated_at FROM catalog.lists WHERE id = ?")) {
      s.setObject(1, list);
      try (ResultSet r = s.executeQuery()) {
        if (!r.next()) {
          throw ProblemException.notFound("list-not-found", "No list " + list + ".");
        }
        name = r.getString(1);
        created = r.getTimestamp(2).toInstant();
        updated = r.getTimestamp(3).toInstant();
      }
    }
    List<String> titles = new ArrayList<>();
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT title_id FROM catalog.list_items WHERE list_id = ? ORDER BY position, added_at")) {
      s.setObject(1, list);
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          titles.add(r.getObject(1).toString());
        }
      }
    }
    return new TitleList(list.toString(), name, titles, created, updated);
  }
}
