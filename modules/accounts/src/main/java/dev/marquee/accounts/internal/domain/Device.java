package dev.marquee.accounts.internal.domain;

import dev.marquee.accounts.api.DeviceType;
import dev.marquee.accounts.api.SecurityLevel;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A device registered to an account; removed devices are kept for the audit trail. */
@Entity
@Table(name = "devices", schema = "accounts")
@NamedQuery(
    name = "Device.activeOfAccount",
    query =
        "SELECT d FROM Device d WHERE d.accountId = :account AND d.removedAt IS NULL"
            + " ORDER BY d.registeredAt")
public class Device {
  public static final int MAX_ACTIVE_PER_ACCOUNT = 10;

  @Id private UUID id;

  @Column(name = "account_id", nullable = false)
  private UUID accountId;

  @Column(nullable = false)
  private String name;

  @Column(name = "device_type", nullable = false)
  @Enumerated(EnumType.STRING)
  private DeviceType type;

  @Column(name = "security_level", nullable = false)
  @Enumerated(EnumType.STRING)
  private SecurityLevel securityLevel;

  @Column(name = "registered_at", nullable = false)
  private OffsetDateTime registeredAt;

  @Column(name = "last_seen_at", nullable = false)
  private OffsetDateTime lastSeenAt;

  @Column(name = "removed_at")
  private OffsetDateTime removedAt;

  protected Device() {}

  /** A new device decrypts in software until an administrator decides otherwise. */
  public Device(UUID accountId, String name, DeviceType type, OffsetDateTime now) {
    this.id = UUID.randomUUID();
    this.accountId = accountId;
    this.name = name;
    this.type = type;
    this.securityLevel = SecurityLevel.SOFTWARE;
    this.registeredAt = now;
    this.lastSeenAt = now;
  }

  /**
   * Whether the device may ever count as hardware-secure: browsers and desktop apps decrypt in
   * software whatever anyone says.
   */
  public static boolean mayBeHardwareSecure(DeviceType type) {
    return type != DeviceType.WEB && type != DeviceType.DESKTOP;
  }

  /**
   * An administrator's decision on how well this device protects keys (never the device's own
   * claim). Returns the level it had.
   */
  public SecurityLevel changeSecurityLevel(SecurityLevel level) {
    if (level == SecurityLevel.HARDWARE && !mayBeHardwareSecure(type)) {
      throw new IllegalArgumentException(
          "A " + type + " device decrypts in software; it cannot be marked hardware-secure.");
    }
    SecurityLevel before = securityLevel;
    securityLevel = level;
    return before;
  }

  public UUID id() {
    return id;
  }

  public UUID accountId() {
    return accountId;
  }

  public String name() {
    return name;
  }

  public DeviceType type() {
    return type;
  }

  public SecurityLevel securityLevel() {
    return securityLevel;
  }

  public OffsetDateTime registeredAt() {
    return registeredAt;
  }

  public OffsetDateTime lastSeenAt() {
    return lastSeenAt;
  }

  public boolean isRemoved() {
    return removedAt != null;
  }

  /** The device was used again (a returning browser signed in, an app came back). */
  public void seen(OffsetDateTime now) {
    this.lastSeenAt = now;
  }

  public void remove(OffsetDateTime now) {
    this.removedAt = now;
  }
}
