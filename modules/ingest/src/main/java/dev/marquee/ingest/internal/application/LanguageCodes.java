package dev.marquee.ingest.internal.application;

import dev.marquee.catalog.api.CatalogFacade;
import dev.marquee.platform.api.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Locale;

/** The language a creator names for a subtitle file or an audio track, checked and normalized. */
@ApplicationScoped
public class LanguageCodes {
  @Inject CatalogFacade catalog;

  /**
   * @return the code in lower case
   * @throws ProblemException 400 unknown-language if it is no ISO 639-1 or 639-2 code
   */
  public String checked(String language) {
    String code = language.strip().toLowerCase(Locale.ROOT);
    if (!catalog.isLanguage(code)) {
      throw ProblemException.badRequest(
          "unknown-language",
          "language " + language + " is not an ISO 639-1 or ISO 639-2 code (e.g. fr, fra).");
    }
    return code;
  }
}
