package dev.marquee.platform.api;

import java.security.Principal;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * A bearer access token Marquee has verified for this request: signature, issuer, audience and
 * lifetime checked by the accounts module before any resource runs.
 *
 * @param accountId the account that signed in (the token's {@code sub})
 * @param sessionId the sign-in (token family) the token belongs to ({@code sid})
 * @param expiresAt when the token stops being accepted ({@code exp})
 * @param roles the account's roles when the token was issued ({@code groups})
 * @param clientId the OAuth client the token was issued to ({@code client_id}), may be null
 */
public record AccessToken(
    UUID accountId, UUID sessionId, Instant expiresAt, Set<String> roles, String clientId)
    implements Principal {
  /** The servlet request attribute under which the verified token travels to the resources. */
  public static final String REQUEST_ATTRIBUTE = "dev.marquee.platform.api.AccessToken";

  public AccessToken {
    roles = Set.copyOf(roles);
  }

  @Override
  public String getName() {
    return accountId.toString();
  }
}
