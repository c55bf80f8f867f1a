package dev.marquee.catalog.internal.rest;

import dev.marquee.accounts.api.AccountView;
import dev.marquee.accounts.api.AccountsFacade;
import dev.marquee.accounts.api.MaturityRating;
import dev.marquee.accounts.api.ProfileView;
import dev.marquee.catalog.internal.application.SearchIndexRelay;
import dev.marquee.catalog.internal.domain.Cursors;
import dev.marquee.catalog.internal.domain.MetadataRules;
import dev.marquee.catalog.internal.domain.Ratings;
import dev.marquee.catalog.internal.domain.SearchQuery;
import dev.marquee.catalog.internal.domain.SearchResult;
import dev.marquee.catalog.internal.domain.TitleRepository;
import dev.marquee.catalog.internal.domain.TitleSearch;
import dev.marquee.platform.api.ProblemException;
import dev.marquee.platform.api.TokenIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * Search for viewers: title words (prefixes and typos tolerated), categories, advanced criteria
 * (years, language, maturity rating, duration), facets with counts, three sorts, cursor paging.
 * Only what the profile may watch: published, licensed in the account's country, inside its window,
 * within the profile's maturity cap. Every parameter is checked here; bad input is a 400 naming it.
 */
@TokenIdentity
@Path("/catalog/search")
@ApplicationScoped
@RolesAllowed("viewer")
@Produces(MediaType.APPLICATION_JSON)
public class SearchResource {
  static final int MAX_QUERY = 100;
  static final int MAX_LIMIT = 50;
  static final int MAX_CATEGORIES = 10;

  @Inject TitleSearch search;
  @Inject SearchIndexRelay relay;
  @Inject TitleRepository titles;
  @Inject AccountsFacade accounts;
  @Inject CallerProfiles profiles;

