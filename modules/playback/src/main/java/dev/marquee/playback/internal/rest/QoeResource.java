package dev.marquee.playback.internal.rest;

import dev.marquee.platform.api.ProblemException;
import dev.marquee.platform.api.QueryParams;
import dev.marquee.platform.api.TokenIdentity;
import dev.marquee.playback.internal.application.QoeService;
import dev.marquee.playback.internal.application.SessionService;
import dev.marquee.playback.internal.domain.QoeDay;
import dev.marquee.playback.internal.domain.QoeEvent;
import dev.marquee.playback.internal.domain.SessionTokens;
import dev.marquee.playback.internal.persistence.QoeStore;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * QoE: players post what happened during a session (authenticated by the session's token in the
 * {@code X-Playback-Session} header only; a page that closes posts with {@code fetch(...,
 * {keepalive: true})}, which keeps headers, instead of a beacon, which cannot send them); admins
 * and operators read aggregates per title and day.
 */
@TokenIdentity
@Path("/playback/qoe")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class QoeResource {
  @Inject QoeService qoe;
  @Inject SessionService sessions;

  /** A player's report: events in the order they happened. */
  public record Report(List<QoeEvent> events) {}

  @POST
  @PermitAll
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Report a player's quality-of-experience events")
  @APIResponse(
      responseCode = "202",
      description = "The events were received; stored counts those kept",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema =
                  @Schema(
                      type = SchemaType.OBJECT,
                      properties = {
                        @SchemaProperty(name = "received", type = SchemaType.INTEGER),
                        @SchemaProperty(name = "stored", type = SchemaType.INTEGER),
                        @SchemaProperty(
                            name = "sessionId",
                            type = SchemaType.STRING,
                            format = "uuid")
                      })))
  @Extension(name = "x-public", value = "true", parseValue = true)
  @APIResponse(
      responseCode = "400",
      description = "malformed-json, missing-body, no-events, validation-failed")
  @APIResponse(
      responseCode = "401",
      description =
          "session-expired, session-token-in-url, session-token-invalid, session-token-missing")
  @APIResponse(responseCode = "413", description = "too-many-events")
  public Response report(
      @HeaderParam(SessionCredentials.HEADER) String header,
      @QueryParam("token") String tokenInUrl,
      @QueryParam("session") String sessionInUrl,
      Report body) {
    SessionCredentials.refuseTokenInUrl(tokenInUrl, sessionInUrl);
    if (!SessionCredentials.present(header)) {
      throw new ProblemException(
          401,
          "session-token-missing",
          "Authentication required",
          "Send the playback session's token in the " + SessionCredentials.HEADER + " header.");
    }
    SessionTokens.Claims c = sessions.claims(header.strip());
    if (body == null) {
      throw ProblemException.badRequest("missing-body", "A JSON body with events is required.");
    }
    int stored =
        qoe.report(
            new QoeStore.Reporter(c.session(), c.account(), c.title(), c.device()), body.events());
    return Response.accepted(
            Map.of("received", body.events().size(), "stored", stored, "sessionId", c.session()))
        .build();
  }

  @GET
  @RolesAllowed({"admin", "operator"})
  @Operation(summary = "Show quality of experience per title and day")
  @APIResponse(
      responseCode = "200",
      description = "One row per title and day",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(type = SchemaType.ARRAY, implementation = QoeDay.class)))
  @SecurityRequirement(
      name = "bearer",
      scopes = {"admin", "operator"})
  @APIResponse(responseCode = "400", description = "invalid-id, invalid-range")
  @APIResponse(responseCode = "401", description = "unauthenticated")
  @APIResponse(responseCode = "403", description = "forbidden")
  public List<QoeDay> days(
      @QueryParam("titleId") String titleId,
      @QueryParam("from") String from,
      @QueryParam("to") String to) {
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    LocalDate end = QueryParams.date("to", to, today);
    return qoe.days(uuid(titleId), QueryParams.date("from", from, end.minusDays(29)), end);
  }

  private static UUID uuid(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return UUID.fromString(value.strip());
    } catch (IllegalArgumentException e) {
      throw ProblemException.badRequest("invalid-id", "titleId must be a UUID, not " + value);
    }
  }
}
