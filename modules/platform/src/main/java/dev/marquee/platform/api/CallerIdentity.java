package dev.marquee.platform.api;

import java.util.Optional;
import java.util.UUID;

/** Who is calling the current HTTP request, from its verified bearer access token. */
public interface CallerIdentity {
  /** The request's verified access token, or empty for a call without one. */
  Optional<AccessToken> token();

  /**
   * The request's verified access token.
   *
   * @throws ProblemException 401 {@code unauthenticated} for a call without one
   */
  AccessToken require();

  /** The calling account; 401 {@code unauthenticated} for a call without a token. */
  default UUID accountId() {
    return require().accountId();
  }
}
