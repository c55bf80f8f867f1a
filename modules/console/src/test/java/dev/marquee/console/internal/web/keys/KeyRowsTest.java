package dev.marquee.console.internal.web.keys;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.drm.api.KekUse;
import dev.marquee.drm.api.KeyAction;
import dev.marquee.drm.api.KeyRewrapOutcome;
import dev.marquee.drm.api.KeyWrapping;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class KeyRowsTest {
  private static final KeyWrapping ROTATING =
      new KeyWrapping(
          "k2",
          List.of(
              new KekUse("k2", true, true, 5),
              new KekUse("k1", true, false, 2),
              new KekUse("gone", false, false, 1)));

  @Test
  void eachKekIsARowOfItsIdStateAndCount() {
    assertThat(KeyRows.keks(ROTATING))
        .containsExactly(
            Map.of(
                "id", "k2",
                "state", "Active: wraps new and re-wrapped keys",
                "configured", "true",
                "keys", "5"),
            Map.of(
                "id", "k1", "state", "Configured, not active", "configured", "true", "keys", "2"),
            Map.of(
                "id", "gone",
                "state", "Not configured: its content keys cannot be unwrapped",
                "configured", "false",
                "keys", "1"));
  }

  @Test
  void keysUnderAKekNoLongerConfiguredAreSaidToBeUnreadable() {
    assertThat(KeyRows.unreadable(ROTATING))
        .startsWith("1 content key is wrapped by gone, a key-encryption key that is no longer")
        .contains("It cannot be unwrapped")
        .endsWith("until gone is listed in MARQUEE_DRM_KEKS again.");
    assertThat(
            KeyRows.unreadable(
                new KeyWrapping(
                    "k1",
                    List.of(
                        new KekUse("k1", true, true, 1),
                        new KekUse("a", false, false, 2),
                        new KekUse("b", false, false, 3)))))
        .startsWith("5 content keys are wrapped by a, b, key-encryption keys that are no longer")
        .contains("They cannot be unwrapped");
    assertThat(KeyRows.unreadable(new KeyWrapping("k1", List.of(new KekUse("k1", true, true, 3)))))
        .isNull();
  }

  @Test
  void aRewrapSaysHowManyKeysMovedAndHowManyAreUnderTheActiveKek() {
    assertThat(KeyRows.rewrapped(new KeyRewrapOutcome("k2", 2, Map.of("k2", 7L))))
        .isEqualTo("Re-wrapped 2 content keys under k2; 7 of 7 content keys are now under it.");
    assertThat(KeyRows.rewrapped(new KeyRewrapOutcome("k2", 1, Map.of("k2", 1L))))
        .startsWith("Re-wrapped 1 content key under k2;");
  }

  @Test
  void anActionNamesItsActorAndWhyItFailed() {
    UUID admin = UUID.randomUUID();
    KeyAction failed =
        new KeyAction(
            Instant.parse("2026-12-05T10:00:00Z"),
            admin,
            "REWRAP",
            "CONSOLE",
            "FAILED",
            "k2",
            0,
            "Nothing was re-wrapped: ...");

    assertThat(KeyRows.action(failed, id -> id.equals(admin) ? "admin@example.com" : "?"))
        .containsEntry("at", "2026-12-05 10:00:00 UTC")
        .containsEntry("by", "admin@example.com")
        .containsEntry("action", "Re-wrap")
        .containsEntry("via", "Console")
        .containsEntry("outcome", "Failed")
        .containsEntry("rewrapped", "0")
        .containsEntry("detail", "Nothing was re-wrapped: ...");
  }
}
