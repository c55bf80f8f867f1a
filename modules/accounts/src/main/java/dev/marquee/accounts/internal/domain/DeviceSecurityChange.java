package dev.marquee.accounts.internal.domain;

import dev.marquee.accounts.api.SecurityLevel;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** The audit of one administrator's decision on a device's security level. */
@Entity
@Table(name = "device_security_changes", schema = "accounts")
@NamedQuery(
    name = "DeviceSecurityChange.ofDevice",
    query = "SELECT c FROM DeviceSecurityChange c WHERE c.deviceId = :device ORDER BY c.id DESC")
public class DeviceSecurityChange {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  // Null once the device is gone with its erased account: the decision stays on record.
  @Column(name = "device_id")
  private UUID deviceId;

  @Column(name = "account_id", nullable = false)
  private UUID accountId;

  @Column(name = "previous_level", nullable = false)
  @Enumerated(EnumType.STRING)
  private SecurityLevel previous;

  @Column(name = "new_level", nullable = false)
  @Enumerated(EnumType.STRING)
  private SecurityLevel level;

  @Column(name = "changed_by", nullable = false)
  private UUID changedBy;

  @Column(nullable = false)
  private String reason;

  @Column(name = "changed_at", nullable = false)
  private OffsetDateTime at;

  protected DeviceSecurityChange() {}

  public DeviceSecurityChange(
      Device device, SecurityLevel previous, UUID changedBy, String reason, OffsetDateTime at) {
    this.deviceId = device.id();
    this.accountId = device.accountId();
    this.previous = previous;
    this.level = device.securityLevel();
    this.changedBy = changedBy;
    this.reason = reason;
    this.at = at;
  }

  public UUID deviceId() {
    return deviceId;
  }

  public SecurityLevel previous() {
    return previous;
  }

  public SecurityLevel level() {
    return level;
  }

  public UUID changedBy() {
    return changedBy;
  }

  public String reason() {
    return reason;
  }

  public OffsetDateTime at() {
    return at;
  }
}
