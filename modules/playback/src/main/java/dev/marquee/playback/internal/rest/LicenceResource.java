package dev.marquee.playback.internal.rest;

import dev.marquee.drm.api.ContentKey;
import dev.marquee.platform.api.MaxBodySize;
import dev.marquee.platform.api.ProblemException;
import dev.marquee.platform.api.TokenIdentity;
import dev.marquee.playback.internal.application.LicenceService;
import dev.marquee.playback.internal.application.LicenceService.Ask;
import dev.marquee.playback.internal.application.LicenceService.Credential;
import dev.marquee.playback.internal.application.LicenceService.Granted;
import dev.marquee.playback.internal.domain.ClearKeyRequest;
import dev.marquee.playback.internal.domain.LicenceDenied;
import dev.marquee.playback.internal.persistence.OfflineLicenceStore;
import dev.marquee.playback.internal.persistence.OfflineLicenceStore.OfflineLicence;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * The licence server. Players send the W3C ClearKey request with their playback-session token in
 * the {@code X-Playback-Session} header and get a JWK set; HLS players fetch one raw key per URI.
 * Where a player cannot set headers (a licence URL in an MPD, an HLS key URI), the URL carries a
 * short-lived ticket for exactly that URL ({@code ?ticket=}); a session token in the query ({@code
 * ?session=}, {@code ?token=}) is refused (ADR 15). The session is the credential: no access token.
 */
@TokenIdentity
@Path("/drm/licenses")
@ApplicationScoped
@PermitAll
public class LicenceResource {
  static final String SESSION_HEADER = "X-Playback-Session";

  @Inject LicenceService licences;
  @Inject OfflineLicenceStore offline;

  /**
   * The country header set by a trusted edge (CDN or load balancer that strips it from clients).
   * Unset (the default): client headers are ignored and the account's country counts.
   */
  @Inject
  @ConfigProperty(name = "marquee.drm.region-header")
  Optional<String> regionHeader;

  // One instance serves every request (a request-scoped resource cost about an eighth of a
  // licence's CPU in bean creation and injection): these are proxies to the current request's.
  @Context HttpHeaders headers;
  @Context UriInfo uri;

