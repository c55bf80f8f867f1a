package dev.marquee.catalog.internal.rest;

import dev.marquee.catalog.internal.application.SeriesCatalog;
import dev.marquee.catalog.internal.domain.Series;
import dev.marquee.platform.api.TokenIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** A series as viewers browse it: seasons, each with its published episodes in order. */
@TokenIdentity
@Path("/catalog/series/{id}")
@RequestScoped
@RolesAllowed({"viewer", "admin"})
@Produces(MediaType.APPLICATION_JSON)
public class SeriesResource {
  @Inject SeriesCatalog series;

  @GET
  @Operation(summary = "Show a series with its seasons and episodes")
  @APIResponse(
      responseCode = "200",
      description = "The series",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = Series.class)))
  @SecurityRequirement(
      name = "bearer",
      scopes = {"viewer", "admin"})
  @APIResponse(responseCode = "400", description = "invalid-id")
  @APIResponse(responseCode = "401", description = "unauthenticated")
  @APIResponse(responseCode = "404", description = "series-not-found")
  public Series get(@PathParam("id") String id) {
    return series.get(CallerProfiles.uuid("id", id));
  }
}
