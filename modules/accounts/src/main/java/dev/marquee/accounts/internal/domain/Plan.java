package dev.marquee.accounts.internal.domain;

import dev.marquee.accounts.api.PlanView;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A subscription plan; the rows come with the schema. */
@Entity
@Table(name = "plans", schema = "accounts")
public class Plan {
  @Id private String code;

  @Column(nullable = false)
  private String name;

  @Column(name = "max_height", nullable = false)
  private int maxHeight;

  @Column(name = "max_streams", nullable = false)
  private int maxStreams;

  @Column(name = "offline_licences", nullable = false)
  private int offlineLicences;

  protected Plan() {}

  public PlanView view() {
    return new PlanView(code, name, maxHeight, maxStreams, offlineLicences);
  }
}
