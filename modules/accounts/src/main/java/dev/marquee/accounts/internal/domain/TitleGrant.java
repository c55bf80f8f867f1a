package dev.marquee.accounts.internal.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.UUID;

/**
 * A purchase or rental of one title. A rental must be started before {@code startBy} and then runs
 * for {@code rentalHours} from the first play.
 */
@Entity
@Table(name = "title_grants", schema = "accounts")
public class TitleGrant {
  @Id private UUID id;

  @Column(name = "account_id", nullable = false)
  private UUID accountId;

  @Column(name = "title_id", nullable = false)
  private UUID titleId;

  @Column(nullable = false)
  private String kind;

  @Column(name = "max_height", nullable = false)
  private int maxHeight;

  @Column(name = "granted_at", nullable = false)
  private OffsetDateTime grantedAt;

  @Column(name = "start_by")
  private OffsetDateTime startBy;

  @Column(name = "rental_hours")
  private Integer rentalHours;

  @Column(name = "first_played_at")
  private OffsetDateTime firstPlayedAt;

  @Column(name = "revoked_at")
  private OffsetDateTime revokedAt;

  protected TitleGrant() {}

  public static TitleGrant purchase(UUID account, UUID title, int maxHeight, OffsetDateTime now) {
    TitleGrant g = new TitleGrant(account, title, "PURCHASE", maxHeight, now);
    return g;
  }

  public static TitleGrant rental(
      UUID account,
      UUID title,
      int maxHeight,
      OffsetDateTime now,
      OffsetDateTime startBy,
      int hours) {
    TitleGrant g = new TitleGrant(account, title, "RENTAL", maxHeight, now);
    g.startBy = startBy;
    g.rentalHours = hours;
    return g;
  }

  /** A grant as read by a query outside JPA (the licence hot path), for its rules only. */
  public static TitleGrant restored(
      String kind,
      int maxHeight,
      OffsetDateTime startBy,
      Integer rentalHours,
      OffsetDateTime firstPlayedAt,
      OffsetDateTime revokedAt) {
    TitleGrant g = new TitleGrant(null, null, kind, maxHeight, null);
    g.startBy = startBy;
    g.rentalHours = rentalHours;
    g.firstPlayedAt = firstPlayedAt;
    g.revokedAt = revokedAt;
    return g;
  }

  private TitleGrant(UUID account, UUID title, String kind, int maxHeight, OffsetDateTime now) {
    this.id = UUID.randomUUID();
    this.accountId = account;
    this.titleId = title;
    this.kind = kind;
    this.maxHeight = maxHeight;
    this.grantedAt = now;
  }

  public boolean isRental() {
    return "RENTAL".equals(kind);
  }

  /** Null when the grant entitles at {@code at}; otherwise why not. */
  public String denialAt(OffsetDateTime at) {
    if (revokedAt != null) {
      return "The " + kind.toLowerCase(Locale.ROOT) + " was revoked.";
    }
    if (!isRental()) {
      return null;
    }
    if (firstPlayedAt == null) {
      return at.isAfter(startBy) ? "The rental was not started before " + startBy + "." : null;
    }
    OffsetDateTime end = firstPlayedAt.plusHours(rentalHours);
    return at.isBefore(end) ? null : "The rental ended at " + end + ".";
  }

  public void markPlayed(OffsetDateTime at) {
    if (isRental() && firstPlayedAt == null && revokedAt == null) {
      firstPlayedAt = at;
    }
  }

  public boolean revoke(OffsetDateTime now) {
    if (revokedAt != null) {
      return false;
    }
    revokedAt = now;
    return true;
  }

  public UUID id() {
    return id;
  }

  public UUID accountId() {
    return accountId;
  }

  public UUID titleId() {
    return titleId;
  }

  public String kind() {
    return kind;
  }

  public int maxHeight() {
    return maxHeight;
  }

  public OffsetDateTime grantedAt() {
    return grantedAt;
  }

  public OffsetDateTime startBy() {
    return startBy;
  }

  public Integer rentalHours() {
    return rentalHours;
  }

  public OffsetDateTime firstPlayedAt() {
    return firstPlayedAt;
  }

  public OffsetDateTime revokedAt() {
    return revokedAt;
  }
}
