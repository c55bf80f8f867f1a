package dev.marquee.catalog.internal.application;

import static dev.marquee.catalog.internal.domain.TitleList.MAX_ITEMS;
import static dev.marquee.catalog.internal.domain.TitleList.MAX_LISTS;

import dev.marquee.catalog.internal.domain.TitleList;
import dev.marquee.catalog.internal.persistence.ListStore;
import dev.marquee.catalog.internal.persistence.TitleCheck;
import dev.marquee.platform.api.PlainSql;
import dev.marquee.platform.api.ProblemException;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * A profile's own lists of titles: create, rename, delete, add, remove, reorder. Every public
 * method is one JTA transaction (a change takes its row locks and commits or rolls back whole); the
 * statements are {@link ListStore}'s, on the one connection each method opens.
 */
@ApplicationScoped
@Transactional
public class Lists {
  @Resource(lookup = "jdbc/marquee")
  DataSource db;

  public List<TitleList> ofProfile(UUID profile) {
    return PlainSql.call(
        db,
        "read lists",
        c -> {
          List<TitleList> lists = new ArrayList<>();
          for (UUID id : ListStore.idsOf(c, profile)) {
            lists.add(ListStore.read(c, id));
          }
          return lists;
        });
  }

  public TitleList create(UUID account, UUID profile, String name) {
    return PlainSql.call(
        db,
        "create a list",
        c -> {
          ListStore.lockProfile(c, profile);
          if (ListStore.countOf(c, profile) >= MAX_LISTS) {
            throw ProblemException.conflict(
                "too-many-lists", "A profile may keep at most " + MAX_LISTS + " lists.");
          }
          UUID id = UUID.randomUUID();
          if (!ListStore.insert(c, id, account, profile, name)) {
            throw ProblemException.conflict(
                "list-exists", "This profile already has a list named " + name + ".");
          }
          return ListStore.read(c, id);
        });
  }

  public TitleList get(UUID profile, UUID list) {
    return PlainSql.call(
        db,
        "read a list",
        c -> {
          ListStore.owned(c, profile, list);
          return ListStore.read(c, list);
        });
  }

  public TitleList rename(UUID profile, UUID list, String name) {
    return change(
        profile,
        list,
        c -> {
          int renamed;
          try {
            renamed = ListStore.rename(c, profile, list, name);
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
          ListStore.owned(c, profile, list);
          return ListStore.delete(c, list);
        });
  }

  /** Adds a title at the end (or keeps it where it is if already there). */
  public TitleList add(UUID profile, UUID list, UUID title) {
    return change(
        profile,
        list,
        c -> {
          TitleCheck.published(c, title);
          int added = ListStore.append(c, list, title, MAX_ITEMS);
          if (added == 0 && !ListStore.holds(c, list, title)) {
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
          if (ListStore.removeItem(c, list, title) == 0) {
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
          List<String> current = ListStore.read(c, list).titleIds();
          List<String> wanted = order.stream().map(UUID::toString).toList();
          if (wanted.size() != current.size()
              || new HashSet<>(wanted).size() != wanted.size()
              || !new HashSet<>(wanted).equals(new HashSet<>(current))) {
            throw ProblemException.badRequest(
                "invalid-order", "titleIds must list every title of the list exactly once.");
          }
          ListStore.reorder(c, list, order);
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
          ListStore.lock(c, list);
          ListStore.owned(c, profile, list);
          change.apply(c);
          ListStore.touch(c, list);
          return ListStore.read(c, list);
        });
  }
}
