package dev.marquee.catalog.internal.application;

import dev.marquee.catalog.internal.domain.AdminTitle;
import dev.marquee.catalog.internal.domain.TitleAuditEntry;
import dev.marquee.catalog.internal.domain.TitlePatch;
import dev.marquee.catalog.internal.persistence.AdminTitleStore;
import dev.marquee.catalog.internal.persistence.CategoryQuery;
import dev.marquee.catalog.internal.persistence.SeriesStore;
import dev.marquee.catalog.internal.persistence.TitleAuditStore;
import dev.marquee.platform.api.PlainSql;
import dev.marquee.platform.api.ProblemException;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Edits titles for admins: a patch applies only to the version the admin read (optimistic locking:
 * a stale version is a 412 and changes nothing), and every change is audited with who, when, the
 * new version and each field's old and new value, in the same transaction.
 */
@ApplicationScoped
public class TitleEditor {
  private static final Jsonb JSONB = JsonbBuilder.create();

  @Resource(lookup = "jdbc/marquee")
  DataSource db;

  @Inject Validator validator;

  public AdminTitle read(UUID id) {
    return PlainSql.call(db, "read a title", c -> AdminTitleStore.read(c, id));
  }

  @Transactional
  public AdminTitle edit(UUID id, long expected, JsonObject patch, UUID actor) {
    return PlainSql.call(
        db,
        "edit a title",
        c -> {
          AdminTitle before = AdminTitleStore.read(c, id);
          if (before.version() != expected) {
            throw stale(before.version());
          }
          AdminTitle after = TitlePatch.apply(before, patch, validator);
          check(c, after);
          Map<String, Object> changes = TitlePatch.diff(before, after);
          if (changes.isEmpty()) {
            return before;
          }
          try {
            if (!AdminTitleStore.write(c, after, expected)) {
              throw stale(AdminTitleStore.read(c, id).version());
            }
          } catch (SQLException e) {
            if ("23505".equals(e.getSQLState())) {
              throw ProblemException.conflict(
                  "episode-taken", "That series already has this season and episode number.");
            }
            throw e;
          }
          TitleAuditStore.insert(c, id, actor, expected + 1, JSONB.toJson(changes));
          return AdminTitleStore.read(c, id);
        });
  }

  public List<TitleAuditEntry> audit(UUID id) {
    return PlainSql.call(db, "read a title's audit", c -> TitleAuditStore.of(c, id));
  }

  private static void check(Connection c, AdminTitle t) throws SQLException {
    if (!CategoryQuery.exists(c, t.category())) {
      throw ProblemException.badRequest(
          "unknown-category", "There is no category " + t.category() + ".");
    }
    if (t.episode() != null && !SeriesStore.exists(c, UUID.fromString(t.episode().seriesId()))) {
      throw ProblemException.notFound(
          "series-not-found", "No series " + t.episode().seriesId() + ".");
    }
  }

  static ProblemException stale(long current) {
    return new ProblemException(
        412,
        "stale-version",
        "Precondition failed",
        "The title changed since it was read (it is at version "
            + current
            + " now): read it again and reapply the change.",
        Map.of("currentETag", "\"" + current + "\""));
  }
}
