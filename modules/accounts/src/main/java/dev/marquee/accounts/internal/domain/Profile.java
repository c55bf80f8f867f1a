package dev.marquee.accounts.internal.domain;

import dev.marquee.accounts.api.MaturityRating;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One person's view of an account: own positions, lists and a maturity cap. */
@Entity
@Table(name = "profiles", schema = "accounts")
@NamedQuery(
    name = "Profile.ofAccount",
    query = "SELECT p FROM Profile p WHERE p.accountId = :account ORDER BY p.createdAt, p.name")
public class Profile {
  /** Enough for a household; a limit keeps shared-account abuse visible. */
  public static final int MAX_PER_ACCOUNT = 5;

  /** Kids profiles never see anything rated above this. */
  public static final MaturityRating KIDS_CAP = MaturityRating.AGE_7;

  @Id private UUID id;

  @Column(name = "account_id", nullable = false)
  private UUID accountId;

  @Column(nullable = false)
  private String name;

  @Column(name = "maturity_cap", nullable = false)
  @Enumerated(EnumType.STRING)
  private MaturityRating maturityCap;

  private boolean kids;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  @Version private long version;

  protected Profile() {}

  public Profile(
      UUID accountId, String name, MaturityRating cap, boolean kids, OffsetDateTime now) {
    this.id = UUID.randomUUID();
    this.accountId = accountId;
    this.name = name;
    this.maturityCap = cap;
    this.kids = kids;
    this.createdAt = now;
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

  public MaturityRating maturityCap() {
    return maturityCap;
  }

  public boolean kids() {
    return kids;
  }

  public OffsetDateTime createdAt() {
    return createdAt;
  }

  public void rename(String newName) {
    this.name = newName;
  }

  public void restrict(MaturityRating cap, boolean kidsProfile) {
    this.maturityCap = cap;
    this.kids = kidsProfile;
  }
}
