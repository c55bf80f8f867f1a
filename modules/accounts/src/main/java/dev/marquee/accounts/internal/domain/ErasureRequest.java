package dev.marquee.accounts.internal.domain;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * A viewer's request to erase their account, as durable as the answer that acknowledged it. Each
 * module's part is erased in a step of its own; {@code doneParts} are those already committed.
 * {@code accountId} is null once the erasure is complete: from then on the request knows only the
 * pseudonym the audit trails carry.
 */
public record ErasureRequest(
    UUID id,
    UUID accountId,
    UUID pseudonym,
    Instant requestedAt,
    Instant completedAt,
    Set<String> doneParts) {
  public ErasureRequest {
    doneParts = Set.copyOf(doneParts);
  }

  public boolean isComplete() {
    return completedAt != null;
  }

  public boolean isDone(String part) {
    return doneParts.contains(part);
  }
}
