package dev.marquee.playback.internal.rest;

import dev.marquee.platform.api.AccessToken;
import dev.marquee.platform.api.CallerIdentity;
import dev.marquee.platform.api.ProblemException;
import dev.marquee.platform.api.TokenIdentity;
import dev.marquee.playback.internal.application.PositionHub;
import dev.marquee.playback.internal.application.PositionService;
import dev.marquee.playback.internal.domain.Position;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** Resume across devices: write positions, read where to resume, continue watching, and a push. */
@TokenIdentity
@Path("/playback/positions")
@ApplicationScoped
@RolesAllowed("viewer")
@Produces(MediaType.APPLICATION_JSON)
public class PositionResource {
  private static final Set<String> EVENTS = Set.of("PERIODIC", "PAUSE", "SEEK", "STOP");

  @Inject PositionService positions;
  @Inject PositionHub hub;
  @Inject CallerIdentity caller;

  /** A device's position report. {@code clientTime} orders writes: the latest wins. */
  public record PositionReport(
      @NotBlank String titleId,
      @NotBlank String profileId,
      @NotBlank String deviceId,
      @NotNull @PositiveOrZero Double positionSeconds,
      @NotBlank String clientTime,
      String event) {}

  /** Where to resume, or what was written. */
  public record PositionResponse(
      String titleId,
      String deviceId,
      double positionSeconds,
      Instant clientTime,
      String event,
      boolean watched) {
    static PositionResponse of(Position p) {
      return new PositionResponse(
          p.titleId().toString(),
          p.deviceId().toString(),
          p.positionMs() / 1000.0,
          p.clientTime(),
          p.event(),
          p.watched());
    }
  }

  /**
   * Idempotent: the same report twice, or an older one, changes nothing ({@code applied=false}).
   */
  @PUT
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Report the playback position")
  @APIResponse(
      responseCode = "200",
      description = "The position as stored",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = PositionService.Written.class)))
  @SecurityRequirement(name = "bearer", scopes = "viewer")
  @APIResponse(
      responseCode = "400",
      description =
          "invalid-client-time, invalid-id, invalid-position, malformed-json, validation-failed")
  @APIResponse(responseCode = "401", description = "unauthenticated")
  @APIResponse(
      responseCode = "404",
      description = "device-not-found, profile-not-found, title-not-found")
  @APIResponse(responseCode = "413", description = "body-too-large")
  public PositionService.Written write(
      @NotNull(message = "a JSON body is required") @Valid PositionReport body) {
    String event =
        body.event() == null ? "PERIODIC" : body.event().strip().toUpperCase(Locale.ROOT);
    if (!EVENTS.contains(event)) {
      throw ProblemException.badRequest(
          "validation-failed", "event must be one of PERIODIC, PAUSE, SEEK, STOP.");
    }
    Instant clientTime;
    try {
      clientTime = Instant.parse(body.clientTime().strip());
    } catch (DateTimeParseException e) {
      throw ProblemException.badRequest(
          "invalid-client-time",
          "clientTime must be an ISO-8601 instant, e.g. 2026-11-22T10:00:00Z.");
    }
    return positions.write(
        me(),
        uuid(body.profileId(), "profileId"),
        uuid(body.deviceId(), "deviceId"),
        uuid(body.titleId(), "titleId"),
        Math.round(body.positionSeconds() * 1000),
        clientTime,
        event);
  }

  /** The most recent position of the profile in the title across its devices (404: none). */
  @GET
  @Path("/{titleId}")
  @Operation(summary = "Get the position to resume a title at")
  @APIResponse(
      responseCode = "200",
      description = "The position to resume at",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = PositionResponse.class)))
  @SecurityRequirement(name = "bearer", scopes = "viewer")
  @APIResponse(responseCode = "400", description = "invalid-id, validation-failed")
  @APIResponse(responseCode = "401", description = "unauthenticated")
  @APIResponse(responseCode = "404", description = "no-position, profile-not-found")
  public PositionResponse resume(
      @PathParam("titleId") String titleId, @QueryParam("profileId") String profileId) {
    return positions
        .resume(me(), uuid(profileId, "profileId"), uuid(titleId, "titleId"))
        .map(PositionResponse::of)
        .orElseThrow(
            () -> ProblemException.notFound("no-position", "This profile has not watched it yet."));
  }

  @GET
  @Path("/continue-watching")
  @Operation(summary = "List the titles to continue watching")
  @APIResponse(
      responseCode = "200",
      description = "The titles, most recently watched first",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(type = SchemaType.ARRAY, implementation = PositionResponse.class)))
  @SecurityRequirement(name = "bearer", scopes = "viewer")
  @APIResponse(responseCode = "400", description = "invalid-id, validation-failed")
  @APIResponse(responseCode = "401", description = "unauthenticated")
  @APIResponse(responseCode = "404", description = "profile-not-found")
  public List<PositionResponse> continueWatching(
      @QueryParam("profileId") String profileId,
      @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(100) int limit) {
    return positions.continueWatching(me(), uuid(profileId, "profileId"), limit).stream()
        .map(PositionResponse::of)
        .toList();
  }

  /**
   * Server-sent events: {@code position} whenever another device of the profile reports one.
   * Browsers read it with fetch (EventSource cannot send the Authorization header).
   */
  @GET
  @Path("/events")
  @Produces(MediaType.SERVER_SENT_EVENTS)
  @Operation(summary = "Hear of positions reported by the profile's other devices (SSE)")
  @APIResponse(
      responseCode = "200",
      description = "A stream of server-sent events, one per position reported elsewhere",
      content =
          @Content(
              mediaType = MediaType.SERVER_SENT_EVENTS,
              schema = @Schema(type = SchemaType.STRING)))
  @SecurityRequirement(name = "bearer", scopes = "viewer")
  @APIResponse(responseCode = "400", description = "invalid-id, validation-failed")
  @APIResponse(responseCode = "401", description = "unauthenticated")
  @APIResponse(responseCode = "404", description = "profile-not-found")
  public void events(
      @QueryParam("profileId") String profileId,
      @QueryParam("deviceId") String deviceId,
      @Context SseEventSink sink,
      @Context Sse sse) {
    UUID profile = uuid(profileId, "profileId");
    positions.checkProfile(me(), profile);
    AccessToken token = caller.require();
    hub.subscribe(
        profile,
        deviceId == null ? null : uuid(deviceId, "deviceId"),
        token.sessionId(),
        token.expiresAt(),
        sink,
        sse);
  }

  private UUID me() {
    return caller.accountId();
  }

  private static UUID uuid(String value, String field) {
    if (value == null) {
      throw ProblemException.badRequest("validation-failed", field + " is required.");
    }
    try {
      return UUID.fromString(value.strip());
    } catch (IllegalArgumentException e) {
      throw ProblemException.badRequest("invalid-id", field + " must be a UUID, not " + value);
    }
  }
}
