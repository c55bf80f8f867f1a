package dev.marquee.transcode.internal.batch;

import dev.marquee.catalog.api.TitleId;
import dev.marquee.ingest.api.AddedAudio;
import dev.marquee.ingest.api.IngestFacade;
import dev.marquee.media.api.MediaInfo;
import dev.marquee.transcode.internal.application.TranscodeLedger;
import dev.marquee.transcode.internal.domain.Rendition;
import dev.marquee.transcode.internal.domain.TranscodeJob;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.api.BatchProperty;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Step 3: every audio track of the master, encoded once (AAC-LC 48 kHz stereo) and cut into
 * segments along the video chunks; one audio rendition per track, named by its language; then the
 * audio tracks added to the title since (other languages, audio description). A restarted step
 * skips the renditions it already recorded.
 */
@Named("audioTranscodeBatchlet")
@Dependent
public class AudioTranscodeBatchlet extends AbstractBatchlet {
  @Inject
  @BatchProperty(name = "jobId")
  String jobId;

  @Inject TranscodeLedger ledger;
  @Inject IngestFacade ingest;
  @Inject AudioRenditions audio;

  @Override
  public String process() {
    UUID id = UUID.fromString(jobId);
    TranscodeJob job = ledger.job(id);
    TitleId title = new TitleId(job.titleId());
    MediaInfo media = ingest.master(title).orElseThrow().media();
    List<AudioRenditions.Source> sources = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (MediaInfo.AudioTrack track : media.audio()) {
      String name = uniqueName(track, names);
      names.add(name);
      sources.add(
          new AudioRenditions.Source(
              job.masterKey(), track.index(), name, track.language(), AddedAudio.MAIN, null));
    }
    for (AddedAudio added : ingest.addedAudio(title)) {
      sources.add(AudioRenditions.Source.added(added));
    }
    Set<String> done =
        ledger.renditions(id).stream()
            .filter(r -> r.kind() == Rendition.Kind.AUDIO)
            .map(Rendition::name)
            .collect(Collectors.toSet());
    int encoded = 0;
    for (AudioRenditions.Source source : sources) {
      if (!done.contains(source.name())) {
        audio.encode(job, source);
        encoded++;
      }
    }
    return "encoded " + encoded + " of " + sources.size() + " audio tracks";
  }

  /** Renditions are named by language ({@code audio-eng}), numbered when a language repeats. */
  private static String uniqueName(MediaInfo.AudioTrack track, List<String> taken) {
    String base =
        "audio-" + (track.language() == null ? "und" : track.language().toLowerCase(Locale.ROOT));
    String name = base;
    for (int n = 2; taken.contains(name); n++) {
      name = base + "-" + n;
    }
    return name;
  }
}
