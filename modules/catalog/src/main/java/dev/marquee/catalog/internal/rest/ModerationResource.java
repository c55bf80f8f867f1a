package dev.marquee.catalog.internal.rest;

import dev.marquee.catalog.internal.application.Reports;
import dev.marquee.catalog.internal.application.TitleStats;
import dev.marquee.catalog.internal.domain.Report;
import dev.marquee.catalog.internal.domain.ReportRules;
import dev.marquee.catalog.internal.domain.TitleDay;
import dev.marquee.platform.api.ProblemException;
import dev.marquee.platform.api.QueryParams;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * Admins: the moderation queue (dismiss a report, or unpublish the title, which resolves all its
 * open reports) and views and completions per title and day.
 */
@Path("/catalog/moderation")
@RequestScoped
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
public class ModerationResource {
  @Inject Reports reports;
  @Inject TitleStats stats;
  @Inject CallerProfiles caller;

  /** Why the moderator decided so (kept with the report). */
  public record Decision(@Size(max = 2000) String note) {}

  /**
   * The queue, newest first, a page at a time; the {@code X-Next-Cursor} header (and a {@code Link}
   * with {@code rel="next"}) says where the next page starts.
   */
  @GET
  @Path("/reports")
  @Operation(summary = "Page through the moderation queue, newest first")
  @APIResponse(
      responseCode = "200",
      description = "One page of reports; X-Next-Cursor and a Link rel=next when there are more",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(type = SchemaType.ARRAY, implementation = Report.class)),
      headers = {
        @Header(
            name = "X-Next-Cursor",
            description = "The cursor of the next page",
            schema = @Schema(type = SchemaType.STRING)),
        @Header(
            name = "Link",
            description = "The next page, rel=next",
            schema = @Schema(type = SchemaType.STRING))
      })
  @SecurityRequirement(name = "bearer", scopes = "admin")
  @APIResponse(responseCode = "400", description = "invalid-cursor, invalid-state")
  @APIResponse(responseCode = "401", description = "unauthenticated")
  @APIResponse(responseCode = "403", description = "forbidden")
  public Response queue(
      @QueryParam("state") @DefaultValue("OPEN") String state,
      @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) int limit,
      @QueryParam("cursor") String cursor) {
    String s = ReportRules.state(state);
    Reports.Page page = reports.queue(s, limit, cursor);
    var response = Response.ok(page.reports());
    if (page.next() != null) {
      response
          .header("X-Next-Cursor", page.next())
          .header(
              "Link",
              "</api/catalog/moderation/reports?state="
                  + s
                  + "&limit="
                  + limit
                  + "&cursor="
                  + page.next()
                  + ">; rel=\"next\"");
    }
    return response.build();
  }

  @POST
  @Path("/reports/{id}/dismiss")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Dismiss a report")
  @APIResponse(
      responseCode = "200",
      description = "The resolved report",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = Report.class)))
  @SecurityRequirement(name = "bearer", scopes = "admin")
  @APIResponse(responseCode = "400", description = "invalid-id, malformed-json, validation-failed")
  @APIResponse(responseCode = "401", description = "unauthenticated")
  @APIResponse(responseCode = "403", description = "forbidden")
  @APIResponse(responseCode = "404", description = "report-not-found")
  @APIResponse(responseCode = "409", description = "report-resolved")
  @APIResponse(responseCode = "413", description = "body-too-large")
  public Report dismiss(@PathParam("id") String id, @Valid Decision decision) {
    return reports.resolve(CallerProfiles.uuid("id", id), caller.account(), false, note(decision));
  }

  @POST
  @Path("/reports/{id}/unpublish")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Unpublish the reported title and resolve the report")
  @APIResponse(
      responseCode = "200",
      description = "The resolved report",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = Report.class)))
  @SecurityRequirement(name = "bearer", scopes = "admin")
  @APIResponse(responseCode = "400", description = "invalid-id, malformed-json, validation-failed")
  @APIResponse(responseCode = "401", description = "unauthenticated")
  @APIResponse(responseCode = "403", description = "forbidden")
  @APIResponse(responseCode = "404", description = "report-not-found")
  @APIResponse(responseCode = "409", description = "report-resolved")
  @APIResponse(responseCode = "413", description = "body-too-large")
  public Report unpublish(@PathParam("id") String id, @Valid Decision decision) {
    return reports.resolve(CallerProfiles.uuid("id", id), caller.account(), true, note(decision));
  }

  @GET
  @Path("/stats")
  @Operation(summary = "Views and completions per day")
  @APIResponse(
      responseCode = "200",
      description = "One row per title and day",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(type = SchemaType.ARRAY, implementation = TitleDay.class)))
  @SecurityRequirement(name = "bearer", scopes = "admin")
  @APIResponse(responseCode = "400", description = "invalid-id, invalid-range")
  @APIResponse(responseCode = "401", description = "unauthenticated")
  @APIResponse(responseCode = "403", description = "forbidden")
  public List<TitleDay> stats(
      @QueryParam("titleId") String titleId,
      @QueryParam("from") String from,
      @QueryParam("to") String to) {
    LocalDate end = QueryParams.date("to", to, LocalDate.now(ZoneOffset.UTC));
    LocalDate start = QueryParams.date("from", from, end.minusDays(29));
    if (start.isAfter(end) || end.toEpochDay() - start.toEpochDay() > 366) {
      throw ProblemException.badRequest(
          "invalid-range", "from must not be after to, and the range at most 366 days.");
    }
    return stats.days(
        titleId == null || titleId.isBlank() ? null : CallerProfiles.uuid("titleId", titleId),
        start,
        end);
  }

  private static String note(Decision decision) {
    return decision == null || decision.note() == null ? "" : decision.note().strip();
  }
}
