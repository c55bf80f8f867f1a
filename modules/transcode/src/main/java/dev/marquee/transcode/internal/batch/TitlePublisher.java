package dev.marquee.transcode.internal.batch;

import dev.marquee.catalog.api.CatalogFacade;
import dev.marquee.catalog.api.TitleId;
import dev.marquee.catalog.api.TitleState;
import dev.marquee.transcode.internal.application.TranscodeLedger;
import dev.marquee.transcode.internal.domain.TranscodeJob;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.api.BatchProperty;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.UUID;

/** Step 5: the title is playable. */
@Named("titlePublisher")
@Dependent
public class TitlePublisher extends AbstractBatchlet {
  @Inject
  @BatchProperty(name = "jobId")
  String jobId;

  @Inject TranscodeLedger ledger;
  @Inject CatalogFacade catalog;

  @Override
  public String process() {
    UUID id = UUID.fromString(jobId);
    TranscodeJob job = ledger.job(id);
    ledger.published(id);
    catalog.changeState(new TitleId(job.titleId()), TitleState.PUBLISHED);
    return "published";
  }
}
