package dev.marquee.transcode.internal.batch;

import dev.marquee.catalog.api.TitleId;
import dev.marquee.ingest.api.IngestFacade;
import dev.marquee.ingest.api.IngestedMaster;
import dev.marquee.media.api.MediaInfo;
import dev.marquee.transcode.internal.application.TranscodeLedger;
import dev.marquee.transcode.internal.application.TranscodeSettings;
import dev.marquee.transcode.internal.domain.FrameRate;
import dev.marquee.transcode.internal.domain.TranscodeJob;
import dev.marquee.transcode.internal.encode.Rung;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.api.BatchProperty;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Step 1: frame rate, chunk length and the rungs this master gets; one task per chunk x rung. */
@Named("transcodePlanner")
@Dependent
public class TranscodePlanner extends AbstractBatchlet {
  @Inject
  @BatchProperty(name = "jobId")
  String jobId;

  @Inject TranscodeLedger ledger;
  @Inject IngestFacade ingest;

  @Inject
  @ConfigProperty(name = "marquee.transcode.chunk-seconds", defaultValue = "2")
  double chunkSeconds;

  @Inject TranscodeSettings settings;

  @Override
  public String process() {
    UUID id = UUID.fromString(jobId);
    TranscodeJob job = ledger.job(id);
    IngestedMaster master =
        ingest
            .master(new TitleId(job.titleId()))
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "title " + job.titleId() + " has no ingested master"));
    MediaInfo.VideoTrack video = master.media().video().get(0);
    boolean sideways = video.rotationDegrees() == 90 || video.rotationDegrees() == 270;
    int width = sideways ? video.height() : video.width();
    int height = sideways ? video.width() : video.height();
    FrameRate rate = FrameRate.of(video.frameRate());
    int chunkFrames = rate.framesIn(chunkSeconds);
    long totalFrames =
        video.frames() > 0
            ? video.frames()
            : Math.round(master.media().durationSeconds() * rate.fps());
    List<Rung> rungs = settings.rungsFor(width, height);
    TranscodeJob planned = ledger.plan(id, rate, chunkFrames, totalFrames, width, height, rungs);
    return "planned " + planned.chunkCount() + " chunks x " + rungs.size() + " rungs";
  }
}
