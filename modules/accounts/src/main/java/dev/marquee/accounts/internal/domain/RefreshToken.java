package dev.marquee.accounts.internal.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A refresh token, stored only as its SHA-256. Usable once: using it rotates it. */
@Entity
@Table(name = "refresh_tokens", schema = "accounts")
public class RefreshToken {
  @Id
  @Column(name = "token_hash")
  private String tokenHash;

  @Column(name = "family_id", nullable = false)
  private UUID familyId;

  @Column(name = "issued_at", nullable = false)
  private OffsetDateTime issuedAt;

  @Column(name = "expires_at", nullable = false)
  private OffsetDateTime expiresAt;

  @Column(name = "used_at")
  private OffsetDateTime usedAt;

  protected RefreshToken() {}

  public RefreshToken(
      String tokenHash, UUID familyId, OffsetDateTime now, OffsetDateTime expiresAt) {
    this.tokenHash = tokenHash;
    this.familyId = familyId;
    this.issuedAt = now;
    this.expiresAt = expiresAt;
  }

  public UUID familyId() {
    return familyId;
  }

  public boolean isUsed() {
    return usedAt != null;
  }

  public boolean isExpired(OffsetDateTime now) {
    return !now.isBefore(expiresAt);
  }

  public void markUsed(OffsetDateTime now) {
    this.usedAt = now;
  }
}
