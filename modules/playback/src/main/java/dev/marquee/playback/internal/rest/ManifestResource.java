package dev.marquee.playback.internal.rest;

import dev.marquee.catalog.api.TitleId;
import dev.marquee.drm.api.PlaybackGrant;
import dev.marquee.ingest.api.IngestFacade;
import dev.marquee.platform.api.ProblemException;
import dev.marquee.playback.internal.manifest.DashManifest;
import dev.marquee.playback.internal.manifest.HlsPlaylists;
import dev.marquee.playback.internal.manifest.ManifestInput;
import dev.marquee.playback.internal.origin.OriginSigner;
import dev.marquee.playback.internal.session.PlaybackSession;
import dev.marquee.playback.internal.session.SessionService;
import dev.marquee.transcode.api.RenditionView;
import dev.marquee.transcode.api.TranscodeFacade;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/**
 * Per-session manifests: private and short-lived (the session token in {@code ?token=} opens them,
 * {@code Cache-Control: private, no-store}), rendered from the segment index with only the rungs
 * the session may play; the segments they point to are public, immutable and encrypted.
 */
@Path("/playback/manifests/{id}")
@RequestScoped
@PermitAll
public class ManifestResource {
  @Inject SessionService sessions;
  @Inject TranscodeFacade transcode;
  @Inject OriginSigner origin;
  @Inject IngestFacade ingest;

  @GET
  @Path("/manifest.mpd")
  public Response dash(@PathParam("id") String id, @QueryParam("token") String token) {
    ManifestInput in = input(id, token, "cenc");
    return privately(DashManifest.render(in), "application/dash+xml");
  }

  @GET
  @Path("/master.m3u8")
  public Response hls(@PathParam("id") String id, @QueryParam("token") String token) {
    ManifestInput in = input(id, token, "cbcs");
    String base = "/api/playback/manifests/" + id + "/media/";
    String query = "?token=" + encode(token);
    return privately(
        HlsPlaylists.multivariant(in, name -> base + name + ".m3u8" + query),
        "application/vnd.apple.mpegurl");
  }

  @GET
  @Path("/media/{name}.m3u8")
  public Response hlsMedia(
      @PathParam("id") String id,
      @PathParam("name") String name,
      @QueryParam("token") String token) {
    ManifestInput in = input(id, token, "cbcs");
    for (ManifestInput.Subtitle t : in.subtitles()) {
      if (t.name().equals(name)) {
        return privately(HlsPlaylists.subtitles(in, t), "application/vnd.apple.mpegurl");
      }
    }
    RenditionView rendition =
        java.util.stream.Stream.concat(in.video().stream(), in.audio().stream())
            .filter(r -> r.name().equals(name))
            .findFirst()
            .orElseThrow(
                () ->
                    ProblemException.notFound(
                        "rendition-not-found", "This session has no rendition " + name + "."));
    return privately(HlsPlaylists.media(in, rendition), "application/vnd.apple.mpegurl");
  }

  private ManifestInput input(String id, String token, String scheme) {
    if (token == null || token.isBlank()) {
      throw new ProblemException(
          401, "session-token-missing", "Authentication required", "Add the session's ?token=.");
    }
    PlaybackGrant grant = sessions.verify(token.strip());
    if (!grant.sessionId().toString().equals(id)) {
      throw ProblemException.forbidden(
          "session-token-invalid", "The token belongs to another session.");
    }
    PlaybackSession session = sessions.owned(grant.account().value(), UUID.fromString(id));
    List<RenditionView> all = transcode.renditions(new TitleId(session.titleId()));
    List<RenditionView> video =
        all.stream()
            .filter(r -> r.kind().equals("VIDEO") && r.height() <= session.maxHeight())
            .filter(r -> r.schemes().contains(scheme))
            .toList();
    List<RenditionView> audio =
        all.stream().filter(r -> r.kind().equals("AUDIO") && r.schemes().contains(scheme)).toList();
    if (video.isEmpty()) {
      throw ProblemException.notFound(
          "no-playable-rendition", "The title has no rendition this session may play.");
    }
    String prefix = titlePrefix(video.get(0).initKey());
    String sessionQuery = "session=" + encode(token.strip());
    String subtitleQuery = origin.queryFor("titles/" + session.titleId() + "/subtitles/");
    List<ManifestInput.Subtitle> subtitles =
        ingest.subtitles(new TitleId(session.titleId())).stream()
            .map(
                f ->
                    new ManifestInput.Subtitle(
                        f.language(), "/api/origin/" + f.storageKey() + "?" + subtitleQuery))
            .sorted(java.util.Comparator.comparing(ManifestInput.Subtitle::language))
            .toList();
    return new ManifestInput(
        video,
        audio,
        subtitles,
        scheme,
        origin.queryFor(prefix),
        "/api/drm/licenses/clearkey?" + sessionQuery,
        "/api/drm/licenses/hls/{keyId}?" + sessionQuery);
  }

  /** {@code titles/<title>/<job>/} of an object key. */
  private static String titlePrefix(String key) {
    String[] parts = key.split("/", 4);
    return parts[0] + "/" + parts[1] + "/" + parts[2] + "/";
  }

  private static Response privately(String body, String type) {
    return Response.ok(body, type)
        .header("Cache-Control", "private, no-store")
        .header("Access-Control-Allow-Origin", "*")
        .build();
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
