package dev.marquee.drm.api;

import java.util.Map;

/** A finished re-wrap: the KEK the keys are now under, how many moved, the keys per KEK after. */
public record KeyRewrapOutcome(String activeKek, int rewrapped, Map<String, Long> keysByKek) {
  public KeyRewrapOutcome {
    keysByKek = Map.copyOf(keysByKek);
  }
}
