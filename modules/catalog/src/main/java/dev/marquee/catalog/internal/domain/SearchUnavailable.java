package dev.marquee.catalog.internal.domain;

import dev.marquee.platform.api.ProblemException;
import java.util.Map;

/** The search engine did not answer: 503 with Retry-After; the catalog itself is unharmed. */
public final class SearchUnavailable extends ProblemException {
  private static final long serialVersionUID = 1L;

  public SearchUnavailable(String detail) {
    super(503, "search-unavailable", "Search unavailable", detail, Map.of("retryAfterSeconds", 5));
  }
}
