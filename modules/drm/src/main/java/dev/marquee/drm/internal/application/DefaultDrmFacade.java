package dev.marquee.drm.internal.application;

import dev.marquee.catalog.api.TitleId;
import dev.marquee.drm.api.ContentKey;
import dev.marquee.drm.api.DrmFacade;
import dev.marquee.drm.api.KeyAction;
import dev.marquee.drm.api.KeyRewrapOutcome;
import dev.marquee.drm.api.KeyWrapping;
import dev.marquee.drm.api.TrackType;
import dev.marquee.drm.internal.domain.KeyEncryptionKeys;
import dev.marquee.drm.internal.domain.KeyWrappings;
import dev.marquee.drm.internal.persistence.ContentKeyStore;
import dev.marquee.drm.internal.persistence.KeyActionStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class DefaultDrmFacade implements DrmFacade {
  @Inject ContentKeyStore store;
  @Inject TitleKeyCache titleKeys;
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
  public Optional<ContentKey> licenceKey(TitleId title, UUID keyId) {
    return Optional.ofNullable(titleKeys.key(title.value(), keyId));
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
