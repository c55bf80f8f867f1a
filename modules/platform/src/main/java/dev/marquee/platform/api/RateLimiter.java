package dev.marquee.platform.api;

import java.util.Map;

/**
 * Counts what clients do against {@link RateLimit}s. The counts live in PostgreSQL, so every server
 * of a cluster sees the same ones: a client cannot multiply its allowance by spreading requests
 * across servers. Counting commits on its own, whatever the caller's transaction does.
 */
public interface RateLimiter {
  /**
   * Counts one hit of {@code subject} under {@code rule}.
   *
   * @throws ProblemException 429 {@code rate-limited} with {@code Retry-After} when the subject
   *     already used up the rule's limit in this window (the hit is not allowed through)
   */
  void hit(RateLimit rule, String subject);

  /**
   * Like {@link #hit}, with extra members for the problem (OAuth2's {@code error}, for clients that
   * look for it).
   */
  void hit(RateLimit rule, String subject, Map<String, Object> problemMembers);

  /** Takes one hit back: an attempt that succeeded counts nothing against a limit of failures. */
  void refund(RateLimit rule, String subject);
}
