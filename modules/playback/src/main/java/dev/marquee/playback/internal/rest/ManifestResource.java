package dev.marquee.playback.internal.rest;

import dev.marquee.platform.api.ProblemException;
import dev.marquee.platform.api.TokenIdentity;
import dev.marquee.playback.internal.application.SessionManifests;
import dev.marquee.playback.internal.application.SessionService;
import dev.marquee.playback.internal.domain.PlaybackGrant;
import dev.marquee.playback.internal.domain.PlaybackSession;
import dev.marquee.playback.internal.manifest.DashManifest;
import dev.marquee.playback.internal.manifest.HlsKeyFormat;
import dev.marquee.playback.internal.manifest.HlsPlaylists;
import dev.marquee.playback.internal.manifest.ManifestInput;
import dev.marquee.transcode.api.RenditionView;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.stream.Stream;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * Per-session manifests: private ({@code Cache-Control: private, no-store}, no CORS wildcard),
 * rendered from the segment index with only the rungs the session may play; the segments they point
 * to are public, immutable and encrypted. A manifest opens with the session token in the {@code
 * X-Playback-Session} header, or with a URL ticket for that one manifest ({@code ?ticket=}, for
 * players that cannot send headers). The URLs inside follow the request: asked with the header, the
 * licence, key and media playlist URLs carry no credential (the player sends the header there too);
 * asked with a ticket, each of them carries a ticket of its own (ADR 15).
 */
@TokenIdentity
@Path("/playback/manifests/{id}")
@RequestScoped
@PermitAll
public class ManifestResource {
  @Inject SessionService sessions;
  @Inject SessionManifests manifests;
  @Context UriInfo uri;

  @HeaderParam(SessionCredentials.HEADER)
  String header;

  @QueryParam("ticket")
  String ticket;

  @QueryParam("token")
  String tokenInUrl;

  @QueryParam("session")
  String sessionInUrl;

  /** HLS only: name the key in one format (ADR 29); both when absent. */
  @QueryParam("keyformat")
  String keyFormat;

  @GET
  @Path("/manifest.mpd")
  @Operation(summary = "Get a session's DASH manifest")
  @APIResponse(
      responseCode = "200",
      description = "The MPD",
      content =
          @Content(mediaType = "application/dash+xml", schema = @Schema(type = SchemaType.STRING)))
  @Extension(name = "x-public", value = "true", parseValue = true)
  @APIResponse(
      responseCode = "401",
      description =
          "session-expired, session-token-in-url, session-token-invalid, session-token-missing")
  @APIResponse(
      responseCode = "403",
      description = "session-ended, session-expired, session-token-invalid")
  @APIResponse(responseCode = "404", description = "no-playable-rendition, session-not-found")
  public Response dash(@PathParam("id") String id) {
    ManifestInput in = input(id, "cenc");
    return privately(DashManifest.render(in), "application/dash+xml");
  }

  @GET
  @Path("/master.m3u8")
  @Operation(summary = "Get a session's HLS master playlist")
  @APIResponse(
      responseCode = "200",
      description = "The master playlist",
      content =
          @Content(
              mediaType = "application/vnd.apple.mpegurl",
              schema = @Schema(type = SchemaType.STRING)))
  @Extension(name = "x-public", value = "true", parseValue = true)
  @APIResponse(
      responseCode = "401",
      description =
          "session-expired, session-token-in-url, session-token-invalid, session-token-missing")
  @APIResponse(
      responseCode = "403",
      description = "session-ended, session-expired, session-token-invalid")
  @APIResponse(responseCode = "404", description = "no-playable-rendition, session-not-found")
  public Response hls(@PathParam("id") String id) {
    HlsKeyFormat.requested(keyFormat);
    ManifestInput in = input(id, "cbcs");
    String base = "/api/playback/manifests/" + id + "/media/";
    return privately(
        HlsPlaylists.multivariant(in, name -> mediaPlaylist(id, base + name + ".m3u8")),
        "application/vnd.apple.mpegurl");
  }

