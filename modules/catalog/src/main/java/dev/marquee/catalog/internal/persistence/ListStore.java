package dev.marquee.catalog.internal.persistence;

import dev.marquee.catalog.internal.domain.TitleList;
import dev.marquee.platform.api.PlainSql;
import dev.marquee.platform.api.ProblemException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

/**
 * The statements of a profile's lists ({@code catalog.lists}, {@code catalog.list_items}), each on
 * the caller's connection: the service decides what runs in one transaction.
 */
public final class ListStore {
  private ListStore() {}

  /** The ids of the profile's lists, oldest first. */
  public static List<UUID> idsOf(Connection c, UUID profile) throws SQLException {
    return PlainSql.query(
        c,
        "SELECT id FROM catalog.lists WHERE profile_id = ? ORDER BY created_at, id",
        r -> r.getObject(1, UUID.class),
        profile);
  }

  /** Serialises the changes to one profile's set of lists until the transaction ends. */
  public static void lockProfile(Connection c, UUID profile) throws SQLException {
    PlainSql.execute(c, "SELECT pg_advisory_xact_lock(hashtext(?::text))", profile);
  }

  public static long countOf(Connection c, UUID profile) throws SQLException {
    return PlainSql.queryOne(
            c,
            "SELECT count(*) FROM catalog.lists WHERE profile_id = ?",
            r -> r.getLong(1),
            profile)
        .orElseThrow();
  }

  /** Inserts a list; false if the profile already has one of that name. */
  public static boolean insert(Connection c, UUID id, UUID account, UUID profile, String name)
      throws SQLException {
    return PlainSql.update(
            c,
            "INSERT INTO catalog.lists (id, account_id, profile_id, name) VALUES (?,?,?,?)"
                + " ON CONFLICT (profile_id, name) DO NOTHING",
            id,
            account,
            profile,
            name)
        != 0;
  }

  /**
   * Renames a list unless another list of the profile has the name; the rows changed (0 when the
   * name is taken). A unique violation (a concurrent rename to the same name) reaches the caller.
   */
  public static int rename(Connection c, UUID profile, UUID list, String name) throws SQLException {
    return PlainSql.update(
        c,
        "UPDATE catalog.lists SET name = ?, updated_at = now() WHERE id = ?"
            + " AND NOT EXISTS (SELECT 1 FROM catalog.lists o WHERE o.profile_id = ?"
            + " AND o.name = ? AND o.id <> ?)",
        name,
        list,
        profile,
        name,
        list);
  }

  public static int delete(Connection c, UUID list) throws SQLException {
    return PlainSql.update(c, "DELETE FROM catalog.lists WHERE id = ?", list);
  }

  /** Appends a title unless the list holds {@code max} titles or has it; the rows added. */
  public static int append(Connection c, UUID list, UUID title, int max) throws SQLException {
    return PlainSql.update(
        c,
        "INSERT INTO catalog.list_items (list_id, title_id, position)"
            + " SELECT ?, ?, coalesce(max(position), 0) + 1 FROM catalog.list_items"
            + " WHERE list_id = ? HAVING count(*) < ?"
            + " ON CONFLICT (list_id, title_id) DO NOTHING",
        list,
        title,
        list,
        max);
  }

  public static boolean holds(Connection c, UUID list, UUID title) throws SQLException {
    return PlainSql.exists(
        c, "SELECT 1 FROM catalog.list_items WHERE list_id = ? AND title_id = ?", list, title);
  }

  public static int removeItem(Connection c, UUID list, UUID title) throws SQLException {
    return PlainSql.update(
        c, "DELETE FROM catalog.list_items WHERE list_id = ? AND title_id = ?", list, title);
  }

  /** Numbers the list's titles 1, 2, ... in this order, in one batch. */
  public static void reorder(Connection c, UUID list, List<UUID> order) throws SQLException {
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
  }

  /** Locks the list's row until the transaction ends. */
  public static void lock(Connection c, UUID list) throws SQLException {
    PlainSql.execute(c, "SELECT 1 FROM catalog.lists WHERE id = ? FOR UPDATE", list);
  }

  public static void touch(Connection c, UUID list) throws SQLException {
    PlainSql.update(c, "UPDATE catalog.lists SET updated_at = now() WHERE id = ?", list);
  }

  /** 404 {@code list-not-found} unless the list is the profile's. */
  public static void owned(Connection c, UUID profile, UUID list) throws SQLException {
    if (!PlainSql.exists(
        c, "SELECT 1 FROM catalog.lists WHERE id = ? AND profile_id = ?", list, profile)) {
      throw ProblemException.notFound("list-not-found", "No list " + list + " of this profile.");
    }
  }

  /** The list with its titles in order; 404 {@code list-not-found} if there is none. */
  public static TitleList read(Connection c, UUID list) throws SQLException {
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
