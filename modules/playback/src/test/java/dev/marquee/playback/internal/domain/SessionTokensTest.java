package dev.marquee.playback.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class SessionTokensTest {
  private final SessionTokens tokens = SessionTokens.withSecret(new byte[32]);
  private final SessionTokens.Claims claims =
      new SessionTokens.Claims(
          UUID.randomUUID(),
          UUID.randomUUID(),
          UUID.randomUUID(),
          UUID.randomUUID(),
          UUID.randomUUID(),
          1_900_000_000L);

  @Test
  void aGenuineTokenCarriesItsClaims() throws Exception {
    assertThat(tokens.verify(tokens.issue(claims))).isEqualTo(claims);
  }

  @Test
  void alteredForgedOrForeignTokensAreRejected() {
    String token = tokens.issue(claims);
    String other =
        SessionTokens.withSecret(
                new byte[] {
                  1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23,
                  24, 25, 26, 27, 28, 29, 30, 31, 32
                })
            .issue(claims);
    assertThatThrownBy(() -> tokens.verify(other)).hasMessageContaining("signature");
    String swapped = token.replace(token.substring(0, 4), "AAAA");
    assertThatThrownBy(() -> tokens.verify(swapped)).isInstanceOf(SessionTokens.Rejected.class);
    assertThatThrownBy(() -> tokens.verify("no-dot")).hasMessageContaining("malformed");
    assertThatThrownBy(() -> tokens.verify("!!.??")).hasMessageContaining("malformed");
  }
}
