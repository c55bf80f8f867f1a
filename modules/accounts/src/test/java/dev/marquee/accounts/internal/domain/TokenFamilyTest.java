package dev.marquee.accounts.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TokenFamilyTest {
  private static final OffsetDateTime T0 = OffsetDateTime.parse("2026-12-04T10:00:00Z");
  private static final Duration WINDOW = Duration.ofMinutes(5);

  @Test
  void aSignInIsReauthenticatedOnlyWithinTheWindowAfterThePasswordWasReentered() {
    TokenFamily family = new TokenFamily(UUID.randomUUID(), null, "marquee-web", T0);
    assertThat(family.reauthenticatedWithin(WINDOW, T0)).isFalse();

    family.reauthenticated(T0.plusMinutes(1));
    assertThat(family.reauthenticatedWithin(WINDOW, T0.plusMinutes(1))).isTrue();
    assertThat(family.reauthenticatedWithin(WINDOW, T0.plusMinutes(6))).isTrue();
    assertThat(family.reauthenticatedWithin(WINDOW, T0.plusMinutes(6).plusSeconds(1))).isFalse();
  }
}
