package dev.marquee.playback.internal.rest;

import dev.marquee.accounts.api.AccountId;
import dev.marquee.accounts.api.DeviceId;
import dev.marquee.accounts.api.ProfileId;
import dev.marquee.catalog.api.CatalogFacade;
import dev.marquee.catalog.api.TitleId;
import dev.marquee.drm.api.DrmFacade;
import dev.marquee.drm.api.TrackType;
import dev.marquee.ingest.api.IngestFacade;
import dev.marquee.ingest.api.SubtitleFile;
import dev.marquee.platform.api.CallerIdentity;
import dev.marquee.platform.api.ProblemException;
import dev.marquee.platform.api.TokenIdentity;
import dev.marquee.playback.internal.application.LicenceService;
import dev.marquee.playback.internal.application.LicenceService.Granted;
import dev.marquee.playback.internal.application.PositionService;
import dev.marquee.playback.internal.application.SessionManifests;
import dev.marquee.playback.internal.application.SessionService;
import dev.marquee.playback.internal.domain.LicenceDenied;
import dev.marquee.playback.internal.domain.PlaybackSession;
import dev.marquee.playback.internal.manifest.DashManifest;
import dev.marquee.playback.internal.rest.SessionMessages.Licence;
import dev.marquee.playback.internal.rest.SessionMessages.Manifests;
import dev.marquee.playback.internal.rest.SessionMessages.Resume;
import dev.marquee.playback.internal.rest.SessionMessages.SessionResponse;
import dev.marquee.playback.internal.rest.SessionMessages.StartRequest;
import dev.marquee.playback.internal.rest.SessionMessages.Track;
import dev.marquee.transcode.api.RenditionView;
import dev.marquee.transcode.api.TranscodeFacade;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** Viewers start, keep alive and stop playback sessions. */
@TokenIdentity
@Path("/playback/sessions")
@ApplicationScoped
@RolesAllowed("viewer")
@Produces(MediaType.APPLICATION_JSON)
public class SessionResource {
  @Inject SessionService sessions;
  @Inject DrmFacade drm;
  @Inject PositionService positions;
  @Inject TranscodeFacade transcode;
  @Inject IngestFacade ingest;
  @Inject CatalogFacade catalog;
  @Inject CallerIdentity caller;
  @Inject SessionManifests manifests;
  @Inject LicenceService licences;

