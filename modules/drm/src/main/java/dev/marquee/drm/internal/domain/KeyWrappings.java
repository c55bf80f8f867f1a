package dev.marquee.drm.internal.domain;

import dev.marquee.drm.api.KekUse;
import dev.marquee.drm.api.KeyWrapping;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** What the key counts per KEK id mean against the configured KEKs. Ids and counts only. */
public final class KeyWrappings {
  private KeyWrappings() {}

  /**
   * The configured KEKs in their order (zero keys included), then the unknown ones that wrap keys.
   */
  public static KeyWrapping of(
      List<String> configured, String active, Map<String, Long> keysByKek) {
    List<KekUse> rows = new ArrayList<>();
    for (String id : configured) {
      rows.add(new KekUse(id, true, id.equals(active), keysByKek.getOrDefault(id, 0L)));
    }
    keysByKek.entrySet().stream()
        .filter(e -> !configured.contains(e.getKey()) && e.getValue() > 0)
        .sorted(Map.Entry.comparingByKey())
        .forEach(e -> rows.add(new KekUse(e.getKey(), false, false, e.getValue())));
    return new KeyWrapping(active, rows);
  }

  /**
   * Why a re-wrap cannot run: content keys wrapped by KEKs that are not configured (they cannot be
   * unwrapped, so they cannot be re-wrapped); empty when every key's KEK is configured.
   */
  public static Optional<String> unconfigured(
      Map<String, Long> keysByKek, Predicate<String> knows) {
    Map<String, Long> unknown =
        keysByKek.entrySet().stream()
            .filter(e -> e.getValue() > 0 && !knows.test(e.getKey()))
            .collect(
                Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, Long::sum, TreeMap::new));
    if (unknown.isEmpty()) {
      return Optional.empty();
    }
    long keys = unknown.values().stream().mapToLong(Long::longValue).sum();
    String ids = String.join(", ", unknown.keySet());
    return Optional.of(
        "Nothing was re-wrapped: "
            + keys
            + (keys == 1 ? " content key is" : " content keys are")
            + " wrapped by key-encryption key "
            + ids
            + (unknown.size() == 1 ? ", which is" : ", which are")
            + " not configured, so "
            + (keys == 1 ? "it" : "they")
            + " cannot be unwrapped. Add "
            + ids
            + " back to MARQUEE_DRM_KEKS (and restart), then re-wrap.");
  }
}
