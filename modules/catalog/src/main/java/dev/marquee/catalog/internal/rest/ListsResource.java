package dev.marquee.catalog.internal.rest;

import dev.marquee.catalog.internal.application.Lists;
import dev.marquee.catalog.internal.domain.TitleList;
import dev.marquee.platform.api.TokenIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** A profile's own lists: create, rename, delete, add, remove, reorder. */
@TokenIdentity
@Path("/catalog/lists")
@RequestScoped
@RolesAllowed("viewer")
@Produces(MediaType.APPLICATION_JSON)
public class ListsResource {
  @Inject Lists lists;
  @Inject CallerProfiles profiles;

  /** A new list. */
  public record NewList(@NotBlank String profileId, @NotBlank @Size(max = 100) String name) {}

  /** A new name. */
  public record Rename(@NotBlank @Size(max = 100) String name) {}

  /** Every title of the list, in the order wanted. */
  public record Order(@NotNull @Size(max = TitleList.MAX_ITEMS) List<@NotBlank String> titleIds) {}

  @GET
  @Operation(summary = "List a profile's lists")
  @APIResponse(
      responseCode = "200",
      description = "The profile's lists",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(type = SchemaType.ARRAY, implementation = TitleList.class)))
  @SecurityRequirement(name = "bearer", scopes = "viewer")
  @APIResponse(responseCode = "400", description = "invalid-id, profile-required")
  @APIResponse(responseCode = "401", description = "unauthenticated")
  @APIResponse(responseCode = "404", description = "list-not-found, profile-not-found")
  public List<TitleList> mine(@QueryParam("profileId") String profileId) {
    return lists.ofProfile(profiles.require(profileId).id().value());
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Create a list for a profile")
  @APIResponse(
      responseCode = "201",
      description = "The new list",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = TitleList.class)),
      headers = {
        @Header(
            name = "Location",
            description = "The new list",
            schema = @Schema(type = SchemaType.STRING))
      })
  @SecurityRequirement(name = "bearer", scopes = "viewer")
  @APIResponse(
      responseCode = "400",
      description = "invalid-id, malformed-json, profile-required, validation-failed")
  @APIResponse(responseCode = "401", description = "unauthenticated")
  @APIResponse(responseCode = "404", description = "list-not-found, profile-not-found")
  @APIResponse(responseCode = "409", description = "list-exists, list-full, too-many-lists")
  @APIResponse(responseCode = "413", description = "body-too-large")
  public Response create(@NotNull(message = "a JSON body is required") @Valid NewList body) {
    var profile = profiles.require(body.profileId());
    TitleList created = lists.create(profiles.account(), profile.id().value(), body.name().strip());
    return Response.created(URI.create("/api/catalog/lists/" + created.id()))
        .entity(created)
        .build();
  }

  @GET
  @Path("/{id}")
  @Operation(summary = "Show a list with its titles")
  @APIResponse(
      responseCode = "200",
      description = "The list",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = TitleList.class)))
  @SecurityRequirement(name = "bearer", scopes = "viewer")
  @APIResponse(responseCode = "400", description = "invalid-id, profile-required")
  @APIResponse(responseCode = "401", description = "unauthenticated")
  @APIResponse(responseCode = "404", description = "list-not-found, profile-not-found")
  public TitleList get(@PathParam("id") String id, @QueryParam("profileId") String profileId) {
    return lists.get(profile(profileId), CallerProfiles.uuid("id", id));
  }

  @PATCH
  @Path("/{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Rename a list")
  @APIResponse(
      responseCode = "200",
      description = "The renamed list",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = TitleList.class)))
  @SecurityRequirement(name = "bearer", scopes = "viewer")
  @APIResponse(
      responseCode = "400",
      description = "invalid-id, malformed-json, profile-required, validation-failed")
  @APIResponse(responseCode = "401", description = "unauthenticated")
  @APIResponse(responseCode = "404", description = "list-not-found, profile-not-found")
  @APIResponse(responseCode = "409", description = "list-exists")
  @APIResponse(responseCode = "413", description = "body-too-large")
  public TitleList rename(
      @PathParam("id") String id,
      @QueryParam("profileId") String profileId,
      @NotNull(message = "a JSON body is required") @Valid Rename body) {
    return lists.rename(profile(profileId), CallerProfiles.uuid("id", id), body.name().strip());
  }

  @DELETE
  @Path("/{id}")
  @Operation(summary = "Delete a list")
  @APIResponse(responseCode = "204", description = "The list is deleted")
  @SecurityRequirement(name = "bearer", scopes = "viewer")
  @APIResponse(responseCode = "400", description = "invalid-id, profile-required")
  @APIResponse(responseCode = "401", description = "unauthenticated")
  @APIResponse(responseCode = "404", description = "list-not-found, profile-not-found")
  public Response delete(@PathParam("id") String id, @QueryParam("profileId") String profileId) {
    lists.delete(profile(profileId), CallerProfiles.uuid("id", id));
    return Response.noContent().build();
  }

  @PUT
  @Path("/{id}/items/{titleId}")
  @Operation(summary = "Add a title to a list")
  @APIResponse(
      responseCode = "200",
      description = "The list with the title",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = TitleList.class)))
  @SecurityRequirement(name = "bearer", scopes = "viewer")
  @APIResponse(responseCode = "400", description = "invalid-id, profile-required")
  @APIResponse(responseCode = "401", description = "unauthenticated")
  @APIResponse(
      responseCode = "404",
      description = "list-not-found, profile-not-found, title-not-found")
  @APIResponse(responseCode = "409", description = "list-exists, list-full, too-many-lists")
  public TitleList add(
      @PathParam("id") String id,
      @PathParam("titleId") String titleId,
      @QueryParam("profileId") String profileId) {
    return lists.add(
        profile(profileId), CallerProfiles.uuid("id", id), CallerProfiles.uuid("titleId", titleId));
  }

  @DELETE
  @Path("/{id}/items/{titleId}")
  @Operation(summary = "Remove a title from a list")
  @APIResponse(
      responseCode = "200",
      description = "The list without the title",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = TitleList.class)))
  @SecurityRequirement(name = "bearer", scopes = "viewer")
  @APIResponse(responseCode = "400", description = "invalid-id, profile-required")
  @APIResponse(responseCode = "401", description = "unauthenticated")
  @APIResponse(responseCode = "404", description = "list-not-found, not-in-list, profile-not-found")
  public TitleList remove(
      @PathParam("id") String id,
      @PathParam("titleId") String titleId,
      @QueryParam("profileId") String profileId) {
    return lists.remove(
        profile(profileId), CallerProfiles.uuid("id", id), CallerProfiles.uuid("titleId", titleId));
  }

  @PUT
  @Path("/{id}/order")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Reorder a list's titles")
  @APIResponse(
      responseCode = "200",
      description = "The list in its new order",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = TitleList.class)))
  @SecurityRequirement(name = "bearer", scopes = "viewer")
  @APIResponse(
      responseCode = "400",
      description =
          "invalid-id, invalid-order, malformed-json, profile-required, validation-failed")
  @APIResponse(responseCode = "401", description = "unauthenticated")
  @APIResponse(responseCode = "404", description = "list-not-found, profile-not-found")
  @APIResponse(responseCode = "413", description = "body-too-large")
  public TitleList reorder(
      @PathParam("id") String id,
      @QueryParam("profileId") String profileId,
      @NotNull(message = "a JSON body is required") @Valid Order body) {
    return lists.reorder(
        profile(profileId),
        CallerProfiles.uuid("id", id),
        body.titleIds().stream().map(t -> CallerProfiles.uuid("titleIds", t)).toList());
  }

  private UUID profile(String profileId) {
    return profiles.require(profileId).id().value();
  }
}
