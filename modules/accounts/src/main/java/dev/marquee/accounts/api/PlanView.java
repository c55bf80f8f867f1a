package dev.marquee.accounts.api;

/**
 * A subscription plan: the highest resolution it streams, how many streams may run at once and how
 * many offline licences an account may hold.
 */
public record PlanView(
    String code, String name, int maxHeight, int maxStreams, int offlineLicences) {}
