package dev.marquee.platform.internal.rest;

import dev.marquee.platform.api.TokenIdentity;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * Public and cheap: which Marquee this is. Clients use it to check compatibility; benchmarks use it
 * as the baseline cost of a JAX-RS request on this server.
 */
@TokenIdentity
@Path("/platform/info")
@ApplicationScoped
@PermitAll
public class ServerInfoResource {
  private static final String VERSION =
      ServerInfoResource.class.getPackage().getImplementationVersion() == null
          ? "development"
          : ServerInfoResource.class.getPackage().getImplementationVersion();

  /** Name and version of the platform. */
  public record ServerInfo(String name, String version, String api) {}

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(summary = "Show the platform's name and version")
  @APIResponse(
      responseCode = "200",
      description = "The platform's name and versions",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ServerInfo.class)))
  @Extension(name = "x-public", value = "true", parseValue = true)
  public ServerInfo info() {
    return new ServerInfo("Marquee", VERSION, "v1");
  }
}
