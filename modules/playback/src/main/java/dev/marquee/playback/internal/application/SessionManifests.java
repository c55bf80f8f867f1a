package dev.marquee.playback.internal.application;

import dev.marquee.catalog.api.TitleId;
import dev.marquee.ingest.api.IngestFacade;
import dev.marquee.ingest.api.SubtitleFile;
import dev.marquee.platform.api.ProblemException;
import dev.marquee.playback.internal.domain.OriginSigner;
import dev.marquee.playback.internal.domain.PlaybackSession;
import dev.marquee.playback.internal.manifest.ManifestInput;
import dev.marquee.transcode.api.RenditionView;
import dev.marquee.transcode.api.TranscodeFacade;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Comparator;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * What a session's manifests are made of: the renditions it may play in one encryption scheme, the
 * subtitles, the thumbnails and the signed origin query. Served by the manifest endpoints, and
 * rendered into the session's answer when the player asks for it there (ADR 39).
 */
@ApplicationScoped
public class SessionManifests {
  @Inject TranscodeFacade transcode;
  @Inject IngestFacade ingest;
  @Inject OriginSigner origin;

  /** The session's manifest input, read from the title's published renditions. */
  public ManifestInput input(
      PlaybackSession session, String scheme, UnaryOperator<String> credentialed) {
    TitleId title = new TitleId(session.titleId());
    return input(
        session, transcode.renditions(title), ingest.subtitles(title), scheme, credentialed);
  }

  /**
   * The session's manifest input from renditions and subtitles already read.
   *
   * @param credentialed a licence or key URL as the player will call it (a URL ticket added when
   *     the manifest was opened without the session header)
   */
  public ManifestInput input(
      PlaybackSession session,
      List<RenditionView> all,
      List<SubtitleFile> subtitleFiles,
      String scheme,
      UnaryOperator<String> credentialed) {
    List<RenditionView> video =
        all.stream()
            .filter(r -> r.isVideo() && r.lines() <= session.maxHeight())
            .filter(r -> r.schemes().contains(scheme))
            .toList();
    List<RenditionView> audio =
        all.stream().filter(r -> r.isAudio() && r.schemes().contains(scheme)).toList();
    if (video.isEmpty()) {
      throw ProblemException.notFound(
          "no-playable-rendition", "The title has no rendition this session may play.");
    }
    String prefix = titlePrefix(video.get(0).initKey());
    String subtitleQuery = origin.queryFor("titles/" + session.titleId() + "/subtitles/");
    List<ManifestInput.Subtitle> subtitles =
        subtitleFiles.stream()
            .map(
                f ->
                    new ManifestInput.Subtitle(
                        f.language(), "/api/origin/" + f.storageKey() + "?" + subtitleQuery))
            .sorted(Comparator.comparing(ManifestInput.Subtitle::language))
            .toList();
    RenditionView thumbnails = all.stream().filter(RenditionView::isImage).findFirst().orElse(null);
    return new ManifestInput(
        video,
        audio,
        subtitles,
        thumbnails,
        scheme,
        origin.queryFor(prefix),
        credentialed.apply("/api/drm/licenses/clearkey"),
        keyId -> credentialed.apply("/api/drm/licenses/hls/" + keyId));
  }

  /** {@code titles/<title>/<job>/} of an object key. */
  private static String titlePrefix(String key) {
    String[] parts = key.split("/", 4);
    return parts[0] + "/" + parts[1] + "/" + parts[2] + "/";
  }
}
