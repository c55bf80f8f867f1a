package dev.marquee.catalog.internal.rest;

import dev.marquee.accounts.api.AccountView;
import dev.marquee.accounts.api.AccountsFacade;
import dev.marquee.accounts.api.ProfileView;
import dev.marquee.catalog.internal.application.RecommendationService;
import dev.marquee.catalog.internal.domain.Recommendation;
import dev.marquee.catalog.internal.domain.RecommendationRepository.Stored;
import dev.marquee.platform.api.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * A profile's recommendations: "because you watched" titles, then popular ones, read from what the
 * recommendation job stored, and only titles the profile may watch now (ADR 31).
 */
@Path("/catalog/recommendations")
@RequestScoped
@RolesAllowed("viewer")
@Produces(MediaType.APPLICATION_JSON)
public class RecommendationsResource {
  static final int MAX_LIMIT = 50;

  @Inject RecommendationService recommendations;
  @Inject AccountsFacade accounts;
  @Inject CallerProfiles profiles;

  /** The completed title a suggestion comes from. */
  public record BecauseOf(String titleId, String name) {}

  /** One suggested title. */
  public record Item(
      String titleId,
      String name,
      String maturityRating,
      String reason,
      double score,
      BecauseOf becauseOf) {}

  /** The profile's list; {@code computedAt} is null until the job first ran. */
  public record RecommendationList(String profileId, Instant computedAt, List<Item> titles) {}

  @GET
  @Operation(summary = "List the titles recommended to the profile, because-you-watched first")
  @APIResponse(
      responseCode = "200",
      description = "The recommendations",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = RecommendationList.class)))
  @SecurityRequirement(name = "bearer", scopes = "viewer")
  @APIResponse(
      responseCode = "400",
      description = "invalid-id, invalid-parameter, page-too-large, profile-required")
  @APIResponse(responseCode = "401", description = "unauthenticated")
  @APIResponse(responseCode = "404", description = "profile-not-found")
  public RecommendationList list(
      @QueryParam("profileId") String profileId, @QueryParam("limit") String limit) {
    int size = limit(limit);
    ProfileView profile = profiles.require(profileId);
    String country = accounts.account(profile.accountId()).map(AccountView::country).orElse(null);
    String region =
        country == null || country.isBlank() ? null : country.strip().toUpperCase(Locale.ROOT);
    RecommendationService.Served served = recommendations.listFor(profile, region, size);
    return new RecommendationList(
        profile.id().value().toString(),
        served.computedAt(),
        served.titles().stream().map(RecommendationsResource::item).toList());
  }

  private static Item item(Stored s) {
    Recommendation r = s.recommendation();
    return new Item(
        r.titleId().toString(),
        s.title().name(),
        s.title().rating().label(),
        r.reason().name().toLowerCase(Locale.ROOT).replace('_', '-'),
        r.score(),
        r.becauseOf() == null || s.becauseOfName() == null
            ? null
            : new BecauseOf(r.becauseOf().toString(), s.becauseOfName()));
  }

  static int limit(String limit) {
    if (limit == null || limit.isBlank()) {
      return 20;
    }
    int n;
    try {
      n = Integer.parseInt(limit.strip());
    } catch (NumberFormatException e) {
      throw ProblemException.badRequest(
          "invalid-parameter", "limit must be a whole number, not " + limit + ".");
    }
    if (n < 1) {
      throw ProblemException.badRequest("invalid-parameter", "limit must be at least 1.");
    }
    if (n > MAX_LIMIT) {
      throw ProblemException.badRequest(
          "page-too-large", "limit may be at most " + MAX_LIMIT + ", not " + n + ".");
    }
    return n;
  }
}
