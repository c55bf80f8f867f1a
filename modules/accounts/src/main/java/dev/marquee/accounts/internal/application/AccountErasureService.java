package dev.marquee.accounts.internal.application;

import dev.marquee.accounts.internal.domain.ErasureRequest;
import dev.marquee.accounts.internal.domain.ErasureRequestRepository;
import dev.marquee.accounts.internal.persistence.AccountsPersonalData;
import dev.marquee.platform.api.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.UUID;

/**
 * A viewer erases their account (GDPR article 17). The owner re-enters the password (an access
 * token alone, perhaps left on a shared TV, must not be enough to destroy an account); wrong
 * passwords count against the same per-account limit as sign-in. Once it matches, one transaction
 * writes the erasure request and revokes every sign-in of the account, and only then is the request
 * acknowledged; the erasure itself runs as a saga ({@link ErasureSaga}).
 */
@ApplicationScoped
public class AccountErasureService {
  @Inject ErasureRequestRepository requests;
  @Inject AccountsPersonalData own;
  @Inject Reauthentication reauthentication;
  // This bean through its proxy, so that the request is written in a transaction of its own,
  // after the password was hashed outside any (as sign-in does).
  @Inject AccountErasureService self;

  public ErasureRequest request(UUID accountId, String password, String address) {
    if (password == null || password.isEmpty()) {
      throw ProblemException.badRequest(
          "password-required", "password: re-enter the account's password to confirm the erasure.");
    }
    reauthentication.checkPassword(accountId, password, address);
    return self.open(accountId);
  }

  /** Durable before it returns: the request, and every sign-in revoked, in one commit. */
  @Transactional
  public ErasureRequest open(UUID accountId) {
    ErasureRequest request = requests.open(accountId);
    own.revokeEverySignIn(accountId);
    return request;
  }
}
