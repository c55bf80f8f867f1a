package dev.marquee.catalog.internal.rest;

import dev.marquee.catalog.internal.application.EngagementLimits;
import dev.marquee.catalog.internal.application.Reactions;
import dev.marquee.catalog.internal.domain.LikeCount;
import dev.marquee.catalog.internal.domain.ReactionKind;
import dev.marquee.platform.api.TokenIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** Likes: one per profile and title, counted per title (and feeding search's popularity). */
@TokenIdentity
@Path("/catalog/likes/{titleId}")
@RequestScoped
@RolesAllowed("viewer")
@Produces(MediaType.APPLICATION_JSON)
public class LikesResource {
  @Inject Reactions reactions;
  @Inject CallerProfiles profiles;
  @Inject EngagementLimits limits;

  @GET
  @Operation(summary = "Count a title's likes and whether the profile likes it")
  @APIResponse(
      responseCode = "200",
      description = "The title's likes",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = LikeCount.class)))
  @SecurityRequirement(name = "bearer", scopes = "viewer")
  @APIResponse(responseCode = "400", description = "invalid-id, profile-required")
  @APIResponse(responseCode = "401", description = "unauthenticated")
  @APIResponse(responseCode = "404", description = "profile-not-found")
  public LikeCount count(
      @PathParam("titleId") String titleId, @QueryParam("profileId") String profileId) {
    return reactions.likes(CallerProfiles.uuid("titleId", titleId), profile(profileId));
  }

  @PUT
  @Operation(summary = "Like a title")
  @APIResponse(
      responseCode = "200",
      description = "The title's likes, the profile's included",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = LikeCount.class)))
  @SecurityRequirement(name = "bearer", scopes = "viewer")
  @APIResponse(responseCode = "400", description = "invalid-id, profile-required")
  @APIResponse(responseCode = "401", description = "unauthenticated")
  @APIResponse(responseCode = "404", description = "profile-not-found, title-not-found")
  @APIResponse(responseCode = "429", description = "rate-limited")
  @APIResponse(responseCode = "503", description = "database-unavailable")
  public LikeCount like(
      @PathParam("titleId") String titleId, @QueryParam("profileId") String profileId) {
    UUID title = CallerProfiles.uuid("titleId", titleId);
    UUID profile = profile(profileId);
    limits.like(profiles.account());
    reactions.add(ReactionKind.LIKE, profiles.account(), profile, title);
    return reactions.likes(title, profile);
  }

  @DELETE
  @Operation(summary = "Withdraw a like")
  @APIResponse(
      responseCode = "200",
      description = "The title's likes without the profile's",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = LikeCount.class)))
  @SecurityRequirement(name = "bearer", scopes = "viewer")
  @APIResponse(responseCode = "400", description = "invalid-id, profile-required")
  @APIResponse(responseCode = "401", description = "unauthenticated")
  @APIResponse(responseCode = "404", description = "profile-not-found")
  @APIResponse(responseCode = "429", description = "rate-limited")
  @APIResponse(responseCode = "503", description = "database-unavailable")
  public LikeCount unlike(
      @PathParam("titleId") String titleId, @QueryParam("profileId") String profileId) {
    UUID title = CallerProfiles.uuid("titleId", titleId);
    UUID profile = profile(profileId);
    limits.like(profiles.account());
    reactions.remove(ReactionKind.LIKE, profiles.account(), profile, title);
    return reactions.likes(title, profile);
  }

  private UUID profile(String profileId) {
    return profiles.require(profileId).id().value();
  }
}
