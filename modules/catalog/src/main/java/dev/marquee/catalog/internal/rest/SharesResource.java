package dev.marquee.catalog.internal.rest;

import dev.marquee.catalog.api.TitleId;
import dev.marquee.catalog.api.TitleState;
import dev.marquee.catalog.api.TitleView;
import dev.marquee.catalog.internal.application.DefaultCatalogFacade;
import dev.marquee.catalog.internal.domain.ShareLinks;
import dev.marquee.platform.api.ProblemException;
import dev.marquee.platform.api.TokenIdentity;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * Share links: a viewer makes a signed, expiring link to a published title; anyone holding it opens
 * the title's page (its card), never the video itself.
 */
@TokenIdentity
@Path("/catalog/shares")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class SharesResource {
  @Inject ShareLinks links;
  @Inject DefaultCatalogFacade catalog;

  /** What to share. */
  public record NewShare(@NotBlank String titleId) {}

  /** A link to pass on. */
  public record Share(String token, String url, String titleId, Instant expiresAt) {}

  /** What a shared link opens. */
  public record SharedTitle(
      String id,
      String name,
      String synopsis,
      String category,
      int releaseYear,
      String maturityRating) {}

  @POST
  @RolesAllowed("viewer")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Make a signed, expiring share link to a title")
  @APIResponse(
      responseCode = "201",
      description = "The share link",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = Share.class)))
  @SecurityRequirement(name = "bearer", scopes = "viewer")
  @APIResponse(responseCode = "400", description = "invalid-id, malformed-json, validation-failed")
  @APIResponse(responseCode = "401", description = "unauthenticated")
  @APIResponse(responseCode = "404", description = "title-not-found")
  @APIResponse(responseCode = "413", description = "body-too-large")
  public Response share(@NotNull(message = "a JSON body is required") @Valid NewShare body) {
    UUID title = CallerProfiles.uuid("titleId", body.titleId());
    published(title);
    ShareLinks.Verdict.Valid link = links.issue(title);
    String token = links.token(link);
    return Response.status(201)
        .entity(new Share(token, "/player/?share=" + token, title.toString(), link.expiresAt()))
        .build();
  }

  @GET
  @Path("/{token}")
  @PermitAll
  @Operation(summary = "Open a share link")
  @APIResponse(
      responseCode = "200",
      description = "The shared title's card",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = SharedTitle.class)))
  @Extension(name = "x-public", value = "true", parseValue = true)
  @APIResponse(responseCode = "404", description = "share-link-invalid, title-not-found")
  @APIResponse(responseCode = "410", description = "share-link-expired")
  public SharedTitle open(@PathParam("token") String token) {
    ShareLinks.Verdict verdict = links.verify(token);
    if (verdict instanceof ShareLinks.Verdict.Valid v) {
      return card(published(v.title()));
    }
    if (verdict instanceof ShareLinks.Verdict.Expired e) {
      throw new ProblemException(
          410, "share-link-expired", "Gone", "This share link expired at " + e.expiredAt() + ".");
    }
    throw ProblemException.notFound("share-link-invalid", "This is not a Marquee share link.");
  }

  private TitleView published(UUID id) {
    return catalog
        .title(new TitleId(id))
        .filter(t -> t.state() == TitleState.PUBLISHED)
        .orElseThrow(
            () -> ProblemException.notFound("title-not-found", "No published title " + id + "."));
  }

  private static SharedTitle card(TitleView t) {
    return new SharedTitle(
        t.id().toString(),
        t.name(),
        t.synopsis(),
        t.category(),
        t.releaseYear(),
        t.maturityRating().label());
  }
}
