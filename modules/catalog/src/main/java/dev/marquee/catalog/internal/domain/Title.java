package dev.marquee.catalog.internal.domain;

import dev.marquee.accounts.api.MaturityRating;
import dev.marquee.catalog.api.TitleState;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/** A movie (series and episodes come with the catalog issue). */
@Entity
@Table(name = "titles", schema = "catalog")
public class Title {
  @Id private UUID id;

  @Column(name = "owner_id", nullable = false)
  private UUID ownerId;

  private String name;
  private String synopsis;
  private String language;
  private String category;

  @Column(name = "maturity_rating")
  @Enumerated(EnumType.STRING)
  private MaturityRating maturityRating;

  @Column(name = "release_year")
  private int releaseYear;

  /** Space-separated region codes. */
  private String regions;

  @Column(name = "available_from")
  private OffsetDateTime availableFrom;

  @Column(name = "available_until")
  private OffsetDateTime availableUntil;

  @Column(name = "offline_allowed")
  private boolean offlineAllowed;

  @Enumerated(EnumType.STRING)
  private TitleState state;

  @Column(name = "duration_ms")
  private Long durationMillis;

  @Column(name = "created_at")
  private OffsetDateTime createdAt;

  @Version private long version;

  protected Title() {}

  @SuppressWarnings("checkstyle:ParameterNumber")
  public Title(
      UUID ownerId,
      String name,
      String synopsis,
      String language,
      String category,
      MaturityRating maturityRating,
      int releaseYear,
      Set<String> regions,
      OffsetDateTime availableFrom,
      OffsetDateTime availableUntil,
      boolean offlineAllowed,
      long durationMillis,
      OffsetDateTime now) {
    this.id = UUID.randomUUID();
    this.ownerId = ownerId;
    this.name = name.strip();
    this.synopsis = synopsis == null ? "" : synopsis.strip();
    this.language = language.strip().toLowerCase(Locale.ROOT);
    this.category = category;
    this.maturityRating = maturityRating;
    this.releaseYear = releaseYear;
    this.regions = String.join(" ", new TreeSet<>(regions));
    this.availableFrom = availableFrom;
    this.availableUntil = availableUntil;
    this.offlineAllowed = offlineAllowed;
    this.state = TitleState.INGESTED;
    this.durationMillis = durationMillis;
    this.createdAt = now;
  }

  public UUID id() {
    return id;
  }

  public UUID ownerId() {
    return ownerId;
  }

  public String name() {
    return name;
  }

  public String synopsis() {
    return synopsis;
  }

  public String language() {
    return language;
  }

  public String category() {
    return category;
  }

  public MaturityRating maturityRating() {
    return maturityRating;
  }

  public int releaseYear() {
    return releaseYear;
  }

  public Set<String> regions() {
    return Set.copyOf(Arrays.asList(regions.split(" ")));
  }

  public OffsetDateTime availableFrom() {
    return availableFrom;
  }

  public OffsetDateTime availableUntil() {
    return availableUntil;
  }

  public boolean offlineAllowed() {
    return offlineAllowed;
  }

  public TitleState state() {
    return state;
  }

  public Long durationMillis() {
    return durationMillis;
  }

  public OffsetDateTime createdAt() {
    return createdAt;
  }

  public void changeState(TitleState newState) {
    this.state = newState;
  }
}