  @GET
  @Path("/media/{name}.m3u8")
  @Operation(summary = "Get a session's HLS media playlist")
  @APIResponse(
      responseCode = "200",
      description = "The media playlist",
      content =
          @Content(
              mediaType = "application/vnd.apple.mpegurl",
              schema = @Schema(type = SchemaType.STRING)))
  @Extension(name = "x-public", value = "true", parseValue = true)
  @APIResponse(
      responseCode = "401",
      description =
          "session-expired, session-token-in-url, session-token-invalid, session-token-missing")
  @APIResponse(
      responseCode = "403",
      description = "session-ended, session-expired, session-token-invalid")
  @APIResponse(
      responseCode = "404",
      description = "no-playable-rendition, rendition-not-found, session-not-found")
  public Response hlsMedia(@PathParam("id") String id, @PathParam("name") String name) {
    ManifestInput in = input(id, "cbcs");
    for (ManifestInput.Subtitle t : in.subtitles()) {
      if (t.name().equals(name)) {
        return privately(HlsPlaylists.subtitles(in, t), "application/vnd.apple.mpegurl");
      }
    }
    if (in.thumbnails() != null && in.thumbnails().name().equals(name)) {
      return privately(HlsPlaylists.images(in, in.thumbnails()), "application/vnd.apple.mpegurl");
    }
    RenditionView rendition =
        Stream.concat(in.video().stream(), in.audio().stream())
            .filter(r -> r.name().equals(name))
            .findFirst()
            .orElseThrow(
                () ->
                    ProblemException.notFound(
                        "rendition-not-found", "This session has no rendition " + name + "."));
    return privately(
        HlsPlaylists.media(in, rendition, HlsKeyFormat.requested(keyFormat)),
        "application/vnd.apple.mpegurl");
  }

  /** The session this request opens: by the header's token, else by the URL's ticket. */
  private PlaybackGrant grant(String id) {
    SessionCredentials.refuseTokenInUrl(tokenInUrl, sessionInUrl);
    PlaybackGrant grant;
    if (SessionCredentials.present(header)) {
      grant = sessions.verify(header.strip());
    } else if (SessionCredentials.present(ticket)) {
      grant = sessions.verifyUrlTicket(uri.getRequestUri().getRawPath(), ticket.strip());
    } else {
      throw new ProblemException(
          401,
          "session-token-missing",
          "Authentication required",
          "Send the session's token in the "
              + SessionCredentials.HEADER
              + " header (or open a ticketed manifest URL).");
    }
    if (!grant.sessionId().toString().equals(id)) {
      throw ProblemException.forbidden(
          "session-token-invalid", "The token belongs to another session.");
    }
    return grant;
  }

  /**
   * A URL inside a manifest: as it is when the player sends the header, with a ticket of its own
   * when the manifest itself was opened by a ticket.
   */
  private String credentialed(String id, String path) {
    if (SessionCredentials.present(header)) {
      return path;
    }
    return path + "?ticket=" + sessions.ticket(UUID.fromString(id), path);
  }

  /** A media playlist's URL: a chosen key format carries on (tickets sign the path only). */
  private String mediaPlaylist(String id, String path) {
    String url = credentialed(id, path);
    if (keyFormat == null || keyFormat.isBlank()) {
      return url;
    }
    return url
        + (url.contains("?") ? "&" : "?")
        + "keyformat="
        + URLEncoder.encode(keyFormat.strip(), StandardCharsets.UTF_8);
  }

  private ManifestInput input(String id, String scheme) {
    PlaybackGrant grant = grant(id);
    PlaybackSession session = sessions.owned(grant.account().value(), UUID.fromString(id));
    return manifests.input(session, scheme, path -> credentialed(id, path));
  }

  /** No CORS header: the player is served from the same origin (cross-origin: ADR 15). */
  private static Response privately(String body, String type) {
    return Response.ok(body, type).header("Cache-Control", "private, no-store").build();
  }
}