  /**
   * The country header set by a trusted edge (CDN or load balancer that strips it from clients).
   * Unset (the default): client headers are ignored and the account's country counts.
   */
  @Inject
  @ConfigProperty(name = "marquee.drm.region-header")
  Optional<String> regionHeader;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Start a playback session")
  @APIResponse(
      responseCode = "201",
      description = "The session: its token, keys, licence and manifest URLs",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = SessionResponse.class)),
      headers = {
        @Header(
            name = "Location",
            description = "The session",
            schema = @Schema(type = SchemaType.STRING)),
        @Header(
            name = "Cache-Control",
            description = "no-store",
            schema = @Schema(type = SchemaType.STRING))
      })
  @SecurityRequirement(name = "bearer", scopes = "viewer")
  @APIResponse(
      responseCode = "400",
      description = "invalid-id, invalid-inline, malformed-json, validation-failed")
  @APIResponse(responseCode = "401", description = "unauthenticated")
  @APIResponse(
      responseCode = "403",
      description =
          "account-closed, device-removed, maturity-cap, not-entitled, offline-not-allowed, outside-availability-window, profile-removed, region-blocked, region-unknown, title-unavailable")
  @APIResponse(responseCode = "404", description = "session-not-found")
  @APIResponse(responseCode = "409", description = "concurrent-streams")
  @APIResponse(responseCode = "410", description = "session-ended")
  @APIResponse(responseCode = "413", description = "body-too-large")
  public Response start(
      @NotNull(message = "a JSON body is required") @Valid StartRequest body,
      @Parameter(
              description =
                  "Comma-separated. dash: the session's DASH manifest comes inline in the answer"
                      + " (dashManifest), the same document GET manifests.dash gives; licence:"
                      + " the ClearKey licence for the session's key ids comes inline"
                      + " (clearKeyLicence), decided and audited as POST licence.clearKeyUrl"
                      + " would, so that the player need ask for neither")
          @QueryParam("inline")
          String inline,
      @Context HttpHeaders headers) {
    Set<String> inlined = inline(inline);
    String region = regionHeader.map(headers::getHeaderString).orElse(null);
    int deviceMax =
        body.capabilities() == null || body.capabilities().maxHeight() == null
            ? Integer.MAX_VALUE
            : body.capabilities().maxHeight();
    SessionService.Started started =
        sessions.start(
            new AccountId(me()),
            new ProfileId(uuid(body.profileId(), "profileId")),
            new DeviceId(uuid(body.deviceId(), "deviceId")),
            new TitleId(uuid(body.titleId(), "titleId")),
            deviceMax,
            region);
    PlaybackSession s = started.session();
    // Counted once the session is committed, outside its transaction: a premiere's many starts do
    // not queue behind the title's row of the day.
    catalog.recordView(new TitleId(s.titleId()));
    Map<String, String> kids = new LinkedHashMap<>();
    drm.keyIds(new TitleId(s.titleId()))
        .forEach(
            (type, kid) -> {
              if (type == TrackType.AUDIO || type.allowedUpTo(s.maxHeight())) {
                kids.put(type.name(), kid.toString());
              }
            });
    TitleId title = new TitleId(s.titleId());
    List<RenditionView> renditions = transcode.renditions(title);
    List<SubtitleFile> subtitleFiles = ingest.subtitles(title);
    SessionResponse response =
        new SessionResponse(
            s.id().toString(),
            started.token(),
            started.tokenExpiresAt(),
            s.expiresAt(),
            heartbeatSeconds(s),
            s.titleId().toString(),
            s.maxHeight(),
            s.securityLevel(),
            kids,
            new Licence(
                "/api/drm/licenses/clearkey",
                "/api/drm/licenses/offline",
                "/api/drm/licenses/hls/{keyId}"),
            manifests(s.id()),
            resume(s),
            renditions.stream()
                .filter(r -> r.isAudio() && r.language() != null)
                .map(r -> new Track(r.language(), r.name(), r.role()))
                .distinct()
                .toList(),
            subtitleFiles.stream()
                .map(f -> new Track(f.language(), "subtitles-" + f.language(), "subtitle"))
                .sorted(Comparator.comparing(Track::language))
                .toList(),
            inlined.contains("dash") ? dashManifest(s, renditions, subtitleFiles) : null,
            inlined.contains("licence") ? inlineLicence(started, kids, region) : null);
    return Response.created(URI.create("/api/playback/sessions/" + s.id()))
        .entity(response)
        .header("Cache-Control", "no-store")
        .build();
  }

  /** The session's state (live or not); no token. */
  @GET
  @Path("/{id}")
  @Operation(summary = "Show a playback session's state")
  @APIResponse(
      responseCode = "200",
      description = "The session's state",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = PlaybackSession.class)))
  @SecurityRequirement(name = "bearer", scopes = "viewer")
  @APIResponse(responseCode = "400", description = "invalid-id")
  @APIResponse(responseCode = "401", description = "unauthenticated")
  @APIResponse(responseCode = "404", description = "session-not-found")
  public PlaybackSession get(@PathParam("id") String id) {
    return sessions.owned(me(), uuid(id, "id"));
  }

  /** A live session's manifest URLs with fresh URL tickets (for players without headers). */
  @GET
  @Path("/{id}/manifests")
  @Operation(summary = "Get a live session's manifest URLs with fresh URL tickets")
  @APIResponse(
      responseCode = "200",
      description = "The manifest URLs",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = Manifests.class)),
      headers = {
        @Header(
            name = "Cache-Control",
            description = "no-store",
            schema = @Schema(type = SchemaType.STRING))
      })
  @SecurityRequirement(name = "bearer", scopes = "viewer")
  @APIResponse(responseCode = "400", description = "invalid-id")
  @APIResponse(responseCode = "401", description = "unauthenticated")
  @APIResponse(responseCode = "404", description = "session-not-found")
  @APIResponse(responseCode = "410", description = "session-ended")
  public Response manifests(@PathParam("id") String id) {
    PlaybackSession s = sessions.owned(me(), uuid(id, "id"));
    if (s.endedAt() != null) {
      throw new ProblemException(
          410, "session-ended", "Session ended", "The playback session has ended.");
    }
    return Response.ok(manifests(s.id())).header("Cache-Control", "no-store").build();
  }

  /** Keeps the session alive and hands the player its renewed token (the old one still works). */
  @POST
  @Path("/{id}/heartbeat")
  @Operation(summary = "Keep a playback session alive and renew its token")
  @APIResponse(
      responseCode = "200",
      description = "The session's new expiry and a renewed token",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema =
                  @Schema(
                      type = SchemaType.OBJECT,
                      properties = {
                        @SchemaProperty(
                            name = "sessionId",
                            type = SchemaType.STRING,
                            format = "uuid"),
                        @SchemaProperty(
                            name = "expiresAt",
                            type = SchemaType.STRING,
                            format = "date-time"),
                        @SchemaProperty(name = "token", type = SchemaType.STRING),
                        @SchemaProperty(
                            name = "tokenExpiresAt",
                            type = SchemaType.STRING,
                            format = "date-time")
                      })),
      headers = {
        @Header(
            name = "Cache-Control",
            description = "no-store",
            schema = @Schema(type = SchemaType.STRING))
      })
  @SecurityRequirement(name = "bearer", scopes = "viewer")
  @APIResponse(responseCode = "400", description = "invalid-id")
  @APIResponse(responseCode = "401", description = "unauthenticated")
  @APIResponse(responseCode = "404", description = "session-not-found")
  @APIResponse(responseCode = "410", description = "session-ended")
  public Response heartbeat(@PathParam("id") String id) {
    SessionService.Renewed renewed = sessions.heartbeat(me(), uuid(id, "id"));
    return Response.ok(
            Map.of(
                "sessionId", renewed.session().id().toString(),
                "expiresAt", renewed.session().expiresAt().toString(),
                "token", renewed.token().token(),
                "tokenExpiresAt", renewed.token().expiresAt().toString()))
        .header("Cache-Control", "no-store")
        .build();
  }

  @DELETE
  @Path("/{id}")
  @Operation(summary = "Stop a playback session")
  @APIResponse(responseCode = "204", description = "The session is stopped")
  @SecurityRequirement(name = "bearer", scopes = "viewer")
  @APIResponse(responseCode = "400", description = "invalid-id")
  @APIResponse(responseCode = "401", description = "unauthenticated")
  @APIResponse(responseCode = "404", description = "session-not-found")
  public Response stop(@PathParam("id") String id) {
    sessions.stop(me(), uuid(id, "id"));
    return Response.noContent().build();
  }

  /**
   * The session's DASH manifest for its answer; none when it has no rendition to play (the session
   * is committed by then: its manifest URL then answers why).
   */
  private String dashManifest(
      PlaybackSession s, List<RenditionView> renditions, List<SubtitleFile> subtitleFiles) {
    try {
      return DashManifest.render(manifests.input(s, renditions, subtitleFiles, "cenc", p -> p));
    } catch (ProblemException e) {
      return null;
    }
  }

  /** What a session's answer can carry inline: {@code dash}, {@code licence} or both. */
  private static Set<String> inline(String inline) {
    if (inline == null || inline.isBlank()) {
      return Set.of();
    }
    Set<String> parts = new HashSet<>();
    for (String part : inline.split(",")) {
      String p = part.strip();
      if (!p.equals("dash") && !p.equals("licence")) {
        throw ProblemException.badRequest(
            "invalid-inline",
            "inline takes \"dash\" (the session's DASH manifest), \"licence\" (its ClearKey"
                + " licence) or both, comma-separated; not \""
                + p
                + "\".");
      }
      parts.add(p);
    }
    return parts;
  }

  /**
   * The licence the licence server would give this session for all its key ids (ADR 50): the same
   * decision on the rules the start has just applied, audited the same way. Refused, the answer
   * carries none, and the player's own licence request then gets the refusal with its named rule.
   */
  private String inlineLicence(
      SessionService.Started started, Map<String, String> kids, String region) {
    if (kids.isEmpty()) {
      return null;
    }
    List<UUID> ids = kids.values().stream().map(UUID::fromString).toList();
    try {
      Granted granted = licences.decideForStart(started, ids, region);
      return JwkSets.of(granted.keys(), "temporary");
    } catch (LicenceDenied denied) {
      return null;
    }
  }

  private Resume resume(PlaybackSession s) {
    return positions
        .resume(s)
        .filter(p -> !p.watched())
        .map(p -> new Resume(p.positionMs() / 1000.0, p.deviceId().toString(), p.clientTime()))
        .orElse(new Resume(0, null, null));
  }

  private Manifests manifests(UUID session) {
    String dash = "/api/playback/manifests/" + session + "/manifest.mpd";
    String hls = "/api/playback/manifests/" + session + "/master.m3u8";
    return new Manifests(
        dash,
        hls,
        dash + "?ticket=" + sessions.ticket(session, dash),
        hls + "?ticket=" + sessions.ticket(session, hls),
        sessions.ticketsExpireAt());
  }

  private static int heartbeatSeconds(PlaybackSession s) {
    long window = s.expiresAt().getEpochSecond() - s.createdAt().getEpochSecond();
    return (int) Math.max(1, window / 3);
  }

  private UUID me() {
    return caller.accountId();
  }

  private static UUID uuid(String value, String field) {
    try {
      return UUID.fromString(value.strip());
    } catch (IllegalArgumentException e) {
      throw ProblemException.badRequest("invalid-id", field + " must be a UUID, not " + value);
    }
  }
}
