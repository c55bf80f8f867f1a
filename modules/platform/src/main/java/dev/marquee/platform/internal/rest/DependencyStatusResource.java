package dev.marquee.platform.internal.rest;

import dev.marquee.platform.api.ObjectStorage;
import dev.marquee.platform.internal.migration.DatabaseMigrator;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * For operators: does this server reach each shared dependency? Object storage is checked by a real
 * round trip (write, read back, delete a small probe object).
 */
@Path("/operations/dependencies")
@RequestScoped
@RolesAllowed({"operator", "admin"})
public class DependencyStatusResource {

  @Resource(lookup = "jdbc/marquee")
  private DataSource dataSource;

  @Inject private ObjectStorage storage;
  @Inject private DatabaseMigrator migrator;

  /** The state of one dependency. */
  public record DependencyStatus(String name, boolean up, String detail) {}

  /** All dependencies of this server. */
  public record DependencyReport(boolean up, List<DependencyStatus> dependencies) {}

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(summary = "Check every shared dependency with a real round trip")
  @APIResponse(
      responseCode = "200",
      description = "Each dependency's state (up is false when one is down)",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = DependencyReport.class)))
  @SecurityRequirement(
      name = "bearer",
      scopes = {"operator", "admin"})
  @APIResponse(responseCode = "401", description = "unauthenticated")
  @APIResponse(responseCode = "403", description = "forbidden")
  public DependencyReport check() {
    var database = database();
    var objects = objectStorage();
    return new DependencyReport(database.up() && objects.up(), List.of(database, objects));
  }

  private DependencyStatus database() {
    try (Connection connection = dataSource.getConnection()) {
      var meta = connection.getMetaData();
      return new DependencyStatus(
          "postgresql",
          connection.isValid(2) && migrator.isMigrated(),
          meta.getDatabaseProductName()
              + " "
              + meta.getDatabaseProductVersion()
              + (migrator.isMigrated() ? ", schemas migrated" : ", migration pending"));
    } catch (Exception e) {
      return new DependencyStatus("postgresql", false, e.getMessage());
    }
  }

  private DependencyStatus objectStorage() {
    String key = "probes/" + UUID.randomUUID();
    byte[] payload = ("probe " + key).getBytes(StandardCharsets.UTF_8);
    try {
      storage.put(key, new ByteArrayInputStream(payload), payload.length, "text/plain");
      byte[] read;
      try (InputStream in = storage.open(key)) {
        read = in.readAllBytes();
      }
      storage.delete(key);
      boolean same = Arrays.equals(payload, read);
      return new DependencyStatus(
          "object-storage",
          same,
          "bucket "
              + storage.bucket()
              + (same ? ": write, read and delete succeeded" : ": read back differs"));
    } catch (RuntimeException | IOException e) {
      return new DependencyStatus(
          "object-storage", false, "bucket " + storage.bucket() + ": " + e.getMessage());
    }
  }
}
