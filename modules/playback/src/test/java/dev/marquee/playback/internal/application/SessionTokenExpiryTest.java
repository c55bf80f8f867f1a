package dev.marquee.playback.internal.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.marquee.platform.api.ProblemException;
import dev.marquee.playback.internal.domain.LicenceDenied;
import dev.marquee.playback.internal.domain.SessionTokens;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A session token's own expiry, checked by {@link SessionService} from the signed claims before any
 * session row is read: a genuine token whose expiry has passed is refused as {@code
 * session-expired}, by the licence server (403) and by the endpoints that only read its claims
 * (401). No container: the expired path never reaches the store, which is left unset.
 */
class SessionTokenExpiryTest {
  private final SessionTokens tokens = SessionTokens.withSecret(new byte[32]);
  private final SessionService sessions = new SessionService();

  @BeforeEach
  void signWithTheTestSecret() {
    sessions.tokens = tokens;
  }

  private String tokenExpiringAt(long epochSecond) {
    return tokens.issue(
        new SessionTokens.Claims(
            UUID.randomUUID(),
            UUID.randomUUID(),
            UUID.randomUUID(),
            UUID.randomUUID(),
            UUID.randomUUID(),
            epochSecond));
  }

  @Test
  void theLicenceServerRefusesAGenuineTokenWhoseExpiryHasPassed() throws Exception {
    String expired = tokenExpiringAt(Instant.now().getEpochSecond() - 1);
    // The signature is genuine: only the expiry refuses it.
    assertThat(tokens.verify(expired).expiresEpochSecond())
        .isLessThan(Instant.now().getEpochSecond());
    assertThatThrownBy(() -> sessions.verify(expired))
        .isInstanceOfSatisfying(
            LicenceDenied.class,
            denied -> {
              assertThat(denied.status()).isEqualTo(403);
              assertThat(denied.rule()).isEqualTo("session-expired");
            });
  }

  @Test
  void theClaimsOfAnExpiredTokenAreRefusedAndThoseOfALiveOneRead() {
    String expired = tokenExpiringAt(Instant.now().getEpochSecond() - 1);
    assertThatThrownBy(() -> sessions.claims(expired))
        .isInstanceOfSatisfying(
            ProblemException.class,
            refused -> {
              assertThat(refused.status()).isEqualTo(401);
              assertThat(refused.type()).isEqualTo("session-expired");
            });
    // The same check lets a token with a minute left through.
    long inAMinute = Instant.now().getEpochSecond() + 60;
    assertThat(sessions.claims(tokenExpiringAt(inAMinute)).expiresEpochSecond())
        .isEqualTo(inAMinute);
  }
}
