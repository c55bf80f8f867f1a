package dev.marquee.accounts.internal.rest;

import dev.marquee.platform.api.CallerIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.UUID;

/** Who is calling, from the access token {@link BearerAuthentication} has already verified. */
@RequestScoped
public class Caller {
  @Inject CallerIdentity identity;

  public UUID accountId() {
    return identity.require().accountId();
  }

  /** The token family (sign-in) this access token belongs to. */
  public UUID sessionId() {
    return identity.require().sessionId();
  }
}
