package dev.marquee.accounts.internal.domain;

import dev.marquee.accounts.api.DeviceType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * An RFC 8628 device authorization: a TV shows {@code userCode}, a signed-in viewer approves it on
 * another device, and the TV's polling with the device code then receives tokens.
 */
@Entity
@Table(name = "device_authorizations", schema = "accounts")
@NamedQuery(
    name = "DeviceAuthorization.byUserCode",
    query =
        "SELECT d FROM DeviceAuthorization d WHERE d.userCode = :code"
            + " AND d.status IN (dev.marquee.accounts.internal.domain.DeviceAuthorization.Status.PENDING,"
            + " dev.marquee.accounts.internal.domain.DeviceAuthorization.Status.APPROVED)")
public class DeviceAuthorization {
  /** Where a request stands. */
  public enum Status {
    PENDING,
    APPROVED,
    DENIED,
    CONSUMED
  }

  /** RFC 8628 section 3.5: a client polling too fast gets slow_down and 5 more seconds. */
  public static final int SLOW_DOWN_STEP_SECONDS = 5;

  @Id
  @Column(name = "device_code_hash")
  private String deviceCodeHash;

  @Column(name = "user_code", nullable = false)
  private String userCode;

  @Column(name = "client_id", nullable = false)
  private String clientId;

  @Column(name = "device_name", nullable = false)
  private String deviceName;

  @Column(name = "device_type", nullable = false)
  @Enumerated(EnumType.STRING)
  private DeviceType deviceType;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Status status;

  @Column(name = "account_id")
  private UUID accountId;

  @Column(name = "interval_seconds", nullable = false)
  private int intervalSeconds;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  @Column(name = "expires_at", nullable = false)
  private OffsetDateTime expiresAt;

  @Column(name = "last_polled_at")
  private OffsetDateTime lastPolledAt;

  protected DeviceAuthorization() {}

  public DeviceAuthorization(
      String deviceCodeHash,
      String userCode,
      String clientId,
      String deviceName,
      DeviceType deviceType,
      int intervalSeconds,
      OffsetDateTime now,
      OffsetDateTime expiresAt) {
    this.deviceCodeHash = deviceCodeHash;
    this.userCode = userCode;
    this.clientId = clientId;
    this.deviceName = deviceName;
    this.deviceType = deviceType;
    this.status = Status.PENDING;
    this.intervalSeconds = intervalSeconds;
    this.createdAt = now;
    this.expiresAt = expiresAt;
  }

  public String userCode() {
    return userCode;
  }

  public String clientId() {
    return clientId;
  }

  public String deviceName() {
    return deviceName;
  }

  public DeviceType deviceType() {
    return deviceType;
  }

  public Status status() {
    return status;
  }

  public UUID accountId() {
    return accountId;
  }

  public OffsetDateTime createdAt() {
    return createdAt;
  }

  public OffsetDateTime expiresAt() {
    return expiresAt;
  }

  public int intervalSeconds() {
    return intervalSeconds;
  }

  public boolean isExpired(OffsetDateTime now) {
    return !now.isBefore(expiresAt);
  }

  /**
   * Records a poll. Returns true when the client polled before its interval elapsed, in which case
   * the interval grows as RFC 8628 asks.
   */
  public boolean pollTooFast(OffsetDateTime now) {
    boolean tooFast =
        lastPolledAt != null && now.isBefore(lastPolledAt.plusSeconds(intervalSeconds));
    lastPolledAt = now;
    if (tooFast) {
      intervalSeconds += SLOW_DOWN_STEP_SECONDS;
    }
    return tooFast;
  }

  public void approve(UUID account) {
    this.status = Status.APPROVED;
    this.accountId = account;
  }

  public void deny(UUID account) {
    this.status = Status.DENIED;
    this.accountId = account;
  }

  public void consume() {
    this.status = Status.CONSUMED;
  }
}
