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

/** The record of one administrator ending every sign-in of an account (without a lock). */
@Entity
@Table(name = "sessions_ended", schema = "accounts")
@NamedQuery(
    name = "SessionsEnding.ofAccount",
    query = "SELECT e FROM SessionsEnding e WHERE e.accountId = :account ORDER BY e.id DESC")
@NamedQuery(
    name = "SessionsEnding.count",
    query = "SELECT count(e) FROM SessionsEnding e WHERE e.accountId = :account")
public class SessionsEnding {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "account_id", nullable = false)
  private UUID accountId;

  @Column(name = "ended_by", nullable = false)
  private UUID endedBy;

  @Column(nullable = false)
  private String reason;

  @Column(name = "sign_ins", nullable = false)
  private int signIns;

  @Column(name = "ended_at", nullable = false)
  private OffsetDateTime at;

  protected SessionsEnding() {}

  public SessionsEnding(
      UUID accountId, UUID endedBy, String reason, int signIns, OffsetDateTime at) {
    this.accountId = accountId;
    this.endedBy = endedBy;
    this.reason = reason;
    this.signIns = signIns;
    this.at = at;
  }

  public UUID endedBy() {
    return endedBy;
  }

  public String reason() {
    return reason;
  }

  public int signIns() {
    return signIns;
  }

  public OffsetDateTime at() {
    return at;
  }
}
