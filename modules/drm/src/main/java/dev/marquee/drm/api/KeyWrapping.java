package dev.marquee.drm.api;

import java.util.List;

/**
 * The content keys' wrapping: the active key-encryption key and every KEK that is configured or
 * still wraps content keys, the configured ones in configuration order, then the unknown ones.
 */
public record KeyWrapping(String activeKek, List<KekUse> keks) {
  public KeyWrapping {
    keks = List.copyOf(keks);
  }

  /** Content keys wrapped by a KEK that is not configured: no server can unwrap them. */
  public long unreadableKeys() {
    return keks.stream().filter(k -> !k.configured()).mapToLong(KekUse::contentKeys).sum();
  }
}
