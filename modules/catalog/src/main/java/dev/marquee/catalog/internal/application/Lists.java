package dev.marquee.catalog.internal.application;

import dev.marquee.catalog.internal.persistence.TitleCheck;
import dev.marquee.platform.api.PlainSql;
import dev.marquee.platform.api.ProblemException;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
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
    return PlainSql.call(
        db,
        "read lists",
        c -> {
          List<UUID> ids =
              PlainSql.query(
                  c,
                  "SELECT id FROM catalog.lists WHERE profile_id = ? ORDER BY created_at, id",
                  r -> r.getObject(1, UUID.class),
                  profile);
          List<TitleList> lists = new ArrayList<>();
          for (UUID id : ids) {
            lists.add(read(c, id));
          }
          return lists;
        });
  }

  public TitleList create(UUID account, UUID profile, String name) {
    return PlainSql.call(
        db,
        "create a list",
        c -> {
          PlainSql.execute(c, "SELECT pg_advisory_xact_lock(hashtext(?::text))", profile);
          long count =
              PlainSql.queryOne(
                      c,
                      "SELECT count(*) FROM catalog.lists WHERE profile_id = ?",
                      r -> r.getLong(1),
                      profile)
                  .orElseThrow();
          if (count >= MAX_LISTS) {
            throw ProblemException.conflict(
                "too-many-lists", "A profile may keep at most " + MAX_LISTS + " lists.");
          }
          UUID id = UUID.randomUUID();
          if (PlainSql.update(
                  c,
                  "INSERT INTO catalog.lists (id, account_id, profile_id, name) VALUES (?,?,?,?)"
                      + " ON CONFLICT (profile_id, name) DO NOTHING",
                  id,
                  account,
                  profile,
                  name)
              == 0) {
            throw ProblemException.conflict(
                "list-exists", "This profile already has a list named " + name + ".");
          }
          return read(c, id);
        });
  }

  public TitleList get(UUID profile, UUID list) {
    return PlainSql.call(
        db,
        "read a list",
        c -> {
          owned(c, profile, list);
          return read(c, list);
        });
  }

  public TitleList rename(UUID profile, UUID list, String name) {
    return change(
        profile,
        list,
        c -> {
          int renamed;
          try {
            renamed =
                PlainSql.update(
                    c,
                    "UPDATE catalog.lists SET name = ?, updated_at = now() WHERE id = ?"
                        + " AND NOT EXISTS (SELECT 1 FROM catalog.lists o WHERE o.profile_id = ?"
                        + " AND o.name = ? AND o.id <> ?)",
                    name,
                    list,
                    profile,
                    name,
                    list);
          } catch (SQLException e) {
            if (!"23505".equals(e.getSQLState())) {
              throw e;
            }
            renamed = 0; // Another rename to the same name won the race.
          }
          if (renamed == 0) {
            throw ProblemException.conflict(
                "list-exists", "This profile already has a list named " + name + ".");
          }
        });
  }

  public void delete(UUID profile, UUID list) {
    PlainSql.call(
        db,
        "delete a list",
        c -> {
          owned(c, profile, list);
          return PlainSql.update(c, "DELETE FROM catalog.lists WHERE id = ?", list);
        });
  }

  /** Adds a title at the end (or keeps it where it is if already there). */
  public TitleList add(UUID profile, UUID list, UUID title) {
    return change(
        profile,
        list,
        c -> {
          TitleCheck.published(c, title);
          int added =
              PlainSql.update(
                  c,
                  "INSERT INTO catalog.list_items (list_id, title_id, position)"
                      + " SELECT ?, ?, coalesce(max(position), 0) + 1 FROM catalog.list_items"
                      + " WHERE list_id = ? HAVING count(*) < ?"
                      + " ON CONFLICT (list_id, title_id) DO NOTHING",
                  list,
                  title,
                  list,
                  MAX_ITEMS);
          if (added == 0
              && !PlainSql.exists(
                  c,
                  "SELECT 1 FROM catalog.list_items WHERE list_id = ? AND title_id = ?",
                  list,
                  title)) {
            throw ProblemException.conflict(
                "list-full", "A list may hold at most " + MAX_ITEMS + " titles.");
          }
        });
  }

  public TitleList remove(UUID profile, UUID list, UUID title) {
    return change(
        profile,
        list,
        c -> {
          if (PlainSql.update(
                  c,
                  "DELETE FROM catalog.list_items WHERE list_id = ? AND title_id = ?",
                  list,
                  title)
              == 0) {
            throw ProblemException.notFound(
                "not-in-list", "Title " + title + " is not in this list.");
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
    return PlainSql.call(
        db,
        "change a list",
        c -> {
          PlainSql.execute(c, "SELECT 1 FROM catalog.lists WHERE id = ? FOR UPDATE", list);
          owned(c, profile, list);
          change.apply(c);
          PlainSql.update(c, "UPDATE catalog.lists SET updated_at = now() WHERE id = ?", list);
          return read(c, list);
        });
  }

  private static void owned(Connection c, UUID profile, UUID list) throws SQLException {
    if (!PlainSql.exists(
        c, "SELECT 1 FROM catalog.lists WHERE id = ? AND profile_id = ?", list, profile)) {
      throw ProblemException.notFound("list-not-found", "No list " + list + " of this profile.");
    }
  }

  private static TitleList read(Connection c, UUID list) throws SQLException {
    TitleList head =
        PlainSql.queryOne(
                c,
                "SELECT name, created_at, updated_at FROM catalog.lists WHERE id = ?",
                r ->
                    new TitleList(
                        list.toString(),
                        r.getString(1),
                        List.of(),
                        r.getTimestamp(2).toInstant(),
                        r.getTimestamp(3).toInstant()),
                list)
            .orElseThrow(
                () -> ProblemException.notFound("list-not-found", "No list " + list + "."));
    List<String> titles =
        PlainSql.query(
            c,
            "SELECT title_id FROM catalog.list_items WHERE list_id = ? ORDER BY position, added_at",
            r -> r.getObject(1).toString(),
            list);
    return new TitleList(head.id(), head.name(), titles, head.createdAt(), head.updatedAt());
  }
}
