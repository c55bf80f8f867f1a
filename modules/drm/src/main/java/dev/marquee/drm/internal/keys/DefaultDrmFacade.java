package dev.marquee.drm.internal.keys;

import dev.marquee.catalog.api.TitleId;
import dev.marquee.drm.api.ContentKey;
import dev.marquee.drm.api.DrmFacade;
import dev.marquee.drm.api.KeyAction;
import dev.marquee.drm.api.KeyRewrapOutcome;
import dev.marquee.drm.api.KeyWrapping;
import dev.marquee.drm.api.LicenceAuditQuery;
import dev.marquee.drm.api.LicenceDecisionPage;
import dev.marquee.drm.api.LicenceOutcomes;
import dev.marquee.drm.api.TrackType;
import dev.marquee.drm.internal.licence.LicenceAuditStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@ApplicationScoped
public class DefaultDrmFacade implements DrmFacade {
  @Inject ContentKeyStore store;
  @Inject LicenceAuditStore audit;
  @Inject KeyEncryptionKeys keks;
  @Inject KeyRewrap rewrap;
  @Inject KeyActionStore keyActions;

  @Override
  public KeyWrapping keyWrapping() {
    return KeyWrappings.of(keks.ids(), keks.activeId(), store.countByKek());
  }

  @Override
  public KeyRewrapOutcome rewrapContentKeys(UUID actor, String via) {
    KeyRewrap.Result r = rewrap.rewrapAll(actor, via);
    return new KeyRewrapOutcome(r.activeKek(), r.rewrapped(), r.keysByKek());
  }

  @Override
  public List<KeyAction> keyActions(int limit) {
    return keyActions.latest(limit);
  }

  @Override
  public LicenceDecisionPage licenceDecisions(LicenceAuditQuery query, int limit, String cursor) {
    return audit.page(query, limit, cursor);
  }

  @Override
  public LicenceOutcomes licenceOutcomes(Instant from, Instant to) {
    return audit.outcomes(from, to);
  }

  @Override
  public ContentKey contentKey(TitleId title, TrackType type) {
    return store.getOrCreate(title.value(), type);
  }

  @Override
  public Map<TrackType, UUID> keyIds(TitleId title) {
    return store.keyIds(title.value());
  }
}
