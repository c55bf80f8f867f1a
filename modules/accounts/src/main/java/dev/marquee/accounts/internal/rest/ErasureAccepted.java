package dev.marquee.accounts.internal.rest;

import dev.marquee.accounts.internal.domain.ErasureRequest;
import java.time.Instant;

/**
 * The 202 answer to an erasure: the request is durable and every sign-in of the account is revoked;
 * the modules' parts are erased in the background.
 */
public record ErasureAccepted(String erasureId, String status, Instant requestedAt) {
  static ErasureAccepted of(ErasureRequest request) {
    return new ErasureAccepted(
        request.id().toString(),
        request.isComplete() ? "COMPLETE" : "PENDING",
        request.requestedAt());
  }
}