  @GET
  @Operation(summary = "Search the titles the profile may watch, with facets and cursor pages")
  @APIResponse(
      responseCode = "200",
      description = "One page of hits with facets",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = SearchResult.class)))
  @SecurityRequirement(name = "bearer", scopes = "viewer")
  @APIResponse(
      responseCode = "400",
      description =
          "invalid-cursor, invalid-id, invalid-parameter, invalid-query, invalid-range, invalid-sort, page-too-large, profile-required, query-too-long, too-many-categories, unknown-category, unknown-language, unknown-maturity-rating")
  @APIResponse(responseCode = "401", description = "unauthenticated")
  @APIResponse(responseCode = "404", description = "profile-not-found")
  public SearchResult search(
      @QueryParam("profileId") String profileId,
      @QueryParam("q") String q,
      @QueryParam("category") List<String> categories,
      @QueryParam("language") String language,
      @QueryParam("yearFrom") String yearFrom,
      @QueryParam("yearTo") String yearTo,
      @QueryParam("durationMin") String durationMin,
      @QueryParam("durationMax") String durationMax,
      @QueryParam("maturity") List<String> maturity,
      @QueryParam("cast") String cast,
      @QueryParam("sort") String sort,
      @QueryParam("limit") String limit,
      @QueryParam("cursor") String cursor) {
    ProfileView profile = profiles.require(profileId);
    String region = accounts.account(profile.accountId()).map(AccountView::country).orElse(null);
    Integer from = number("yearFrom", yearFrom, 1870, 2100);
    Integer to = number("yearTo", yearTo, 1870, 2100);
    if (from != null && to != null && from > to) {
      throw ProblemException.badRequest(
          "invalid-range", "yearFrom (" + from + ") is after yearTo (" + to + ").");
    }
    Integer shortest = number("durationMin", durationMin, 0, 100_000);
    Integer longest = number("durationMax", durationMax, 0, 100_000);
    if (shortest != null && longest != null && shortest > longest) {
      throw ProblemException.badRequest(
          "invalid-range",
          "durationMin (" + shortest + ") is above durationMax (" + longest + ").");
    }
    Integer pageSize = number("limit", limit, 1, Integer.MAX_VALUE);
    if (pageSize != null && pageSize > MAX_LIMIT) {
      throw ProblemException.badRequest(
          "page-too-large", "limit may be at most " + MAX_LIMIT + ", not " + pageSize + ".");
    }
    return search.search(
        new SearchQuery(
            text(q),
            categories(categories),
            language(language),
            from,
            to,
            shortest,
            longest,
            ratings(maturity),
            sort(sort),
            pageSize == null ? 20 : pageSize,
            Cursors.offset(cursor),
            region == null || region.isBlank() ? null : region.strip().toUpperCase(Locale.ROOT),
            cap(profile.maturityCap()),
            castMember(cast)));
  }

  /** Operators: which engine serves search, and how far the index is behind the catalog. */
  @GET
  @Path("/status")
  @RolesAllowed({"operator", "admin"})
  @Operation(summary = "Show which engine serves search and how far its index lags")
  @APIResponse(
      responseCode = "200",
      description = "The engine and its index's lag",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = SearchIndexRelay.Status.class)))
  @SecurityRequirement(
      name = "bearer",
      scopes = {"operator", "admin"})
  @APIResponse(responseCode = "401", description = "unauthenticated")
  @APIResponse(responseCode = "403", description = "forbidden")
  public SearchIndexRelay.Status status() {
    return relay.status();
  }

  /** Operators: rebuild the OpenSearch index from the database (swapped in when complete). */
  @POST
  @Path("/rebuild")
  @RolesAllowed({"operator", "admin"})
  @Operation(summary = "Rebuild the OpenSearch index from the database")
  @APIResponse(
      responseCode = "200",
      description = "The index is rebuilt",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema =
                  @Schema(
                      type = SchemaType.OBJECT,
                      properties = {
                        @SchemaProperty(name = "engine", type = SchemaType.STRING),
                        @SchemaProperty(name = "indexed", type = SchemaType.INTEGER),
                        @SchemaProperty(
                            name = "tookMillis",
                            type = SchemaType.INTEGER,
                            format = "int64")
                      })))
  @SecurityRequirement(
      name = "bearer",
      scopes = {"operator", "admin"})
  @APIResponse(responseCode = "401", description = "unauthenticated")
  @APIResponse(responseCode = "403", description = "forbidden")
  public Map<String, Object> rebuild() {
    long started = System.nanoTime();
    long indexed = relay.rebuild();
    return Map.of(
        "engine",
        search.engine(),
        "indexed",
        indexed,
        "tookMillis",
        (System.nanoTime() - started) / 1_000_000);
  }

  private static String text(String q) {
    if (q == null || q.isBlank()) {
      return null;
    }
    String text = q.strip().replaceAll("\\s+", " ");
    if (text.length() > MAX_QUERY) {
      throw ProblemException.badRequest(
          "query-too-long", "q may have at most " + MAX_QUERY + " characters.");
    }
    if (text.chars().anyMatch(Character::isISOControl)) {
      throw ProblemException.badRequest("invalid-query", "q must not contain control characters.");
    }
    return text;
  }

  private List<String> categories(List<String> given) {
    Set<String> slugs = new LinkedHashSet<>();
    for (String c : given == null ? List.<String>of() : given) {
      for (String part : c.split(",")) {
        String slug = part.strip().toLowerCase(Locale.ROOT);
        if (!slug.isEmpty()) {
          if (slug.length() > 32 || !titles.categoryExists(slug)) {
            throw ProblemException.badRequest(
                "unknown-category", "There is no category " + part.strip() + ".");
          }
          slugs.add(slug);
        }
      }
    }
    if (slugs.size() > MAX_CATEGORIES) {
      throw ProblemException.badRequest(
          "too-many-categories", "Ask for at most " + MAX_CATEGORIES + " categories at once.");
    }
    return new ArrayList<>(slugs);
  }

  private static String castMember(String cast) {
    if (cast == null || cast.isBlank()) {
      return null;
    }
    String name = cast.strip().replaceAll("\\s+", " ");
    if (name.length() > 200 || name.chars().anyMatch(Character::isISOControl)) {
      throw ProblemException.badRequest(
          "invalid-parameter", "cast must be a person's name of at most 200 characters.");
    }
    return name;
  }

  private static String language(String language) {
    if (language == null || language.isBlank()) {
      return null;
    }
    String code = language.strip().toLowerCase(Locale.ROOT);
    if (!MetadataRules.isLanguage(code)) {
      throw ProblemException.badRequest(
          "unknown-language", "language " + language + " is not an ISO 639-1 or 639-2 code.");
    }
    return code;
  }

  private static Set<String> ratings(List<String> given) {
    Set<String> names = new LinkedHashSet<>();
    for (String r : given == null ? List.<String>of() : given) {
      for (String part : r.split(",")) {
        String label = part.strip().toUpperCase(Locale.ROOT);
        if (label.isEmpty()) {
          continue;
        }
        MaturityRating rating = Ratings.parse(label).orElse(null);
        if (rating == null) {
          throw ProblemException.badRequest(
              "unknown-maturity-rating",
              "maturity " + part.strip() + " is not one of ALL, 7+, 13+, 16+, 18+.");
        }
        names.add(rating.name());
      }
    }
    return names;
  }

  private static SearchQuery.Sort sort(String sort) {
    if (sort == null || sort.isBlank()) {
      return SearchQuery.Sort.RELEVANCE;
    }
    try {
      return SearchQuery.Sort.valueOf(sort.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw ProblemException.badRequest(
          "invalid-sort", "sort must be relevance, newest or popularity, not " + sort + ".");
    }
  }

  /** The profile's cap and every rating below it. */
  private static Set<String> cap(MaturityRating cap) {
    Set<String> allowed = new LinkedHashSet<>();
    for (MaturityRating m : MaturityRating.values()) {
      if (cap.permits(m)) {
        allowed.add(m.name());
      }
    }
    return allowed;
  }

  private static Integer number(String name, String value, int min, int max) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      int n = Integer.parseInt(value.strip());
      if (n < min || n > max) {
        throw ProblemException.badRequest(
            "invalid-parameter", name + " must be between " + min + " and " + max + ".");
      }
      return n;
    } catch (NumberFormatException e) {
      throw ProblemException.badRequest(
          "invalid-parameter", name + " must be a whole number, not " + value + ".");
    }
  }
}
