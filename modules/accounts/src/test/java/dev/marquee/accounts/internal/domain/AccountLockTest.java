package dev.marquee.accounts.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

class AccountLockTest {
  private static final OffsetDateTime T0 = OffsetDateTime.parse("2026-12-05T08:00:00Z");

  @Test
  void aLockKeepsItsTimeAndReasonUntilUnlockedAndNeitherRepeats() {
    Account account = new Account("a@example.com", "hash", "A", "GB", T0);
    assertThat(account.isLocked()).isFalse();
    assertThat(account.unlock()).isFalse();

    assertThat(account.lock("stolen password", T0.plusMinutes(1))).isTrue();
    assertThat(account.isLocked()).isTrue();
    assertThat(account.lockedAt()).isEqualTo(T0.plusMinutes(1));
    assertThat(account.lockedReason()).isEqualTo("stolen password");
    assertThat(account.lock("again", T0.plusMinutes(2))).isFalse();
    assertThat(account.lockedReason()).isEqualTo("stolen password");

    assertThat(account.unlock()).isTrue();
    assertThat(account.isLocked()).isFalse();
    assertThat(account.lockedAt()).isNull();
    assertThat(account.lockedReason()).isNull();
  }
}
