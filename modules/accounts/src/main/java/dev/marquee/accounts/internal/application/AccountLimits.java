package dev.marquee.accounts.internal.application;

import dev.marquee.platform.api.ProblemException;
import dev.marquee.platform.api.RateLimit;
import dev.marquee.platform.api.RateLimiter;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The rate limits of the accounts module, each overridable by configuration ({@code N/window}).
 * Sign-in and device-code approval count wrong guesses: each attempt takes a hit before it runs (so
 * parallel guesses are bounded too) and gives it back unless it turned out a wrong password or
 * code. A viewer who signs in correctly is never slowed down, while guessing stops after a few
 * tries per account and per client address. Registration and device authorization count every
 * request per address.
 */
@ApplicationScoped
public class AccountLimits {
  /** OAuth2 clients look for an {@code error} member. */
  static final Map<String, Object> OAUTH =
      Map.of(
          "error",
          "temporarily_unavailable",
          "error_description",
          "Too many attempts; wait before trying again.");

  /** The problem type of a wrong password re-entered to confirm a sensitive change. */
  public static final String WRONG_PASSWORD = "wrong-password";

  @Inject RateLimiter limiter;

  @Inject
  @ConfigProperty(name = "marquee.rate-limit.sign-in-failures-per-address", defaultValue = "50/10m")
  String signInPerAddress;

  @Inject
  @ConfigProperty(name = "marquee.rate-limit.sign-in-failures-per-account", defaultValue = "10/15m")
  String signInPerAccount;

  @Inject
  @ConfigProperty(name = "marquee.rate-limit.registrations-per-address", defaultValue = "5/1h")
  String registrationsPerAddress;

  @Inject
  @ConfigProperty(
      name = "marquee.rate-limit.device-authorizations-per-address",
      defaultValue = "10/10m")
  String deviceAuthorizationsPerAddress;

  @Inject
  @ConfigProperty(
      name = "marquee.rate-limit.device-approval-failures-per-account",
      defaultValue = "5/10m")
  String approvalFailuresPerAccount;

  @Inject
  @ConfigProperty(
      name = "marquee.rate-limit.device-approval-failures-per-address",
      defaultValue = "20/10m")
  String approvalFailuresPerAddress;

  private RateLimit signInAddress;
  private RateLimit signInAccount;
  private RateLimit registration;
  private RateLimit deviceAuthorization;
  private RateLimit approvalAccount;
  private RateLimit approvalAddress;

  @PostConstruct
  void read() {
    signInAddress = RateLimit.parse("sign-in-failures-per-address", signInPerAddress);
    signInAccount = RateLimit.parse("sign-in-failures-per-account", signInPerAccount);
    registration = RateLimit.parse("registrations-per-address", registrationsPerAddress);
    deviceAuthorization =
        RateLimit.parse("device-authorizations-per-address", deviceAuthorizationsPerAddress);
    approvalAccount =
        RateLimit.parse("device-approval-failures-per-account", approvalFailuresPerAccount);
    approvalAddress =
        RateLimit.parse("device-approval-failures-per-address", approvalFailuresPerAddress);
  }

  /** Runs a password check; only a wrong password counts against the address and the email. */
  public <T> T signIn(String address, String email, Supplier<T> attempt) {
    return failuresCounted(
        signInAddress,
        address,
        signInAccount,
        email,
        OAUTH,
        Set.of("invalid-credentials"),
        attempt);
  }

  /**
   * Runs a re-entered password check (a signed-in owner confirming a sensitive change): a wrong one
   * counts against the same limits as a wrong sign-in, so a stolen access token is no faster way to
   * guess the password.
   */
  public <T> T reauthentication(String address, String email, Supplier<T> attempt) {
    return failuresCounted(
        signInAddress, address, signInAccount, email, Map.of(), Set.of(WRONG_PASSWORD), attempt);
  }

  /** Runs a device-code decision; only a wrong code counts (RFC 8628 section 5.1). */
  public <T> T deviceApproval(String address, String accountId, Supplier<T> attempt) {
    return failuresCounted(
        approvalAddress,
        address,
        approvalAccount,
        accountId,
        Map.of(),
        Set.of("unknown-user-code", "user-code-already-used"),
        attempt);
  }

  public void registration(String address) {
    limiter.hit(registration, address);
  }

  public void deviceAuthorization(String address) {
    limiter.hit(deviceAuthorization, address, OAUTH);
  }

  private <T> T failuresCounted(
      RateLimit byAddress,
      String address,
      RateLimit bySubject,
      String subject,
      Map<String, Object> members,
      Set<String> failures,
      Supplier<T> attempt) {
    limiter.hit(byAddress, address, members);
    try {
      limiter.hit(bySubject, subject, members);
    } catch (ProblemException refused) {
      limiter.refund(byAddress, address);
      throw refused;
    }
    try {
      T result = attempt.get();
      refund(byAddress, address, bySubject, subject);
      return result;
    } catch (ProblemException e) {
      // A guess that failed keeps its hits; anything else (a busy server, a malformed request)
      // was not a guess.
      if (!failures.contains(e.type())) {
        refund(byAddress, address, bySubject, subject);
      }
      throw e;
    } catch (RuntimeException e) {
      refund(byAddress, address, bySubject, subject);
      throw e;
    }
  }

  private void refund(RateLimit byAddress, String address, RateLimit bySubject, String subject) {
    limiter.refund(byAddress, address);
    limiter.refund(bySubject, subject);
  }
}
