package dev.marquee.console.internal.web.catalog;

import dev.marquee.accounts.api.Role;
import dev.marquee.catalog.api.CatalogFacade;
import dev.marquee.catalog.api.TitleChange;
import dev.marquee.catalog.api.TitleId;
import dev.marquee.catalog.api.TitleMetadata;
import dev.marquee.console.internal.web.ConsoleSession;
import dev.marquee.platform.api.ProblemException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Edits a title's metadata under the version it was read at, with the catalog's own rules: a rule
 * broken is shown beside its field; a title changed meanwhile by someone else is refused and the
 * form keeps what the admin typed, so it can be compared and saved again on the new version.
 */
@Named
@ViewScoped
public class TitleEditPage implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject transient CatalogFacade catalog;
  @Inject transient ConsoleSession console;
  @Inject transient FacesContext faces;

  private String id;
  private boolean loaded;
  private boolean found;
  private long version;
  private String name;
  private String synopsis;
  private String language;
  private String category;
  private String maturityRating;
  private int releaseYear;

  /** Reads the title once per view (f:viewAction), not on every postback. */
  public void load() {
    if (loaded) {
      return;
    }
    loaded = true;
    Optional<TitleMetadata> title = titleId().flatMap(catalog::metadata);
    found = title.isPresent();
    title.ifPresent(this::show);
  }

  public void save() {
    UUID actor = console.require(Role.ADMIN).accountId();
    TitleMetadata change =
        new TitleMetadata(version, name, synopsis, language, category, maturityRating, releaseYear);
    try {
      show(catalog.editMetadata(titleId().orElseThrow(), change, actor));
      faces.addMessage(
          null,
          new FacesMessage(FacesMessage.SEVERITY_INFO, "Saved (version " + version + ").", null));
    } catch (ProblemException e) {
      if (e.status() == 412) {
        // Keep what the admin typed; only the version moves on, so saving again overwrites.
        long current =
            catalog.metadata(titleId().orElseThrow()).map(TitleMetadata::version).orElse(version);
        faces.addMessage(
            null,
            new FacesMessage(
                FacesMessage.SEVERITY_ERROR,
                "Someone else changed this title while you edited it (it is at version "
                    + current
                    + " now). Your changes are kept below but not saved: check the title's"
                    + " audit, then save again to apply them on top.",
                null));
        version = current;
        return;
      }
      faces.addMessage(
          fieldOf(e.type()), new FacesMessage(FacesMessage.SEVERITY_ERROR, e.detail(), e.detail()));
      faces.validationFailed();
    }
  }

  /** The form field a catalog rule's problem type is about (null: the whole form). */
  static String fieldOf(String type) {
    if (type == null) {
      return null;
    }
    String field;
    if (type.contains("language")) {
      field = "language";
    } else if (type.contains("synopsis")) {
      field = "synopsis";
    } else if (type.contains("release-year")) {
      field = "releaseYear";
    } else if (type.contains("category")) {
      field = "category";
    } else if (type.contains("maturity")) {
      field = "maturityRating";
    } else if (type.contains("name")) {
      field = "name";
    } else {
      return null;
    }
    return "edit:" + field;
  }

  public List<TitleChange> changes() {
    return titleId().map(catalog::audit).orElse(List.of());
  }

  /** The audit, one line per change: version, when, who, what. */
  public List<String> getAudit() {
    return changes().stream()
        .map(c -> "v" + c.version() + " " + c.at() + " by " + c.actorId() + ": " + c.changes())
        .toList();
  }

  private Optional<TitleId> titleId() {
    try {
      return Optional.of(new TitleId(UUID.fromString(id)));
    } catch (IllegalArgumentException | NullPointerException e) {
      return Optional.empty();
    }
  }

  private void show(TitleMetadata t) {
    version = t.version();
    name = t.name();
    synopsis = t.synopsis();
    language = t.language();
    category = t.category();
    maturityRating = t.maturityRating();
    releaseYear = t.releaseYear();
  }

  public String getId() {
    return id;
  }

  public void setId(String id) {
    this.id = id;
  }

  public boolean isFound() {
    return found;
  }

  public long getVersion() {
    return version;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getSynopsis() {
    return synopsis;
  }

  public void setSynopsis(String synopsis) {
    this.synopsis = synopsis;
  }

  public String getLanguage() {
    return language;
  }

  public void setLanguage(String language) {
    this.language = language;
  }

  public String getCategory() {
    return category;
  }

  public void setCategory(String category) {
    this.category = category;
  }

  public String getMaturityRating() {
    return maturityRating;
  }

  public void setMaturityRating(String maturityRating) {
    this.maturityRating = maturityRating;
  }

  public int getReleaseYear() {
    return releaseYear;
  }

  public void setReleaseYear(int releaseYear) {
    this.releaseYear = releaseYear;
  }
}
