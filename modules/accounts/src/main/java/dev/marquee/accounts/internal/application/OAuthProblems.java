package dev.marquee.accounts.internal.application;

import dev.marquee.platform.api.ProblemException;
import java.util.Map;

/**
 * OAuth2 errors as problem JSON. The RFC 6749 {@code error} code is kept as a member, so OAuth2
 * client libraries find what they look for, and the problem type names the same thing.
 */
public final class OAuthProblems {
  private OAuthProblems() {}

  public static ProblemException error(int status, String error, String detail) {
    return new ProblemException(
        status,
        "oauth-" + error.replace('_', '-'),
        "OAuth2 error: " + error,
        detail,
        Map.of("error", error, "error_description", detail));
  }

  public static ProblemException invalidRequest(String detail) {
    return error(400, "invalid_request", detail);
  }

  public static ProblemException invalidClient(String detail) {
    return error(401, "invalid_client", detail);
  }

  public static ProblemException unauthorizedClient(String detail) {
    return error(400, "unauthorized_client", detail);
  }

  public static ProblemException unsupportedGrantType(String detail) {
    return error(400, "unsupported_grant_type", detail);
  }

  public static ProblemException invalidGrant(String detail) {
    return error(400, "invalid_grant", detail);
  }

  /** Wrong email or password: 401, and never which of the two. */
  public static ProblemException badCredentials() {
    return new ProblemException(
        401,
        "invalid-credentials",
        "Invalid credentials",
        "The email or password is not correct.",
        Map.of(
            "error",
            "invalid_grant",
            "error_description",
            "The email or password is not correct."));
  }
}
