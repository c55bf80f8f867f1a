package dev.marquee.accounts.internal.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** An account's plan for a period. Cancelled subscriptions stay as history. */
@Entity
@Table(name = "subscriptions", schema = "accounts")
public class Subscription {
  /** Whether the subscription is the account's current one or cancelled history. */
  public enum Status {
    ACTIVE,
    CANCELLED
  }

  @Id private UUID id;

  @Column(name = "account_id", nullable = false)
  private UUID accountId;

  @Column(name = "plan_code", nullable = false)
  private String planCode;

  @Column(nullable = false)
  @Enumerated(EnumType.STRING)
  private Status status;

  @Column(name = "period_start", nullable = false)
  private OffsetDateTime periodStart;

  @Column(name = "period_end", nullable = false)
  private OffsetDateTime periodEnd;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  @Column(name = "cancelled_at")
  private OffsetDateTime cancelledAt;

  protected Subscription() {}

  public Subscription(UUID accountId, String planCode, OffsetDateTime now, OffsetDateTime end) {
    this.id = UUID.randomUUID();
    this.accountId = accountId;
    this.planCode = planCode;
    this.status = Status.ACTIVE;
    this.periodStart = now;
    this.periodEnd = end;
    this.createdAt = now;
  }

  public boolean coversInstant(OffsetDateTime at) {
    return status == Status.ACTIVE && !at.isBefore(periodStart) && at.isBefore(periodEnd);
  }

  public void cancel(OffsetDateTime now) {
    status = Status.CANCELLED;
    cancelledAt = now;
  }

  public UUID id() {
    return id;
  }

  public String planCode() {
    return planCode;
  }

  public Status status() {
    return status;
  }

  public OffsetDateTime periodStart() {
    return periodStart;
  }

  public OffsetDateTime periodEnd() {
    return periodEnd;
  }
}
