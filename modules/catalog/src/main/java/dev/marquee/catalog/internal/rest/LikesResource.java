package dev.marquee.catalog.internal.rest;

import dev.marquee.catalog.internal.engagement.EngagementLimits;
import dev.marquee.catalog.internal.engagement.Reactions;
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

/** Likes: one per profile and title, counted per title (and feeding search's popularity). */
@Path("/catalog/likes/{titleId}")
@RequestScoped
@RolesAllowed("viewer")
@Produces(MediaType.APPLICATION_JSON)
public class LikesResource {
  @Inject Reactions reactions;
  @Inject CallerProfiles profiles;
  @Inject EngagementLimits limits;

  @GET
  public Reactions.LikeCount count(
      @PathParam("titleId") String titleId, @QueryParam("profileId") String profileId) {
    return reactions.likes(CallerProfiles.uuid("titleId", titleId), profile(profileId));
  }

  @PUT
  public Reactions.LikeCount like(
      @PathParam("titleId") String titleId, @QueryParam("profileId") String profileId) {
    UUID title = CallerProfiles.uuid("titleId", titleId);
    UUID profile = profile(profileId);
    limits.like(profiles.account());
    reactions.add(Reactions.Kind.LIKE, profiles.account(), profile, title);
    return reactions.likes(title, profile);
  }

  @DELETE
  public Reactions.LikeCount unlike(
      @PathParam("titleId") String titleId, @QueryParam("profileId") String profileId) {
    UUID title = CallerProfiles.uuid("titleId", titleId);
    UUID profile = profile(profileId);
    limits.like(profiles.account());
    reactions.remove(Reactions.Kind.LIKE, profiles.account(), profile, title);
    return reactions.likes(title, profile);
  }

  private UUID profile(String profileId) {
    return profiles.require(profileId).id().value();
  }
}
