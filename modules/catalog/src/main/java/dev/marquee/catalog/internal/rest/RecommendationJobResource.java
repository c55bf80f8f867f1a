package dev.marquee.catalog.internal.rest;

import dev.marquee.catalog.internal.application.RecommendationService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * Operators start the recommendation job now (it also starts by itself when enough completions
 * arrived); its progress is under /operations/jobs.
 */
@Path("/operations/recommendations")
@RequestScoped
@RolesAllowed({"operator", "admin"})
public class RecommendationJobResource {
  @Inject RecommendationService recommendations;

  @POST
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(summary = "Start the job that computes every profile's recommendations")
  @APIResponse(
      responseCode = "202",
      description = "The job started; follow it at the Location (the job's status)",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema =
                  @Schema(
                      type = SchemaType.OBJECT,
                      properties = {
                        @SchemaProperty(
                            name = "executionId",
                            type = SchemaType.INTEGER,
                            format = "int64")
                      })),
      headers = {
        @Header(
            name = "Location",
            description = "/api/operations/jobs/{executionId}",
            schema = @Schema(type = SchemaType.STRING))
      })
  @SecurityRequirement(
      name = "bearer",
      scopes = {"operator", "admin"})
  @APIResponse(responseCode = "401", description = "unauthenticated")
  @APIResponse(responseCode = "403", description = "forbidden")
  public Response start() {
    long execution = recommendations.start();
    return Response.accepted(Map.of("executionId", execution))
        .location(URI.create("operations/jobs/" + execution))
        .build();
  }
}
