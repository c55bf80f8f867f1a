package dev.marquee.accounts.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.accounts.api.DeviceType;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class DeviceAuthorizationTest {
  private final OffsetDateTime t0 = OffsetDateTime.of(2026, 1, 1, 12, 0, 0, 0, ZoneOffset.UTC);

  private DeviceAuthorization pending() {
    return new DeviceAuthorization(
        "hash", "BCDF-GHJK", "marquee-tv", "TV", DeviceType.TV, 5, t0, t0.plusMinutes(10));
  }

  @Test
  void pollingWithinTheIntervalSlowsTheClientDownByFiveSeconds() {
    DeviceAuthorization authorization = pending();
    assertThat(authorization.pollTooFast(t0)).isFalse();
    assertThat(authorization.pollTooFast(t0.plusSeconds(2))).isTrue();
    assertThat(authorization.intervalSeconds()).isEqualTo(10);
    assertThat(authorization.pollTooFast(t0.plusSeconds(13))).isFalse();
  }

  @Test
  void expiresAtItsDeadline() {
    DeviceAuthorization authorization = pending();
    assertThat(authorization.isExpired(t0.plusMinutes(9))).isFalse();
    assertThat(authorization.isExpired(t0.plusMinutes(10))).isTrue();
  }

  @Test
  void approvalRecordsTheAccount() {
    DeviceAuthorization authorization = pending();
    var account = java.util.UUID.randomUUID();
    authorization.approve(account);
    assertThat(authorization.status()).isEqualTo(DeviceAuthorization.Status.APPROVED);
    assertThat(authorization.accountId()).isEqualTo(account);
  }

  @Test
  void devicesStartAsSoftwareAndOnlyNonBrowsersCanBeMarkedHardwareSecure() {
    var now = java.time.OffsetDateTime.parse("2026-12-04T10:00:00Z");
    var tv = new Device(java.util.UUID.randomUUID(), "TV", DeviceType.TV, now);
    assertThat(tv.securityLevel()).isEqualTo(dev.marquee.accounts.api.SecurityLevel.SOFTWARE);
    assertThat(tv.changeSecurityLevel(dev.marquee.accounts.api.SecurityLevel.HARDWARE))
        .isEqualTo(dev.marquee.accounts.api.SecurityLevel.SOFTWARE);
    assertThat(tv.securityLevel()).isEqualTo(dev.marquee.accounts.api.SecurityLevel.HARDWARE);

    var browser = new Device(java.util.UUID.randomUUID(), "Chrome", DeviceType.WEB, now);
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> browser.changeSecurityLevel(dev.marquee.accounts.api.SecurityLevel.HARDWARE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("software");
    assertThat(browser.securityLevel()).isEqualTo(dev.marquee.accounts.api.SecurityLevel.SOFTWARE);
  }
}
