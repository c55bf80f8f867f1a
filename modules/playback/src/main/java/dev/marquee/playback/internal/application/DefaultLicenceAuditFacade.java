package dev.marquee.playback.internal.application;

import dev.marquee.playback.api.LicenceAuditFacade;
import dev.marquee.playback.api.LicenceAuditQuery;
import dev.marquee.playback.api.LicenceDecisionPage;
import dev.marquee.playback.api.LicenceOutcomes;
import dev.marquee.playback.internal.persistence.LicenceAuditStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;

@ApplicationScoped
public class DefaultLicenceAuditFacade implements LicenceAuditFacade {
  @Inject LicenceAuditStore audit;

  @Override
  public LicenceDecisionPage licenceDecisions(LicenceAuditQuery query, int limit, String cursor) {
    return audit.page(query, limit, cursor);
  }

  @Override
  public LicenceOutcomes licenceOutcomes(Instant from, Instant to) {
    return audit.outcomes(from, to);
  }
}
