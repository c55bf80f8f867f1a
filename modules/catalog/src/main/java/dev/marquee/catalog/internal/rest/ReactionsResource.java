package dev.marquee.catalog.internal.rest;

import dev.marquee.catalog.internal.application.Reactions;
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
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** Favourites of a profile: add and remove (idempotent), list newest first. */
@TokenIdentity
@Path("/catalog/favourites")
@RequestScoped
@RolesAllowed("viewer")
@Produces(MediaType.APPLICATION_JSON)
public class ReactionsResource {
  @Inject Reactions reactions;
  @Inject CallerProfiles profiles;

  @GET
  @Operation(summary = "List a profile's favourites")
  @APIResponse(
      responseCode = "200",
      description = "The profile's favourite title ids",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema =
                  @Schema(
                      type = SchemaType.OBJECT,
                      properties = {
                        @SchemaProperty(
                            name = "titleIds",
                            type = SchemaType.ARRAY,
                            implementation = String.class)
                      })))
  @SecurityRequirement(name = "bearer", scopes = "viewer")
  @APIResponse(responseCode = "400", description = "invalid-id, profile-required")
  @APIResponse(responseCode = "401", description = "unauthenticated")
  @APIResponse(responseCode = "404", description = "profile-not-found")
  public Map<String, List<String>> favourites(@QueryParam("profileId") String profileId) {
    return Map.of(
        "titleIds",
        reactions.ofProfile(ReactionKind.FAVOURITE, profiles.require(profileId).id().value()));
  }

  @PUT
  @Path("/{titleId}")
  @Operation(summary = "Mark a title as a favourite")
  @APIResponse(
      responseCode = "200",
      description = "The title is a favourite; added is false if it already was",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema =
                  @Schema(
                      type = SchemaType.OBJECT,
                      properties = {
                        @SchemaProperty(name = "titleId", type = SchemaType.STRING),
                        @SchemaProperty(name = "favourite", type = SchemaType.BOOLEAN),
                        @SchemaProperty(name = "added", type = SchemaType.BOOLEAN)
                      })))
  @SecurityRequirement(name = "bearer", scopes = "viewer")
  @APIResponse(responseCode = "400", description = "invalid-id, profile-required")
  @APIResponse(responseCode = "401", description = "unauthenticated")
  @APIResponse(responseCode = "404", description = "profile-not-found, title-not-found")
  public Map<String, Object> add(
      @PathParam("titleId") String titleId, @QueryParam("profileId") String profileId) {
    boolean added =
        reactions.add(
            ReactionKind.FAVOURITE,
            profiles.account(),
            profiles.require(profileId).id().value(),
            CallerProfiles.uuid("titleId", titleId));
    return Map.of("titleId", titleId, "favourite", true, "added", added);
  }

  @DELETE
  @Path("/{titleId}")
  @Operation(summary = "Remove a title from the favourites")
  @APIResponse(responseCode = "204", description = "The title is no longer a favourite")
  @SecurityRequirement(name = "bearer", scopes = "viewer")
  @APIResponse(responseCode = "400", description = "invalid-id, profile-required")
  @APIResponse(responseCode = "401", description = "unauthenticated")
  @APIResponse(responseCode = "404", description = "profile-not-found")
  public Response remove(
      @PathParam("titleId") String titleId, @QueryParam("profileId") String profileId) {
    reactions.remove(
        ReactionKind.FAVOURITE,
        profiles.account(),
        profiles.require(profileId).id().value(),
        CallerProfiles.uuid("titleId", titleId));
    return Response.noContent().build();
  }
}
