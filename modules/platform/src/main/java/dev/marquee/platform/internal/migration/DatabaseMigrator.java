package dev.marquee.platform.internal.migration;

import dev.marquee.platform.api.SchemasMigrated;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Brings every module's schema to the latest migration when the application starts. If the database
 * is not reachable yet, it retries in the background; readiness stays DOWN until all schemas are
 * migrated, so a load balancer sends no traffic to a server whose schema is behind. Flyway's own
 * lock makes it safe for N servers to start at once.
 */
@ApplicationScoped
public class DatabaseMigrator {
  private static final Logger LOG = Logger.getLogger(DatabaseMigrator.class.getName());
  private static final String SCHEMA_LIST = "db/migration/schemas.txt";

  @Resource(lookup = "jdbc/marquee")
  private DataSource dataSource;

  @Resource private ManagedScheduledExecutorService scheduler;

  @Inject private Event<SchemasMigrated> schemasMigrated;

  private volatile boolean migrated;
  private volatile String lastFailure = "not started";

  void onStartup(@Observes Startup startup) {
    if (!migrateAll()) {
      scheduler.schedule(this::retry, 5, TimeUnit.SECONDS);
    }
  }

  private void retry() {
    if (!migrateAll()) {
      scheduler.schedule(this::retry, 5, TimeUnit.SECONDS);
    }
  }

  synchronized boolean migrateAll() {
    if (migrated) {
      return true;
    }
    try {
      for (String schema : schemas()) {
        var result =
            Flyway.configure(getClass().getClassLoader())
                .dataSource(dataSource)
                .schemas(schema)
                .createSchemas(true)
                .locations("classpath:db/migration/" + schema)
                // Liberty's class loaders only find folders that hold a flyway.location file.
                .callbackLocations("classpath:db/migration/" + schema)
                .failOnMissingLocations(true)
                .load()
                .migrate();
        if (result.migrationsExecuted > 0) {
          LOG.info(
              () ->
                  "Schema "
                      + schema
                      + ": applied "
                      + result.migrationsExecuted
                      + " migration(s), now at "
                      + result.targetSchemaVersion);
        }
      }
      migrated = true;
      lastFailure = null;
      LOG.info("Database schemas are up to date.");
      schemasMigrated.fire(new SchemasMigrated(Instant.now()));
      return true;
    } catch (RuntimeException e) {
      lastFailure = e.getMessage();
      LOG.log(Level.WARNING, "Database migration failed; retrying in 5 s: " + e.getMessage());
      return false;
    }
  }

  public boolean isMigrated() {
    return migrated;
  }

  public String lastFailure() {
    return lastFailure;
  }

  static List<String> schemas() {
    var loader = DatabaseMigrator.class.getClassLoader();
    try (var in = loader.getResourceAsStream(SCHEMA_LIST)) {
      if (in == null) {
        throw new IllegalStateException(SCHEMA_LIST + " is missing from the classpath");
      }
      List<String> schemas = new ArrayList<>();
      try (var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
        reader.lines().map(String::strip).filter(l -> !l.isEmpty()).forEach(schemas::add);
      }
      return schemas;
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read " + SCHEMA_LIST, e);
    }
  }
}
