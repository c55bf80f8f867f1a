package dev.marquee.accounts.internal.application;

import dev.marquee.accounts.internal.domain.Account;
import dev.marquee.accounts.internal.domain.AccountRepository;
import dev.marquee.accounts.internal.domain.TokenFamily;
import dev.marquee.accounts.internal.domain.TokenRepository;
import dev.marquee.platform.api.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Step-up for what a child on a shared device must not do with the account's token: loosening a
 * profile's maturity cap, creating an unrestricted profile, deleting profiles, removing devices.
 * The owner re-enters the password (counted like a sign-in), which marks this sign-in as
 * re-authenticated for a few minutes, on every server (it is a column of the sign-in's row).
 */
@ApplicationScoped
public class Reauthentication {
  @Inject AccountRepository accounts;
  @Inject TokenRepository tokens;
  @Inject PasswordHashing hashing;
  @Inject AccountLimits limits;
  // Through the proxy: the read and the write run in their own transactions, the hash in none.
  @Inject Reauthentication self;

  @Inject
  @ConfigProperty(name = "marquee.accounts.reauthentication-window", defaultValue = "PT5M")
  Duration window;

  /** The account's email and password hash. */
  public record Credentials(String email, String hash) {}

  /** Checks the password and marks the sign-in; returns until when it counts. */
  public Instant confirm(UUID accountId, UUID signIn, String password, String address) {
    checkPassword(accountId, password, address);
    return self.mark(signIn);
  }

  /**
   * Refuses with 403 {@code wrong-password} unless this is the account's password; a wrong one
   * counts against the same limits as a failed sign-in (per account and per address).
   */
  public void checkPassword(UUID accountId, String password, String address) {
    if (password == null || password.isEmpty()) {
      throw ProblemException.badRequest(
          "password-required", "password: re-enter the account's password.");
    }
    Credentials stored = self.credentials(accountId);
    if (stored == null) {
      throw ProblemException.notFound("account-not-found", "This account no longer exists.");
    }
    limits.reauthentication(
        address,
        stored.email(),
        () -> {
          if (!hashing.matches(password, stored.hash())) {
            throw ProblemException.forbidden(
                AccountLimits.WRONG_PASSWORD, "The password is not this account's password.");
          }
          return true;
        });
  }

  /** Refuses unless the owner re-entered the password in this sign-in within the window. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public void require(UUID signIn, String what) {
    boolean recent =
        tokens
            .family(signIn)
            .filter(f -> !f.isRevoked())
            .map(f -> f.reauthenticatedWithin(window, Time.now()))
            .orElse(false);
    if (!recent) {
      throw ProblemException.forbidden(
          "reauthentication-required",
          what
              + " needs the account owner's password: POST /api/accounts/me/reauthentication"
              + " with {\"password\": ...}, then try again within "
              + window.toMinutes()
              + " minutes.");
    }
  }

  @Transactional
  public Credentials credentials(UUID accountId) {
    return accounts
        .account(accountId)
        .map(a -> new Credentials(Account.normalize(a.email()), a.passwordHash()))
        .orElse(null);
  }

  @Transactional
  public Instant mark(UUID signIn) {
    TokenFamily family =
        tokens
            .family(signIn)
            .filter(f -> !f.isRevoked())
            .orElseThrow(
                () ->
                    new ProblemException(
                        401, "unauthenticated", "Authentication required", "Signed out."));
    var now = Time.now();
    family.reauthenticated(now);
    return now.plus(window).toInstant();
  }
}
