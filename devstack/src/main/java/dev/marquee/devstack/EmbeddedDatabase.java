package dev.marquee.devstack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * A real PostgreSQL server from the binaries on Maven Central. The data directory is kept between
 * runs, so what a developer created is still there tomorrow, and commits are durable (fsync and
 * synchronous commit on) as on a production server.
 */
public final class EmbeddedDatabase implements AutoCloseable {
  private final Path dataDirectory;
  private final int port;
  private final String database;
  private final String user;
  private final String password;
  private EmbeddedPostgres postgres;

  public EmbeddedDatabase(
      Path dataDirectory, int port, String database, String user, String password) {
    this.dataDirectory = dataDirectory;
    this.port = port;
    this.database = database;
    this.user = user;
    this.password = password;
  }

  /** Starts PostgreSQL and makes sure Marquee's role and database exist. */
  public void start() throws IOException, SQLException {
    Files.createDirectories(dataDirectory);
    postgres =
        EmbeddedPostgres.builder()
            .setDataDirectory(dataDirectory)
            .setCleanDataDirectory(false)
            .setPort(port)
            .setServerConfig("listen_addresses", "127.0.0.1")
            .setServerConfig("max_connections", "200")
            .setServerConfig("shared_buffers", "128MB")
            // zonky starts PostgreSQL with -F (fsync off) and synchronous_commit off, which suit
            // throwaway test databases. This one keeps a developer's data and answers for
            // Marquee's "nothing acknowledged is lost": a commit is on disk before it is
            // acknowledged, as on a production server (ADR 54). The -c options come after -F.
            .setServerConfig("fsync", "on")
            .setServerConfig("synchronous_commit", "on")
            .start();
    ensureDatabase();
  }

  /** Stops the server; the data stays. */
  public void stop() throws IOException {
    if (postgres != null) {
      postgres.close();
      postgres = null;
    }
  }

  public boolean isRunning() {
    return postgres != null;
  }

  public int port() {
    return port;
  }

  public String jdbcUrl() {
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
  }

  public String database() {
    return database;
  }

  public String user() {
    return user;
  }

  public String password() {
    return password;
  }

  private void ensureDatabase() throws SQLException {
    DataSource admin = postgres.getPostgresDatabase();
    try (Connection c = admin.getConnection();
        Statement s = c.createStatement()) {
      boolean roleExists;
      try (var rs = s.executeQuery("SELECT 1 FROM pg_roles WHERE rolname = '" + user + "'")) {
        roleExists = rs.next();
      }
      if (!roleExists) {
        s.execute(
            "CREATE ROLE \"" + user + "\" LOGIN PASSWORD '" + password.replace("'", "''") + "'");
      }
      boolean databaseExists;
      try (var rs =
          s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + database + "'")) {
        databaseExists = rs.next();
      }
      if (!databaseExists) {
        s.execute("CREATE DATABASE \"" + database + "\" OWNER \"" + user + "\"");
      }
    }
  }

  @Override
  public void close() throws IOException {
    stop();
  }
}
