package dev.marquee.catalog.internal.rest;

import dev.marquee.catalog.internal.engagement.EngagementLimits;
import dev.marquee.catalog.internal.engagement.Reports;
import dev.marquee.platform.api.ProblemException;
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

/** Viewers report a title (a reason and a text) into the moderation queue. */
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
  public Response file(@NotNull(message = "a JSON body is required") @Valid NewReport body) {
    String reason = body.reason().strip().toUpperCase(Locale.ROOT);
    if (!Reports.REASONS.contains(reason)) {
      throw ProblemException.badRequest(
          "unknown-reason",
          "reason must be one of " + String.join(", ", new TreeSet<>(Reports.REASONS)) + ".");
    }
    var profile = profiles.require(body.profileId());
    limits.report(profiles.account());
    Reports.Report report =
        reports.file(
            profiles.account(),
            profile.id().value(),
            CallerProfiles.uuid("titleId", body.titleId()),
            reason,
            body.text().strip());
    return Response.status(201).entity(report).build();
  }
}
