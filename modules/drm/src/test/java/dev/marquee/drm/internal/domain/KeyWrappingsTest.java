package dev.marquee.drm.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.drm.api.KekUse;
import dev.marquee.drm.api.KeyWrapping;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class KeyWrappingsTest {
  @Test
  void listsConfiguredKeksInTheirOrderThenTheUnknownOnesThatStillWrapKeys() {
    KeyWrapping w =
        KeyWrappings.of(
            List.of("k2", "k1"), "k2", Map.of("k1", 3L, "gone-b", 2L, "gone-a", 1L, "k2", 5L));

    assertThat(w.activeKek()).isEqualTo("k2");
    assertThat(w.keks())
        .containsExactly(
            new KekUse("k2", true, true, 5),
            new KekUse("k1", true, false, 3),
            new KekUse("gone-a", false, false, 1),
            new KekUse("gone-b", false, false, 2));
    assertThat(w.unreadableKeys()).isEqualTo(3);
  }

  @Test
  void aConfiguredKekWithoutKeysShowsZeroAndNothingIsUnreadable() {
    KeyWrapping w = KeyWrappings.of(List.of("k1", "k0"), "k1", Map.of("k1", 4L));

    assertThat(w.keks())
        .containsExactly(new KekUse("k1", true, true, 4), new KekUse("k0", true, false, 0));
    assertThat(w.unreadableKeys()).isZero();
  }

  @Test
  void aRewrapIsRefusedWithTheUnknownKeksNamedWhenKeysCannotBeUnwrapped() {
    Set<String> known = Set.of("k1", "k2");

    assertThat(KeyWrappings.unconfigured(Map.of("k1", 3L, "k2", 1L), known::contains)).isEmpty();
    assertThat(KeyWrappings.unconfigured(Map.of("k1", 3L, "old", 1L), known::contains))
        .hasValue(
            "Nothing was re-wrapped: 1 content key is wrapped by key-encryption key old, which is"
                + " not configured, so it cannot be unwrapped. Add old back to MARQUEE_DRM_KEKS"
                + " (and restart), then re-wrap.");
    assertThat(
            KeyWrappings.unconfigured(Map.of("k1", 3L, "b", 2L, "a", 1L), known::contains)
                .orElseThrow())
        .startsWith(
            "Nothing was re-wrapped: 3 content keys are wrapped by key-encryption key a, b,")
        .contains("which are not configured, so they cannot be unwrapped");
  }

  @Test
  void theIdsOfTheRingAreItsConfigurationOrderAndNeverItsMaterial() {
    String k2 = "k2:" + java.util.Base64.getEncoder().encodeToString(new byte[32]);
    String k1 = "k1:" + java.util.Base64.getEncoder().encodeToString(new byte[32]);
    KeyEncryptionKeys ring = KeyEncryptionKeys.of(k2 + "," + k1, "k1");

    assertThat(ring.ids()).containsExactly("k2", "k1");
    assertThat(KeyWrappings.of(ring.ids(), ring.activeId(), Map.of()).keks())
        .containsExactly(new KekUse("k2", true, false, 0), new KekUse("k1", true, true, 0));
  }
}
