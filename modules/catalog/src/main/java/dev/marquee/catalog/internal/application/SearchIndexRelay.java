package dev.marquee.catalog.internal.application;

import dev.marquee.catalog.internal.persistence.SearchDocumentQuery;
import dev.marquee.catalog.internal.persistence.SearchOutboxStore;
import dev.marquee.catalog.internal.search.OpenSearchIndex;
import dev.marquee.platform.api.PlainSql;
import dev.marquee.platform.api.Transactions;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Drains the catalog's search outbox every second on every server (rows are claimed with FOR UPDATE
 * SKIP LOCKED, so servers share the work): with OpenSearch, the claimed titles are read and written
 * to the index, and the rows are deleted in the same transaction only after OpenSearch confirmed;
 * if it does not answer, the transaction rolls back and the rows wait for the next try. With the
 * PostgreSQL adapter the table is the index, and the rows are simply dropped.
 */
@ApplicationScoped
public class SearchIndexRelay {
  private static final Logger LOG = Logger.getLogger(SearchIndexRelay.class.getName());
  static final int BATCH = 500;

  @Resource(lookup = "jdbc/marquee")
  DataSource db;

  @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
  ManagedScheduledExecutorService scheduler;

  @Inject SearchEngines engines;
  @Inject Transactions transactions;

  /** A batch that takes longer (OpenSearch stalling) is rolled back; its rows wait. */
  static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(60);

  /** A rebuild reads every published title through one cursor, in one transaction. */
  static final Duration REBUILD_TIMEOUT = Duration.ofMinutes(30);

  private ScheduledFuture<?> poller;
  private volatile Instant lastIndexed;
  private volatile String lastError;
  private volatile boolean failing;

  /** What operators see. */
  public record Status(String engine, long pending, Instant lastIndexedAt, String lastError) {}

  void start(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    poller = scheduler.scheduleWithFixedDelay(this::drainSafely, 2, 1, TimeUnit.SECONDS);
  }

  @PreDestroy
  void stop() {
    if (poller != null) {
      poller.cancel(false);
    }
  }

  private void drainSafely() {
    try {
      while (drain() == BATCH) {
        // a backlog: keep going
      }
      if (failing) {
        LOG.info("Search index relay: the search engine answers again; the index is current.");
      }
      failing = false;
      lastError = null;
    } catch (RuntimeException | SQLException e) {
      lastError = e.getMessage();
      if (!failing) {
        LOG.log(Level.WARNING, "Search index relay: changes wait in the outbox: " + e.getMessage());
      }
      failing = true;
    }
  }

  /** One batch; returns how many outbox rows it handled. */
  int drain() throws SQLException {
    return transactions.inNewTransaction(
        DRAIN_TIMEOUT,
        () -> {
          try (Connection c = db.getConnection()) {
            // One server drains at a time (two could write one title's states out of order), and
            // none while a rebuild reads its snapshot (its alias swap would drop what they wrote).
            if (!SearchOutboxStore.tryLockIndex(c)) {
              return 0;
            }
            SearchOutboxStore.Claimed claimed = SearchOutboxStore.claim(c, BATCH);
            List<Long> rows = claimed.rows();
            Set<UUID> titles = claimed.titles();
            if (rows.isEmpty()) {
              return 0;
            }
            if (engines.openSearchActive()) {
              OpenSearchIndex index = engines.openSearchIndex();
              index.ensure();
              Map<UUID, JsonObject> current = SearchDocumentQuery.of(c, titles);
              index.apply(current, titles);
              lastIndexed = Instant.now();
            }
            SearchOutboxStore.delete(c, rows);
            return rows.size();
          }
        });
  }

  public Status status() {
    long pending = PlainSql.call(db, "count the search outbox", SearchOutboxStore::pending);
    return new Status(engines.active().engine(), pending, lastIndexed, lastError);
  }

  /** Rebuilds the OpenSearch index from the database (operators); returns the titles indexed. */
  public long rebuild() {
    if (!engines.openSearchActive()) {
      return 0;
    }
    try {
      return transactions.inNewTransaction(
          REBUILD_TIMEOUT,
          () -> {
            try (Connection c = db.getConnection()) {
              // Waits for a running drain; relays skip until the new index is in place, then the
              // changes made meanwhile (still in the outbox) go to the new index.
              SearchOutboxStore.lockIndex(c);
              try {
                return rebuildLocked(c);
              } finally {
                SearchOutboxStore.unlockIndex(c);
              }
            }
          });
    } catch (SQLException e) {
      throw new IllegalStateException("could not read the catalog: " + e.getMessage(), e);
    }
  }

  private long rebuildLocked(Connection c) {
    return engines
        .openSearchIndex()
        .rebuild(
            sink -> {
              try {
                SearchDocumentQuery.published(c, BATCH, sink);
              } catch (SQLException e) {
                throw new IllegalStateException("could not read the catalog: " + e.getMessage(), e);
              }
            });
  }
}
