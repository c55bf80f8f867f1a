package dev.marquee.accounts.internal.domain;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/**
 * Erasure requests and their finished steps. Any server may work on a request it has claimed; a
 * claim is a lease, so a request whose server died is taken over once the lease runs out.
 */
public interface ErasureRequestRepository {

  /** The account's unfinished request, written now if there is none. */
  ErasureRequest open(UUID accountId);

  /** Whether the account has an unfinished erasure request (it may no longer sign in). */
  boolean isPending(UUID accountId);

  Optional<ErasureRequest> find(UUID id);

  /** Claims this request for {@code server} unless another server holds a live lease on it. */
  Optional<ErasureRequest> claim(UUID id, String server, Duration lease);

  /** Claims the oldest unfinished request whose lease is free or ran out. */
  Optional<ErasureRequest> claimNext(String server, Duration lease);

  /** Records that a part is erased (in the transaction that erased it); done twice is harmless. */
  void markDone(UUID id, String part);

  /** Completes the request: it forgets the account and keeps the pseudonym. */
  void complete(UUID id);

  /** Gives the request back after a failed step; it is tried again after {@code retryIn}. */
  void release(UUID id, String error, Duration retryIn);
}
