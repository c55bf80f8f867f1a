package dev.marquee.drm.internal.rest;

import dev.marquee.drm.api.ContentKey;
import dev.marquee.drm.api.LicenceDenied;
import dev.marquee.drm.internal.licence.ClearKeyRequest;
import dev.marquee.drm.internal.licence.LicenceService;
import dev.marquee.drm.internal.licence.LicenceService.Ask;
import dev.marquee.drm.internal.licence.LicenceService.Granted;
import dev.marquee.drm.internal.licence.OfflineLicences;
import dev.marquee.drm.internal.licence.OfflineLicences.OfflineLicence;
import dev.marquee.platform.api.MaxBodySize;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
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
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The licence server. Players send the W3C ClearKey request with their playback-session token (in
 * {@code X-Playback-Session}, or {@code ?session=} where a player cannot set headers) and get a JWK
 * set; HLS players fetch one raw key per URI. The token is the credential: no access token.
 */
@Path("/drm/licenses")
@RequestScoped
@PermitAll
public class LicenceResource {
  static final String SESSION_HEADER = "X-Playback-Session";

  @Inject LicenceService licences;
  @Inject OfflineLicences offline;

  /**
   * The country header set by a trusted edge (CDN or load balancer that strips it from clients).
   * Unset (the default): client headers are ignored and the account's country counts.
   */
  @Inject
  @ConfigProperty(name = "marquee.drm.region-header")
  java.util.Optional<String> regionHeader;

  @Context HttpHeaders headers;

  @MaxBodySize(ClearKeyRequest.MAX_BODY)
  @POST
  @Path("/clearkey")
  @Consumes(MediaType.WILDCARD)
  @Produces(MediaType.APPLICATION_JSON)
  public Response clearKey(
      String body,
      @HeaderParam(SESSION_HEADER) String header,
      @QueryParam("session") String query) {
    ClearKeyRequest request = ClearKeyRequest.parse(body);
    if (request.type().equals("persistent-license")) {
      return persistent(request, token(header, query));
    }
    Granted granted =
        licences.decide(new Ask("STREAMING", token(header, query), request.kids(), region()));
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
  public Response offline(
      String body,
      @HeaderParam(SESSION_HEADER) String header,
      @QueryParam("session") String query) {
    return persistent(ClearKeyRequest.parse(body), token(header, query));
  }

  private Response persistent(ClearKeyRequest request, String token) {
    OfflineLicence[] issued = new OfflineLicence[1];
    Granted granted =
        licences.decide(
            new Ask("OFFLINE", token, request.kids(), region()),
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
    String jwk = JwkSets.of(granted.keys(), "persistent-license");
    String json =
        jwk.substring(0, jwk.length() - 1)
            + ",\"licenceId\":\""
            + licence.id()
            + "\",\"expiresAt\":\""
            + licence.expiresAt()
            + "\",\"playSeconds\":"
            + licence.playSeconds()
            + "}";
    return Response.status(201).entity(json).header("Cache-Control", "no-store").build();
  }

  /** HLS key delivery: the raw 16-byte key for one key id, after the same checks. */
  @GET
  @Path("/hls/{kid}")
  @Produces(MediaType.APPLICATION_OCTET_STREAM)
  public Response hlsKey(
      @PathParam("kid") String kid,
      @HeaderParam(SESSION_HEADER) String header,
      @QueryParam("session") String query) {
    UUID keyId;
    try {
      keyId = UUID.fromString(kid);
    } catch (IllegalArgumentException e) {
      throw dev.marquee.platform.api.ProblemException.badRequest(
          "invalid-licence-request", "Key id " + kid + " is not a UUID.");
    }
    Granted granted =
        licences.decide(new Ask("HLS_KEY", token(header, query), List.of(keyId), region()));
    ContentKey key = granted.keys().get(0);
    return Response.ok(key.key()).header("Cache-Control", "no-store").build();
  }

  private String region() {
    return regionHeader.map(headers::getHeaderString).orElse(null);
  }

  private static String token(String header, String query) {
    String token = header != null && !header.isBlank() ? header : query;
    if (token == null || token.isBlank()) {
      throw new LicenceDenied(
          401,
          "session-token-missing",
          "Send the playback session's token in the " + SESSION_HEADER + " header.");
    }
    return token.strip();
  }
}
