package dev.marquee.accounts.internal.domain;

import dev.marquee.accounts.api.Role;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/** A person who signs in: credentials, roles and the country their catalog follows. */
@Entity
@Table(name = "accounts", schema = "accounts")
@NamedQuery(
    name = "Account.byEmail",
    query = "SELECT a FROM Account a WHERE a.emailNormalized = :email")
@NamedQuery(
    name = "Account.search",
    query =
        "SELECT a FROM Account a WHERE a.emailNormalized LIKE :pattern ORDER BY a.createdAt, a.id")
@NamedQuery(
    name = "Account.count",
    query = "SELECT COUNT(a) FROM Account a WHERE a.emailNormalized LIKE :pattern")
public class Account {
  @Id private UUID id;

  @Column(nullable = false)
  private String email;

  @Column(name = "email_normalized", nullable = false)
  private String emailNormalized;

  @Column(name = "password_hash", nullable = false)
  private String passwordHash;

  @Column(name = "display_name", nullable = false)
  private String displayName;

  private String country;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  @Column(name = "locked_at")
  private OffsetDateTime lockedAt;

  @Column(name = "locked_reason")
  private String lockedReason;

  @Version private long version;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(
      name = "account_roles",
      schema = "accounts",
      joinColumns = @JoinColumn(name = "account_id"))
  @Column(name = "role")
  @Enumerated(EnumType.STRING)
  private Set<Role> roles = new HashSet<>();

  protected Account() {}

  public Account(
      String email, String passwordHash, String displayName, String country, OffsetDateTime now) {
    this.id = UUID.randomUUID();
    this.email = email.strip();
    this.emailNormalized = normalize(email);
    this.passwordHash = passwordHash;
    this.displayName = displayName;
    this.country = country;
    this.createdAt = now;
    this.roles.add(Role.VIEWER);
  }

  /** Emails compare case-insensitively and without surrounding blanks. */
  public static String normalize(String email) {
    return email.strip().toLowerCase(Locale.ROOT);
  }

  public UUID id() {
    return id;
  }

  public String email() {
    return email;
  }

  public String passwordHash() {
    return passwordHash;
  }

  public String displayName() {
    return displayName;
  }

  public String country() {
    return country;
  }

  public OffsetDateTime createdAt() {
    return createdAt;
  }

  public Set<Role> roles() {
    return roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
  }

  public void replaceRoles(Set<Role> newRoles) {
    roles.clear();
    roles.addAll(newRoles);
  }

  /** Locked accounts cannot sign in (an administrator's decision, kept with its reason). */
  public boolean isLocked() {
    return lockedAt != null;
  }

  public OffsetDateTime lockedAt() {
    return lockedAt;
  }

  public String lockedReason() {
    return lockedReason;
  }

  /** Locks the account; false if it was already locked (nothing changes). */
  public boolean lock(String reason, OffsetDateTime now) {
    if (isLocked()) {
      return false;
    }
    lockedAt = now;
    lockedReason = reason;
    return true;
  }

  /** Unlocks the account; false if it was not locked. */
  public boolean unlock() {
    if (!isLocked()) {
      return false;
    }
    lockedAt = null;
    lockedReason = null;
    return true;
  }

  public void changePasswordHash(String newHash) {
    this.passwordHash = newHash;
  }
}
