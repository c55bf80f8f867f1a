package dev.marquee.transcode.internal.batch;

import dev.marquee.catalog.api.TitleId;
import dev.marquee.ingest.api.AddedAudio;
import dev.marquee.ingest.api.IngestFacade;
import dev.marquee.transcode.internal.application.TranscodeLedger;
import dev.marquee.transcode.internal.domain.TranscodeJob;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.api.BatchProperty;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.UUID;

/**
 * The one step of the add-audio job: encodes an audio track added to a title after its master into
 * an audio rendition of the title's transcode job, beside the master's own tracks. The file named
 * in the job is the one encoded; if the track was replaced since, the newer job does it.
 */
@Named("addedAudioBatchlet")
@Dependent
public class AddedAudioBatchlet extends AbstractBatchlet {
  @Inject
  @BatchProperty(name = "jobId")
  String jobId;

  @Inject
  @BatchProperty(name = "language")
  String language;

  @Inject
  @BatchProperty(name = "role")
  String role;

  @Inject
  @BatchProperty(name = "storageKey")
  String storageKey;

  @Inject TranscodeLedger ledger;
  @Inject IngestFacade ingest;
  @Inject AudioRenditions audio;

  @Override
  public String process() {
    TranscodeJob job = ledger.job(UUID.fromString(jobId));
    AddedAudio track =
        ingest
            .addedAudio(new TitleId(job.titleId()), language, role)
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "title " + job.titleId() + " has no " + role + " audio in " + language));
    if (!track.storageKey().equals(storageKey)) {
      return "replaced since by " + track.storageKey() + "; left to its own job";
    }
    String name = AudioRenditions.addedName(language, role);
    audio.encode(
        job,
        new AudioRenditions.Source(track.storageKey(), track.streamIndex(), name, language, role));
    return "encoded " + name;
  }
}
