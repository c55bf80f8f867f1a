package dev.marquee.transcode.internal.batch;

import dev.marquee.catalog.api.TitleId;
import dev.marquee.drm.api.ContentKey;
import dev.marquee.drm.api.DrmFacade;
import dev.marquee.drm.api.TrackType;
import dev.marquee.ingest.api.AddedAudio;
import dev.marquee.platform.api.ObjectStorage;
import dev.marquee.transcode.api.RenditionView;
import dev.marquee.transcode.internal.application.TranscodeLedger;
import dev.marquee.transcode.internal.application.TranscodeSettings;
import dev.marquee.transcode.internal.cmaf.CmafWriter;
import dev.marquee.transcode.internal.cmaf.Protection;
import dev.marquee.transcode.internal.cmaf.TrackFormat;
import dev.marquee.transcode.internal.domain.Rendition;
import dev.marquee.transcode.internal.domain.Segment;
import dev.marquee.transcode.internal.domain.TranscodeJob;
import dev.marquee.transcode.internal.encode.AudioEncoder;
import dev.marquee.transcode.internal.encode.AudioSegmenter;
import dev.marquee.transcode.internal.encode.EncodedAudio;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Encodes one audio stream (of the master, or of a file added later) once as AAC-LC, cuts it into
 * segments along the job's video chunks, stores them encrypted in every scheme and records the
 * rendition in place of any earlier one of the same name.
 */
@ApplicationScoped
public class AudioRenditions {
  @Inject TranscodeLedger ledger;
  @Inject ObjectStorage storage;
  @Inject TranscodeSettings settings;
  @Inject DrmFacade drm;

  @Inject
  @ConfigProperty(name = "marquee.transcode.audio-bitrate", defaultValue = "128000")
  long bitrate;

  /**
   * What to encode: an object in storage, the stream in it, and the rendition it becomes. {@code
   * variant} (null for the master's tracks) tells apart successive files sent for one added track:
   * each gets its own object keys and IVs, so a replaced track never overwrites immutable segments
   * nor encrypts different audio under the same key and IVs.
   */
  public record Source(
      String storageKey,
      int streamIndex,
      String name,
      String language,
      String role,
      String variant) {
    /** An added track's file, as the rendition it becomes. */
    static Source added(AddedAudio track) {
      return new Source(
          track.storageKey(),
          track.streamIndex(),
          addedName(track.language(), track.role()),
          track.language(),
          track.role(),
          variantOf(track.storageKey()));
    }

    String folder() {
      return variant == null ? name : name + "-" + variant;
    }
  }

  public Rendition encode(TranscodeJob job, Source source) {
    String url = storage.presignGet(source.storageKey(), Duration.ofHours(6)).toString();
    EncodedAudio audio = new AudioEncoder(bitrate).encode(url, source.streamIndex());
    TrackFormat.Audio format =
        new TrackFormat.Audio(
            audio.channels(), audio.sampleRate(), audio.audioSpecificConfig(), source.language());
    String prefix = job.outputPrefix() + "/audio/" + source.folder() + "/" + RenditionView.SCHEME;
    String initKey = prefix + "/init.mp4";
    ContentKey key = drm.contentKey(new TitleId(job.titleId()), TrackType.AUDIO);
    for (Protection.Scheme scheme : settings.schemes()) {
      storage.put(
          Protections.key(initKey, scheme),
          CmafWriter.initSegment(
              format,
              ChunkEncodeBatchlet.TRACK_ID,
              Protections.of(scheme, key, job, source.folder())),
          "audio/mp4");
    }
    double segmentSeconds = job.chunkFrames() / job.frameRate().fps();
    List<AudioSegmenter.AudioSegment> segments =
        AudioSegmenter.split(
            audio.frames(),
            segmentSeconds,
            audio.sampleRate(),
            job.totalFrames() / job.frameRate().fps());
    long total = 0;
    long peak = 0;
    List<Integer> sizes = new ArrayList<>();
    for (int i = 0; i < segments.size(); i++) {
      AudioSegmenter.AudioSegment segment = segments.get(i);
      int size = 0;
      for (Protection.Scheme scheme : settings.schemes()) {
        byte[] encrypted =
            CmafWriter.mediaSegment(
                i + 1,
                ChunkEncodeBatchlet.TRACK_ID,
                segment.baseDecodeTime(),
                segment.frames(),
                format,
                Protections.of(scheme, key, job, source.folder()));
        storage.put(
            Protections.key(prefix + "/seg-" + (i + 1) + ".m4s", scheme), encrypted, "audio/mp4");
        size = Math.max(size, encrypted.length);
      }
      sizes.add(size);
      total += size;
      peak = Math.max(peak, Math.round(size * 8.0 * audio.sampleRate() / segment.duration()));
    }
    long samples = segments.stream().mapToLong(AudioSegmenter.AudioSegment::duration).sum();
    Rendition rendition =
        new Rendition(
                job.titleId(),
                job.id(),
                Rendition.Kind.AUDIO,
                source.name(),
                null,
                null,
                source.language(),
                format.codecs(),
                audio.sampleRate(),
                bitrate,
                Math.round(total * 8.0 * audio.sampleRate() / samples),
                peak,
                initKey,
                segments.size())
            .protectedBy(key.keyId(), settings.schemeNames())
            .withRole(source.role());
    List<Segment> rows = new ArrayList<>();
    for (int i = 0; i < segments.size(); i++) {
      rows.add(
          new Segment(
              rendition.id(),
              i,
              segments.get(i).baseDecodeTime(),
              segments.get(i).duration(),
              sizes.get(i),
              prefix + "/seg-" + (i + 1) + ".m4s"));
    }
    ledger.replace(rendition, rows);
    return rendition;
  }

  /** A short name for an added file: the content digest its storage key ends with. */
  public static String variantOf(String storageKey) {
    String file = storageKey.substring(storageKey.lastIndexOf('/') + 1);
    int dot = file.lastIndexOf('.');
    String stem = dot < 0 ? file : file.substring(0, dot);
    return stem.substring(stem.lastIndexOf('-') + 1);
  }

  /**
   * The rendition name of an added track: {@code dub-<lang>} for another language's main audio,
   * {@code ad-<lang>} for audio description (the master's own tracks are {@code audio-<lang>}).
   */
  public static String addedName(String language, String role) {
    return (role.equals("description") ? "ad-" : "dub-") + language;
  }
}
