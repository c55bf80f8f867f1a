package dev.marquee.ingest.internal.application;

import dev.marquee.catalog.api.CatalogFacade;
import dev.marquee.catalog.api.TitleId;
import dev.marquee.platform.api.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;

/** Whether a caller may add files to a title: its creator, or an admin. */
@ApplicationScoped
public class TitleOwnership {
  @Inject CatalogFacade catalog;

  /**
   * @throws ProblemException 404 title-not-found if the title does not exist or is another
   *     creator's (the two are not told apart)
   */
  public void check(UUID caller, boolean admin, UUID titleId) {
    catalog
        .title(new TitleId(titleId))
        .filter(t -> admin || t.owner().value().equals(caller))
        .orElseThrow(
            () ->
                ProblemException.notFound("title-not-found", "No title " + titleId + " of yours."));
  }
}
