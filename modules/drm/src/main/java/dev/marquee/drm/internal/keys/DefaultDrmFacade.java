package dev.marquee.drm.internal.keys;

import dev.marquee.catalog.api.TitleId;
import dev.marquee.drm.api.ContentKey;
import dev.marquee.drm.api.DrmFacade;
import dev.marquee.drm.api.TrackType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.UUID;

@ApplicationScoped
public class DefaultDrmFacade implements DrmFacade {
  @Inject ContentKeyStore store;

  @Override
  public ContentKey contentKey(TitleId title, TrackType type) {
    return store.getOrCreate(title.value(), type);
  }

  @Override
  public Map<TrackType, UUID> keyIds(TitleId title) {
    return store.keyIds(title.value());
  }
}
