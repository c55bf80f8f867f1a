package dev.marquee.accounts.internal.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One sign-in: the chain of refresh tokens that rotate from it. Its id is the {@code sid} claim of
 * every access token it issues, so revoking the family revokes those access tokens too.
 */
@Entity
@Table(name = "token_families", schema = "accounts")
@NamedQuery(
    name = "TokenFamily.activeOfDevice",
    query = "SELECT f FROM TokenFamily f WHERE f.deviceId = :device AND f.revokedAt IS NULL")
@NamedQuery(
    name = "TokenFamily.activeAmong",
    query = "SELECT f.id FROM TokenFamily f WHERE f.id IN :ids AND f.revokedAt IS NULL")
@NamedQuery(
    name = "TokenFamily.activeOfAccount",
    query = "SELECT f FROM TokenFamily f WHERE f.accountId = :account AND f.revokedAt IS NULL")
public class TokenFamily {
  @Id private UUID id;

  @Column(name = "account_id", nullable = false)
  private UUID accountId;

  @Column(name = "device_id")
  private UUID deviceId;

  @Column(name = "client_id", nullable = false)
  private String clientId;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  @Column(name = "revoked_at")
  private OffsetDateTime revokedAt;

  @Column(name = "revoked_reason")
  private String revokedReason;

  @Column(name = "reauthenticated_at")
  private OffsetDateTime reauthenticatedAt;

  protected TokenFamily() {}

  public TokenFamily(UUID accountId, UUID deviceId, String clientId, OffsetDateTime now) {
    this.id = UUID.randomUUID();
    this.accountId = accountId;
    this.deviceId = deviceId;
    this.clientId = clientId;
    this.createdAt = now;
  }

  public UUID id() {
    return id;
  }

  public UUID accountId() {
    return accountId;
  }

  public UUID deviceId() {
    return deviceId;
  }

  public String clientId() {
    return clientId;
  }

  public boolean isRevoked() {
    return revokedAt != null;
  }

  public String revokedReason() {
    return revokedReason;
  }

  public void revoke(String reason, OffsetDateTime now) {
    if (revokedAt == null) {
      revokedAt = now;
      revokedReason = reason;
    }
  }

  /** The owner re-entered the password in this sign-in. */
  public void reauthenticated(OffsetDateTime now) {
    reauthenticatedAt = now;
  }

  /** Whether the owner re-entered the password in this sign-in within the window. */
  public boolean reauthenticatedWithin(Duration window, OffsetDateTime now) {
    return reauthenticatedAt != null && !reauthenticatedAt.plus(window).isBefore(now);
  }
}
