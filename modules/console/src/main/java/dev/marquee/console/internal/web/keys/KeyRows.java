package dev.marquee.console.internal.web.keys;

import dev.marquee.console.internal.web.Cells;
import dev.marquee.drm.api.KekUse;
import dev.marquee.drm.api.KeyAction;
import dev.marquee.drm.api.KeyRewrapOutcome;
import dev.marquee.drm.api.KeyWrapping;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/** The keys page's rows and sentences from what drm reports: KEK ids and counts, never material. */
final class KeyRows {
  private KeyRows() {}

  static List<Map<String, String>> keks(KeyWrapping w) {
    return w.keks().stream()
        .map(
            k ->
                Cells.of(
                    "id", k.kekId(),
                    "state", state(k),
                    "configured", Boolean.toString(k.configured()),
                    "keys", k.contentKeys()))
        .toList();
  }

  private static String state(KekUse k) {
    if (!k.configured()) {
      return "Not configured: its content keys cannot be unwrapped";
    }
    return k.active() ? "Active: wraps new and re-wrapped keys" : "Configured, not active";
  }

  /** Null when every content key's KEK is configured; otherwise what that means, plainly. */
  static String unreadable(KeyWrapping w) {
    List<KekUse> gone = w.keks().stream().filter(k -> !k.configured()).toList();
    if (gone.isEmpty()) {
      return null;
    }
    long keys = w.unreadableKeys();
    String ids = String.join(", ", gone.stream().map(KekUse::kekId).toList());
    return keys
        + (keys == 1 ? " content key is" : " content keys are")
        + " wrapped by "
        + ids
        + (gone.size() == 1 ? ", a key-encryption key that is" : ", key-encryption keys that are")
        + " no longer configured. "
        + (keys == 1 ? "It cannot" : "They cannot")
        + " be unwrapped: the titles they protect cannot be played or packaged, and a re-wrap is"
        + " refused until "
        + ids
        + " is listed in MARQUEE_DRM_KEKS again.";
  }

  static String rewrapped(KeyRewrapOutcome o) {
    long total = o.keysByKek().values().stream().mapToLong(Long::longValue).sum();
    long under = o.keysByKek().getOrDefault(o.activeKek(), 0L);
    return "Re-wrapped "
        + o.rewrapped()
        + (o.rewrapped() == 1 ? " content key" : " content keys")
        + " under "
        + o.activeKek()
        + "; "
        + under
        + " of "
        + total
        + " content keys are now under it.";
  }

  static Map<String, String> action(KeyAction a, Function<UUID, String> who) {
    return Cells.of(
        "at", a.at(),
        "by", who.apply(a.actor()),
        "action", "REWRAP".equals(a.action()) ? "Re-wrap" : a.action(),
        "via", "CONSOLE".equals(a.via()) ? "Console" : a.via(),
        "outcome", "DONE".equals(a.outcome()) ? "Done" : "Failed",
        "activeKek", a.activeKek(),
        "rewrapped", a.rewrapped(),
        "detail", a.detail());
  }
}
