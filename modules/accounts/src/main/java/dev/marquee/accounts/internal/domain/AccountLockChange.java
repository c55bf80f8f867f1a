package dev.marquee.accounts.internal.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** The record of one administrator locking or unlocking an account, with the reason. */
@Entity
@Table(name = "account_lock_changes", schema = "accounts")
@NamedQuery(
    name = "AccountLockChange.ofAccount",
    query = "SELECT c FROM AccountLockChange c WHERE c.accountId = :account ORDER BY c.id DESC")
public class AccountLockChange {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "account_id", nullable = false)
  private UUID accountId;

  @Column(nullable = false)
  private boolean locked;

  @Column(name = "changed_by", nullable = false)
  private UUID changedBy;

  @Column(nullable = false)
  private String reason;

  @Column(name = "changed_at", nullable = false)
  private OffsetDateTime at;

  protected AccountLockChange() {}

  public AccountLockChange(
      UUID accountId, boolean locked, UUID changedBy, String reason, OffsetDateTime at) {
    this.accountId = accountId;
    this.locked = locked;
    this.changedBy = changedBy;
    this.reason = reason;
    this.at = at;
  }

  public boolean locked() {
    return locked;
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
