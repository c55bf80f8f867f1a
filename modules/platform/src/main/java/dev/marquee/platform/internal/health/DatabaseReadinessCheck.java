package dev.marquee.platform.internal.health;

import dev.marquee.platform.internal.migration.DatabaseMigrator;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only when PostgreSQL answers and every schema is migrated. */
@Readiness
@ApplicationScoped
public class DatabaseReadinessCheck implements HealthCheck {

  @Resource(lookup = "jdbc/marquee")
  private DataSource dataSource;

  @Inject private DatabaseMigrator migrator;

  @Override
  public HealthCheckResponse call() {
    var response = HealthCheckResponse.named("database");
    try (Connection connection = dataSource.getConnection()) {
      if (!connection.isValid(2)) {
        return response.down().withData("error", "connection is not valid").build();
      }
      if (!migrator.isMigrated()) {
        return response
            .down()
            .withData("error", "schema migration pending: " + migrator.lastFailure())
            .build();
      }
      return response.up().build();
    } catch (SQLException e) {
      return response.down().withData("error", "PostgreSQL unreachable: " + e.getMessage()).build();
    }
  }
}