  @MaxBodySize(ClearKeyRequest.MAX_BODY)
  @POST
  @Path("/clearkey")
  @Consumes(MediaType.WILDCARD)
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(summary = "Get a ClearKey licence for a playback session")
  @APIResponse(
      responseCode = "200",
      description = "A temporary licence: the granted keys as a JWK set (type temporary)",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema =
                  @Schema(
                      type = SchemaType.OBJECT,
                      properties = {
                        @SchemaProperty(
                            name = "keys",
                            type = SchemaType.ARRAY,
                            implementation = Object.class,
                            description =
                                "JSON Web Keys (RFC 7517): kty oct, kid and k, both base64url"),
                        @SchemaProperty(name = "type", type = SchemaType.STRING)
                      })),
      headers = {
        @Header(
            name = "Cache-Control",
            description = "no-store",
            schema = @Schema(type = SchemaType.STRING))
      })
  @APIResponse(
      responseCode = "201",
      description =
          "A persistent licence (request type persistent-license): the keys, the licence id and its limits",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema =
                  @Schema(
                      type = SchemaType.OBJECT,
                      properties = {
                        @SchemaProperty(
                            name = "keys",
                            type = SchemaType.ARRAY,
                            implementation = Object.class,
                            description =
                                "JSON Web Keys (RFC 7517): kty oct, kid and k, both base64url"),
                        @SchemaProperty(name = "type", type = SchemaType.STRING),
                        @SchemaProperty(
                            name = "licenceId",
                            type = SchemaType.STRING,
                            format = "uuid"),
                        @SchemaProperty(
                            name = "expiresAt",
                            type = SchemaType.STRING,
                            format = "date-time"),
                        @SchemaProperty(name = "playSeconds", type = SchemaType.INTEGER)
                      })),
      headers = {
        @Header(
            name = "Cache-Control",
            description = "no-store",
            schema = @Schema(type = SchemaType.STRING))
      })
  @Extension(name = "x-public", value = "true", parseValue = true)
  @APIResponse(responseCode = "400", description = "invalid-licence-request, missing-body")
  @APIResponse(responseCode = "401", description = "session-token-in-url, session-token-missing")
  @APIResponse(
      responseCode = "403",
      description =
          "account-closed, concurrent-streams, device-removed, maturity-cap, not-entitled, offline-limit, offline-not-allowed, outside-availability-window, plan-resolution, profile-removed, region-blocked, region-unknown, security-level, title-unavailable, unknown-key-id")
  @APIResponse(responseCode = "413", description = "body-too-large")
  public Response clearKey(
      String body,
      @HeaderParam(SESSION_HEADER) String header,
      @QueryParam("session") String query,
      @QueryParam("token") String tokenInUrl,
      @QueryParam("ticket") String ticket) {
    ClearKeyRequest request = ClearKeyRequest.parse(body);
    Credential credential = credential(header, query, tokenInUrl, ticket);
    if (request.type().equals("persistent-license")) {
      return persistent(request, credential);
    }
    Granted granted = licences.decide(new Ask("STREAMING", credential, request.kids(), region()));
    return Response.ok(JwkSets.of(granted.keys(), "temporary"))
        .header("Cache-Control", "no-store")
        .header("X-Licence-Expires", DateTimeFormatter.ISO_INSTANT.format(granted.expiresAt()))
        .build();
  }

  /** An offline (persistent) licence for a download: needs offline rights and a free slot. */
  @MaxBodySize(ClearKeyRequest.MAX_BODY)
  @POST
  @Path("/offline")
  @Consumes(MediaType.WILDCARD)
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(summary = "Get an offline (persistent) licence for a download")
  @APIResponse(
      responseCode = "201",
      description = "A persistent licence: the keys, the licence id and its limits",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema =
                  @Schema(
                      type = SchemaType.OBJECT,
                      properties = {
                        @SchemaProperty(
                            name = "keys",
                            type = SchemaType.ARRAY,
                            implementation = Object.class,
                            description =
                                "JSON Web Keys (RFC 7517): kty oct, kid and k, both base64url"),
                        @SchemaProperty(name = "type", type = SchemaType.STRING),
                        @SchemaProperty(
                            name = "licenceId",
                            type = SchemaType.STRING,
                            format = "uuid"),
                        @SchemaProperty(
                            name = "expiresAt",
                            type = SchemaType.STRING,
                            format = "date-time"),
                        @SchemaProperty(name = "playSeconds", type = SchemaType.INTEGER)
                      })),
      headers = {
        @Header(
            name = "Cache-Control",
            description = "no-store",
            schema = @Schema(type = SchemaType.STRING))
      })
  @Extension(name = "x-public", value = "true", parseValue = true)
  @APIResponse(responseCode = "400", description = "invalid-licence-request, missing-body")
  @APIResponse(responseCode = "401", description = "session-token-in-url, session-token-missing")
  @APIResponse(
      responseCode = "403",
      description =
          "account-closed, concurrent-streams, device-removed, maturity-cap, not-entitled, offline-limit, offline-not-allowed, outside-availability-window, plan-resolution, profile-removed, region-blocked, region-unknown, security-level, title-unavailable, unknown-key-id")
  @APIResponse(responseCode = "413", description = "body-too-large")
  public Response offline(
      String body,
      @HeaderParam(SESSION_HEADER) String header,
      @QueryParam("session") String query,
      @QueryParam("token") String tokenInUrl,
      @QueryParam("ticket") String ticket) {
    ClearKeyRequest request = ClearKeyRequest.parse(body);
    return persistent(request, credential(header, query, tokenInUrl, ticket));
  }

  private Response persistent(ClearKeyRequest request, Credential credential) {
    OfflineLicence[] issued = new OfflineLicence[1];
    Granted granted =
        licences.decide(
            new Ask("OFFLINE", credential, request.kids(), region()),
            g ->
                issued[0] =
                    offline.issue(
                        g.session().account().value(),
                        g.session().profile().value(),
                        g.session().device().value(),
                        g.session().title().value(),
                        request.kids(),
                        g.playability().offlineLicences()));
    OfflineLicence licence = issued[0];
    String json =
        JwkSets.offline(granted.keys(), licence.id(), licence.expiresAt(), licence.playSeconds());
    return Response.status(201).entity(json).header("Cache-Control", "no-store").build();
  }

  /** HLS key delivery: the raw 16-byte key for one key id, after the same checks. */
  @GET
  @Path("/hls/{kid}")
  @Produces(MediaType.APPLICATION_OCTET_STREAM)
  @Operation(summary = "Get the HLS key for one key id")
  @APIResponse(
      responseCode = "200",
      description = "The 16-byte AES key",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_OCTET_STREAM,
              schema = @Schema(type = SchemaType.STRING, format = "binary")),
      headers = {
        @Header(
            name = "Cache-Control",
            description = "no-store",
            schema = @Schema(type = SchemaType.STRING))
      })
  @Extension(name = "x-public", value = "true", parseValue = true)
  @APIResponse(responseCode = "400", description = "invalid-licence-request, missing-body")
  @APIResponse(responseCode = "401", description = "session-token-in-url, session-token-missing")
  @APIResponse(
      responseCode = "403",
      description =
          "account-closed, concurrent-streams, device-removed, maturity-cap, not-entitled, offline-not-allowed, outside-availability-window, plan-resolution, profile-removed, region-blocked, region-unknown, security-level, title-unavailable, unknown-key-id")
  public Response hlsKey(
      @PathParam("kid") String kid,
      @HeaderParam(SESSION_HEADER) String header,
      @QueryParam("session") String query,
      @QueryParam("token") String tokenInUrl,
      @QueryParam("ticket") String ticket) {
    UUID keyId;
    try {
      keyId = UUID.fromString(kid);
    } catch (IllegalArgumentException e) {
      throw ProblemException.badRequest(
          "invalid-licence-request", "Key id " + kid + " is not a UUID.");
    }
    Credential credential = credential(header, query, tokenInUrl, ticket);
    Granted granted = licences.decide(new Ask("HLS_KEY", credential, List.of(keyId), region()));
    ContentKey key = granted.keys().get(0);
    return Response.ok(key.key()).header("Cache-Control", "no-store").build();
  }

  private String region() {
    return regionHeader.map(headers::getHeaderString).orElse(null);
  }

  /**
   * The header's token, else the URL's ticket for this path. A session token in the query is
   * refused even beside a header: a client that writes it into URLs leaks it into logs.
   */
  private Credential credential(
      String header, String sessionInUrl, String tokenInUrl, String ticket) {
    if (sessionInUrl != null || tokenInUrl != null) {
      throw new LicenceDenied(
          401,
          "session-token-in-url",
          "Playback session tokens are not accepted in URLs: send the token in the "
              + SESSION_HEADER
              + " header.");
    }
    if (header != null && !header.isBlank()) {
      return Credential.token(header.strip());
    }
    if (ticket != null && !ticket.isBlank()) {
      return Credential.ticket(uri.getRequestUri().getRawPath(), ticket.strip());
    }
    throw new LicenceDenied(
        401,
        "session-token-missing",
        "Send the playback session's token in the " + SESSION_HEADER + " header.");
  }
}
