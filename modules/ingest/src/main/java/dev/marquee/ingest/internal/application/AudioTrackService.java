package dev.marquee.ingest.internal.application;

import dev.marquee.catalog.api.CatalogFacade;
import dev.marquee.catalog.api.TitleId;
import dev.marquee.ingest.api.AddedAudio;
import dev.marquee.ingest.api.AudioTrackAdded;
import dev.marquee.ingest.internal.domain.AudioTrackRepository;
import dev.marquee.media.api.AcceptedContainers;
import dev.marquee.media.api.MediaInfo;
import dev.marquee.media.api.MediaProbe;
import dev.marquee.media.api.MediaProbeException;
import dev.marquee.media.api.UnsupportedContainerException;
import dev.marquee.platform.api.ObjectStorage;
import dev.marquee.platform.api.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Adds an audio track to a title after its master: another language, or audio description. The file
 * is streamed to a temporary file (never held in memory), probed, stored as sent and recorded; then
 * transcode encodes it into one more audio rendition. A file that is refused leaves nothing.
 */
@ApplicationScoped
public class AudioTrackService {
  private static final Logger LOG = Logger.getLogger(AudioTrackService.class.getName());
  @Inject CatalogFacade catalog;
  @Inject ObjectStorage storage;
  @Inject AudioTrackRepository tracks;
  @Inject TitleOwnership ownership;
  @Inject LanguageCodes languages;
  @Inject Event<AudioTrackAdded> added;

  /**
   * A feature's 5.1 WAV runs to a few gigabytes; compressed tracks are far smaller. 5 GiB is also
   * the largest object one S3 PUT stores.
   */
  @Inject
  @ConfigProperty(name = "marquee.ingest.max-audio-bytes", defaultValue = "5368709120")
  long maxBytes;

  /** How far an added track's length may be from the title's: one 2 s segment. */
  static final long LENGTH_TOLERANCE_MILLIS = 2000;

  public AddedAudio add(
      UUID caller, boolean admin, UUID titleId, String language, String role, InputStream body) {
    ownership.check(caller, admin, titleId);
    String code = languages.checked(language);
    String kind = role == null || role.isBlank() ? AddedAudio.MAIN : role.strip();
    if (!List.of(AddedAudio.MAIN, AddedAudio.DESCRIPTION).contains(kind)) {
      throw ProblemException.badRequest(
          "invalid-role",
          "role must be main or description (audio description), not " + role + ".");
    }
    Path local = null;
    try {
      local = Files.createTempFile("marquee-audio-", ".bin");
      String sha256 = copy(body, local);
      MediaInfo media = MediaProbe.probe(local, AcceptedContainers.AUDIO_TRACKS, header -> {});
      MediaInfo.AudioTrack audio = firstAudio(media);
      long millis = Math.round(media.durationSeconds() * 1000);
      Long titleMillis =
          catalog.title(new TitleId(titleId)).map(t -> t.durationMillis()).orElse(null);
      if (titleMillis != null && Math.abs(millis - titleMillis) > LENGTH_TOLERANCE_MILLIS) {
        throw rejected(
            "duration-mismatch",
            "The audio lasts "
                + millis / 1000.0
                + " s and the title "
                + titleMillis / 1000.0
                + " s; an added track must match the title within "
                + LENGTH_TOLERANCE_MILLIS / 1000
                + " s.");
      }
      String key =
          "titles/" + titleId + "/audio-sources/" + code + "-" + kind + "-" + sha256 + ".bin";
      storage.put(key, local, "application/octet-stream");
      AddedAudio track =
          new AddedAudio(code, kind, key, audio.index(), audio.codec(), audio.channels(), millis);
      tracks.put(titleId, track, caller);
      // Observers (transcode) start encoding it now; the track is recorded whatever they do, and
      // the title's transcode job also encodes added tracks when it runs or is restarted.
      try {
        added.fire(new AudioTrackAdded(new TitleId(titleId), track));
      } catch (RuntimeException e) {
        LOG.warning(
            () -> "Audio " + code + " of title " + titleId + " kept; encoding not started: " + e);
      }
      return track;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot keep the audio file", e);
    } catch (UnsupportedContainerException e) {
      throw new ProblemException(
          422,
          "unsupported-container",
          "Audio rejected",
          e.getMessage(),
          Map.of("container", e.container(), "accepted", e.accepted().demuxers()));
    } catch (MediaProbeException e) {
      throw rejected(
          e.reason() == MediaProbeException.Reason.NOT_MEDIA ? "not-audio" : "corrupt-audio",
          e.getMessage());
    } finally {
      if (local != null) {
        try {
          Files.deleteIfExists(local);
        } catch (IOException e) {
          // A temporary file left behind does not change the outcome.
        }
      }
    }
  }

  public List<AddedAudio> list(UUID caller, boolean admin, UUID titleId) {
    ownership.check(caller, admin, titleId);
    return tracks.ofTitle(titleId);
  }

  /**
   * Copies the body to the file, refusing it past the limit; returns its SHA-256's first 8 bytes.
   */
  private String copy(InputStream body, Path file) throws IOException {
    MessageDigest sha;
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
    long copied = 0;
    byte[] buffer = new byte[1 << 16];
    try (InputStream in = new DigestInputStream(body, sha);
        OutputStream out = Files.newOutputStream(file)) {
      for (int n; (n = in.read(buffer)) > 0; ) {
        copied += n;
        if (copied > maxBytes) {
          throw new ProblemException(
              413,
              "audio-too-large",
              "Audio file too large",
              "Audio files may have at most " + maxBytes + " bytes.");
        }
        out.write(buffer, 0, n);
      }
    }
    if (copied == 0) {
      throw ProblemException.badRequest(
          "empty-audio", "The request has no audio file in its body.");
    }
    return HexFormat.of().formatHex(sha.digest(), 0, 8);
  }

  private static MediaInfo.AudioTrack firstAudio(MediaInfo media) {
    if (media.audio().isEmpty()) {
      throw rejected("not-audio", "The file has no audio stream.");
    }
    if (media.durationSeconds() <= 0) {
      throw rejected("zero-duration", "The audio has no duration.");
    }
    return media.audio().get(0);
  }

  private static ProblemException rejected(String type, String detail) {
    return new ProblemException(422, type, "Audio rejected", detail);
  }
}
