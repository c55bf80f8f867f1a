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
import java.util.concurrent.TimeUnit;

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
  public String process() throws InterruptedException {
    UUID id = UUID.fromString(jobId);
    TranscodeJob job = ledger.job(id);
    // The title's transcode may still run: its audio step encodes the tracks added before it, so
    // this job waits for it to end and then adds only what that step did not see.
    long deadline = System.nanoTime() + TimeUnit.HOURS.toNanos(12);
    while (job.state() != TranscodeJob.State.PUBLISHED
        && job.state() != TranscodeJob.State.FAILED
        && System.nanoTime() < deadline) {
      Thread.sleep(2000);
      job = ledger.job(id);
    }
    if (job.state() != TranscodeJob.State.PUBLISHED) {
      return "the title's transcode " + job.state() + "; its audio step adds the track on restart";
    }
    TranscodeJob published = job;
    AddedAudio track =
        ingest
            .addedAudio(new TitleId(published.titleId()), language, role)
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "title "
                            + published.titleId()
                            + " has no "
                            + role
                            + " audio in "
                            + language));
    if (!track.storageKey().equals(storageKey)) {
      return "replaced since by " + track.storageKey() + "; left to its own job";
    }
    AudioRenditions.Source source = AudioRenditions.Source.added(track);
    String folder = "/" + source.folder() + "/";
    if (ledger.renditions(id).stream()
        .anyMatch(r -> r.name().equals(source.name()) && r.initKey().contains(folder))) {
      return source.name() + " already encoded from this file";
    }
    audio.encode(published, source);
    return "encoded " + source.name();
  }
}
