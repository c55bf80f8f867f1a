package dev.marquee.catalog.internal.rest;

import dev.marquee.accounts.api.ProfileView;
import dev.marquee.catalog.api.TitleView;
import dev.marquee.catalog.internal.application.Artwork;
import dev.marquee.catalog.internal.application.DefaultCatalogFacade;
import dev.marquee.catalog.internal.application.ViewerTitles;
import dev.marquee.catalog.internal.domain.ArtworkKind;
import dev.marquee.platform.api.ProblemException;
import dev.marquee.platform.api.TokenIdentity;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * Published titles, newest first, for the web player's shelf (with a profile: only what it may
 * watch now), a title's page, and its artwork.
 */
@TokenIdentity
@Path("/catalog/titles")
@ApplicationScoped
@RolesAllowed("viewer")
@Produces(MediaType.APPLICATION_JSON)
public class TitleBrowseResource {
  @Inject DefaultCatalogFacade catalog;
  @Inject ViewerTitles viewerTitles;
  @Inject CallerProfiles profiles;

  /** A title on the shelf. */
  public record TitleCard(
      String id,
      String name,
      String synopsis,
      String category,
      String maturityRating,
      int releaseYear,
      Long durationMillis,
      boolean offlineAllowed) {
    static TitleCard of(TitleView t) {
      return new TitleCard(
          t.id().toString(),
          t.name(),
          t.synopsis(),
          t.category(),
          t.maturityRating().label(),
          t.releaseYear(),
          t.durationMillis(),
          t.licence().offlineAllowed());
    }
  }

  @Inject Artwork artwork;

  /**
   * A published title's poster or backdrop (else the still grabbed from its master), public so that
   * an {@code <img>} can show it; cached for an hour, revalidated by ETag.
   */
  @GET
  @Path("/{id}/artwork/{kind}")
  @PermitAll
  @Produces({"image/jpeg", "image/png"})
  @Operation(summary = "Fetch a published title's poster or backdrop")
  @APIResponse(
      responseCode = "200",
      description = "The image",
      content = {
        @Content(
            mediaType = "image/jpeg",
            schema = @Schema(type = SchemaType.STRING, format = "binary")),
        @Content(
            mediaType = "image/png",
            schema = @Schema(type = SchemaType.STRING, format = "binary"))
      },
      headers = {
        @Header(
            name = "ETag",
            description = "The image's version",
            schema = @Schema(type = SchemaType.STRING))
      })
  @APIResponse(
      responseCode = "304",
      description = "The image has not changed since the If-None-Match ETag")
  @Extension(name = "x-public", value = "true", parseValue = true)
  @APIResponse(responseCode = "400", description = "invalid-id")
  @APIResponse(responseCode = "404", description = "artwork-not-found, title-not-found")
  public Response artwork(
      @PathParam("id") String id,
      @PathParam("kind") String kind,
      @HeaderParam("If-None-Match") String ifNoneMatch) {
    var image =
        artwork
            .image(CallerProfiles.uuid("id", id), ArtworkKind.of(kind))
            .orElseThrow(
                () ->
                    ProblemException.notFound(
                        "artwork-not-found", "This title has no " + kind + " yet."));
    if (image.etag().equals(ifNoneMatch)) {
      try {
        image.bytes().close();
      } catch (IOException e) {
        // nothing was read
      }
      return Response.notModified().header("ETag", image.etag()).build();
    }
    StreamingOutput body =
        out -> {
          try (var in = image.bytes()) {
            in.transferTo(out);
          }
        };
    return Response.ok(body, image.type())
        .header("ETag", image.etag())
        .header("Content-Length", image.size())
        .header("Cache-Control", "public, max-age=3600")
        .build();
  }

  @GET
  @Operation(
      summary =
          "List the published titles (the shelf); with profileId, only those the profile may watch")
  @APIResponse(
      responseCode = "200",
      description = "The published titles",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(type = SchemaType.ARRAY, implementation = TitleCard.class)))
  @SecurityRequirement(name = "bearer", scopes = "viewer")
  @APIResponse(responseCode = "400", description = "invalid-id, validation-failed")
  @APIResponse(responseCode = "401", description = "unauthenticated")
  @APIResponse(responseCode = "404", description = "profile-not-found")
  public List<TitleCard> published(
      @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) int limit,
      @QueryParam("profileId") String profileId) {
    if (profileId == null) {
      return catalog.published(limit).stream().map(TitleCard::of).toList();
    }
    ProfileView profile = profiles.require(profileId);
    return viewerTitles.shelf(profile, profiles.region(profile), limit).stream()
        .map(TitleCard::of)
        .toList();
  }

  /**
   * A title's page for a profile: synopsis, rating, duration, languages, cast and crew, and for an
   * episode its series and the next episode. 404 for a title the profile may not watch now.
   */
  @GET
  @Path("/{id}")
  @Operation(summary = "Show a title's page as the profile may see it")
  @APIResponse(
      responseCode = "200",
      description = "The title's page",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ViewerTitles.TitleDetails.class)))
  @SecurityRequirement(name = "bearer", scopes = "viewer")
  @APIResponse(responseCode = "400", description = "invalid-id, profile-required")
  @APIResponse(responseCode = "401", description = "unauthenticated")
  @APIResponse(responseCode = "404", description = "profile-not-found, title-not-found")
  public ViewerTitles.TitleDetails details(
      @PathParam("id") String id, @QueryParam("profileId") String profileId) {
    ProfileView profile = profiles.require(profileId);
    return viewerTitles.details(profile, profiles.region(profile), CallerProfiles.uuid("id", id));
  }
}
