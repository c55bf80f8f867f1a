package dev.marquee.accounts.internal.rest;

import dev.marquee.platform.api.ProblemException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Who is calling, from the access token mpJwt has already verified. */
@RequestScoped
public class Caller {
  @Inject JsonWebToken token;

  public UUID accountId() {
    return uuidClaim(token.getSubject(), "sub");
  }

  /** The token family (sign-in) this access token belongs to. */
  public UUID sessionId() {
    Object sid = token.getClaim("sid");
    return uuidClaim(sid == null ? null : sid.toString(), "sid");
  }

  private static UUID uuidClaim(String value, String claim) {
    if (value == null) {
      throw new ProblemException(
          401,
          "unauthenticated",
          "Authentication required",
          "The access token has no " + claim + " claim.");
    }
    try {
      return UUID.fromString(value.replace("\"", ""));
    } catch (IllegalArgumentException e) {
      throw new ProblemException(
          401,
          "unauthenticated",
          "Authentication required",
          "The access token's " + claim + " claim is not valid.");
    }
  }
}
