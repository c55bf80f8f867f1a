package dev.marquee.transcode.internal.batch;

import dev.marquee.catalog.api.TitleId;
import dev.marquee.drm.api.ContentKey;
import dev.marquee.drm.api.DrmFacade;
import dev.marquee.drm.api.TrackType;
import dev.marquee.ingest.api.IngestFacade;
import dev.marquee.media.api.MediaInfo;
import dev.marquee.platform.api.ObjectStorage;
import dev.marquee.transcode.api.RenditionView;
import dev.marquee.transcode.internal.application.TranscodeLedger;
import dev.marquee.transcode.internal.cmaf.CmafWriter;
import dev.marquee.transcode.internal.cmaf.Protection;
import dev.marquee.transcode.internal.cmaf.TrackFormat;
import dev.marquee.transcode.internal.domain.Rendition;
import dev.marquee.transcode.internal.domain.Segment;
import dev.marquee.transcode.internal.domain.TranscodeJob;
import dev.marquee.transcode.internal.encode.AudioEncoder;
import dev.marquee.transcode.internal.encode.AudioSegmenter;
import dev.marquee.transcode.internal.encode.EncodedAudio;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.api.BatchProperty;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Step 3: every audio track of the master, encoded once (AAC-LC 48 kHz stereo) and cut into
 * segments along the video chunks; one audio rendition per track, named by its language.
 */
@Named("audioTranscodeBatchlet")
@Dependent
public class AudioTranscodeBatchlet extends AbstractBatchlet {
  @Inject
  @BatchProperty(name = "jobId")
  String jobId;

  @Inject TranscodeLedger ledger;
  @Inject IngestFacade ingest;
  @Inject ObjectStorage storage;
  @Inject TranscodeSettings settings;
  @Inject DrmFacade drm;

  @Inject
  @ConfigProperty(name = "marquee.transcode.audio-bitrate", defaultValue = "128000")
  long bitrate;

  @Override
  public String process() {
    UUID id = UUID.fromString(jobId);
    if (ledger.renditions(id).stream().anyMatch(r -> r.kind() == Rendition.Kind.AUDIO)) {
      return "audio already encoded";
    }
    TranscodeJob job = ledger.job(id);
    MediaInfo media = ingest.master(new TitleId(job.titleId())).orElseThrow().media();
    double segmentSeconds = job.chunkFrames() / job.frameRate().fps();
    String master = storage.presignGet(job.masterKey(), Duration.ofHours(6)).toString();
    List<String> names = new ArrayList<>();
    for (MediaInfo.AudioTrack track : media.audio()) {
      String name = uniqueName(track, names);
      names.add(name);
      EncodedAudio audio = new AudioEncoder(bitrate).encode(master, track.index());
      TrackFormat.Audio format =
          new TrackFormat.Audio(
              audio.channels(), audio.sampleRate(), audio.audioSpecificConfig(), track.language());
      String prefix = job.outputPrefix() + "/audio/" + name + "/" + RenditionView.SCHEME;
      String initKey = prefix + "/init.mp4";
      ContentKey key = drm.contentKey(new TitleId(job.titleId()), TrackType.AUDIO);
      for (Protection.Scheme scheme : settings.schemes()) {
        storage.put(
            Protections.key(initKey, scheme),
            CmafWriter.initSegment(
                format, ChunkEncodeBatchlet.TRACK_ID, Protections.of(scheme, key, job, name)),
            "audio/mp4");
      }
      List<AudioSegmenter.AudioSegment> segments =
          AudioSegmenter.split(
              audio.frames(),
              segmentSeconds,
              audio.sampleRate(),
              job.totalFrames() / job.frameRate().fps());
      long total = 0;
      long peak = 0;
      List<byte[]> bodies = new ArrayList<>();
      for (int i = 0; i < segments.size(); i++) {
        AudioSegmenter.AudioSegment segment = segments.get(i);
        byte[] body = null;
        for (Protection.Scheme scheme : settings.schemes()) {
          byte[] encrypted =
              CmafWriter.mediaSegment(
                  i + 1,
                  ChunkEncodeBatchlet.TRACK_ID,
                  segment.baseDecodeTime(),
                  segment.frames(),
                  format,
                  Protections.of(scheme, key, job, name));
          storage.put(
              Protections.key(prefix + "/seg-" + (i + 1) + ".m4s", scheme), encrypted, "audio/mp4");
          body = body == null || encrypted.length > body.length ? encrypted : body;
        }
        bodies.add(body);
        total += body.length;
        peak =
            Math.max(peak, Math.round(body.length * 8.0 * audio.sampleRate() / segment.duration()));
      }
      long samples = segments.stream().mapToLong(AudioSegmenter.AudioSegment::duration).sum();
      Rendition rendition =
          new Rendition(
              job.titleId(),
              id,
              Rendition.Kind.AUDIO,
              name,
              null,
              null,
              track.language(),
              format.codecs(),
              audio.sampleRate(),
              bitrate,
              Math.round(total * 8.0 * audio.sampleRate() / samples),
              peak,
              initKey,
              segments.size());
      rendition.protectedBy(key.keyId(), settings.schemeNames());
      List<Segment> rows = new ArrayList<>();
      for (int i = 0; i < segments.size(); i++) {
        rows.add(
            new Segment(
                rendition.id(),
                i,
                segments.get(i).baseDecodeTime(),
                segments.get(i).duration(),
                bodies.get(i).length,
                prefix + "/seg-" + (i + 1) + ".m4s"));
      }
      ledger.record(rendition, rows);
    }
    return "encoded " + names.size() + " audio tracks";
  }

  /** Renditions are named by language ({@code audio-eng}), numbered when a language repeats. */
  private static String uniqueName(MediaInfo.AudioTrack track, List<String> taken) {
    String base =
        "audio-"
            + (track.language() == null
                ? "und"
                : track.language().toLowerCase(java.util.Locale.ROOT));
    String name = base;
    for (int n = 2; taken.contains(name); n++) {
      name = base + "-" + n;
    }
    return name;
  }
}
