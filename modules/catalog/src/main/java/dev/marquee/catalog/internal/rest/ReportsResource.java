package dev.marquee.catalog.internal.rest;

import dev.marquee.catalog.internal.application.EngagementLimits;
import dev.marquee.catalog.internal.application.Reports;
import dev.marquee.catalog.internal.domain.Report;
import dev.marquee.catalog.internal.domain.ReportRules;
import dev.marquee.platform.api.ProblemException;
import dev.marquee.platform.api.TokenIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Locale;
import java.util.TreeSet;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** Viewers report a title (a reason and a text) into the moderation queue. */
@TokenIdentity
@Path("/catalog/reports")
@RequestScoped
@RolesAllowed("viewer")
@Produces(MediaType.APPLICATION_JSON)
public class ReportsResource {
  @Inject Reports reports;
  @Inject CallerProfiles profiles;
  @Inject EngagementLimits limits;

  /** What is wrong with a title. */
  public record NewReport(
      @NotBlank String titleId,
      @NotBlank String profileId,
      @NotBlank String reason,
      @NotBlank @Size(max = 2000) String text) {}

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Report a title to the moderators")
  @APIResponse(
      responseCode = "201",
      description = "The filed report",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = Report.class)))
  @SecurityRequirement(name = "bearer", scopes = "viewer")
  @APIResponse(
      responseCode = "400",
      description =
          "invalid-id, malformed-json, profile-required, unknown-reason, validation-failed")
  @APIResponse(responseCode = "401", description = "unauthenticated")
  @APIResponse(responseCode = "404", description = "profile-not-found, title-not-found")
  @APIResponse(responseCode = "413", description = "body-too-large")
  @APIResponse(responseCode = "429", description = "rate-limited")
  @APIResponse(responseCode = "503", description = "database-unavailable")
  public Response file(@NotNull(message = "a JSON body is required") @Valid NewReport body) {
    String reason = body.reason().strip().toUpperCase(Locale.ROOT);
    if (!ReportRules.REASONS.contains(reason)) {
      throw ProblemException.badRequest(
          "unknown-reason",
          "reason must be one of " + String.join(", ", new TreeSet<>(ReportRules.REASONS)) + ".");
    }
    var profile = profiles.require(body.profileId());
    limits.report(profiles.account());
    Report report =
        reports.file(
            profiles.account(),
            profile.id().value(),
            CallerProfiles.uuid("titleId", body.titleId()),
            reason,
            body.text().strip());
    return Response.status(201).entity(report).build();
  }
}
