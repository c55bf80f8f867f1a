package dev.marquee.accounts.api;

import java.util.Optional;

/**
 * Whether an account may watch a title now, and within which limits. When it may not, {@code
 * denial} says why in words a viewer can act on.
 *
 * @param source what entitles: {@code SUBSCRIPTION}, {@code PURCHASE} or {@code RENTAL}
 * @param plan the active plan's code, empty for accounts without a subscription
 */
public record Entitlement(
    boolean entitled,
    String source,
    Optional<String> plan,
    int maxHeight,
    int maxStreams,
    int offlineLicences,
    String denial) {

  public static Entitlement denied(String why) {
    return new Entitlement(false, null, Optional.empty(), 0, 0, 0, why);
  }
}
