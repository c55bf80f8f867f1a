package dev.marquee.catalog.internal.rest;

import dev.marquee.accounts.api.MaturityRating;
import dev.marquee.catalog.internal.application.Artwork;
import dev.marquee.catalog.internal.application.SeriesCatalog;
import dev.marquee.catalog.internal.application.TitleEditor;
import dev.marquee.catalog.internal.domain.AdminTitle;
import dev.marquee.catalog.internal.domain.ArtworkKind;
import dev.marquee.catalog.internal.domain.Ratings;
import dev.marquee.catalog.internal.domain.Series;
import dev.marquee.catalog.internal.domain.TitleAuditEntry;
import dev.marquee.platform.api.MaxBodySize;
import dev.marquee.platform.api.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * Admins shape the catalog: read a title with its ETag (its version), change it with a JSON merge
 * patch under {@code If-Match} (a stale ETag is 412 and changes nothing; none is 428), read the
 * audit of its changes; create series, whose episodes are titles placed by season and number.
 */
@Path("/catalog/admin")
@RequestScoped
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
public class CatalogAdminResource {
  @Inject TitleEditor editor;
  @Inject SeriesCatalog series;
  @Inject Artwork artwork;
  @Inject CallerProfiles caller;

  /** A new series. */
  public record NewSeries(
      @NotBlank @Size(max = 200) String name,
      @Size(max = 4000) String synopsis,
      @NotBlank String category,
      @NotBlank String maturityRating,
      @NotNull Integer releaseYear) {}

  @GET
  @Path("/titles/{id}")
  @Operation(summary = "Show a title as an admin edits it, with its version (ETag)")
  @APIResponse(
      responseCode = "200",
      description = "The title; its ETag is the version to send as If-Match",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = AdminTitle.class)),
      headers = {
        @Header(
            name = "ETag",
            description = "The title's version",
            schema = @Schema(type = SchemaType.STRING))
      })
  @SecurityRequirement(name = "bearer", scopes = "admin")
  @APIResponse(responseCode = "400", description = "invalid-id")
  @APIResponse(responseCode = "401", description = "unauthenticated")
  @APIResponse(responseCode = "403", description = "forbidden")
  @APIResponse(responseCode = "404", description = "title-not-found")
  public Response title(@PathParam("id") String id) {
    AdminTitle t = editor.read(CallerProfiles.uuid("id", id));
    return Response.ok(t).tag(Long.toString(t.version())).build();
  }

  @PATCH
  @Path("/titles/{id}")
  @Consumes({"application/merge-patch+json", MediaType.APPLICATION_JSON})
  @Operation(summary = "Edit a title by JSON merge patch under If-Match")
  @APIResponse(
      responseCode = "200",
      description = "The edited title with its new version",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = AdminTitle.class)),
      headers = {
        @Header(
            name = "ETag",
            description = "The title's new version",
            schema = @Schema(type = SchemaType.STRING))
      })
  @SecurityRequirement(name = "bearer", scopes = "admin")
  @APIResponse(
      responseCode = "400",
      description =
          "invalid-id, invalid-maturity-rating, malformed-json, unknown-category, unknown-language, validation-failed")
  @APIResponse(responseCode = "401", description = "unauthenticated")
  @APIResponse(responseCode = "403", description = "forbidden")
  @APIResponse(responseCode = "404", description = "series-not-found, title-not-found")
  @APIResponse(responseCode = "409", description = "episode-taken, not-transcoded")
  @APIResponse(responseCode = "412", description = "stale-version")
  @APIResponse(responseCode = "413", description = "body-too-large")
  @APIResponse(responseCode = "428", description = "if-match-required")
  public Response edit(
      @PathParam("id") String id,
      @HeaderParam("If-Match") String ifMatch,
      @NotNull(message = "a JSON body is required") JsonObject patch) {
    if (ifMatch == null || ifMatch.isBlank()) {
      throw new ProblemException(
          428,
          "if-match-required",
          "Precondition required",
          "Send If-Match with the ETag of the title as you read it, so that no change is lost.");
    }
    long expected;
    if (ifMatch.strip().equals("*")) {
      // RFC 9110: "*" matches whatever version exists (the caller accepts overwriting).
      expected = editor.read(CallerProfiles.uuid("id", id)).version();
    } else {
      expected = etag(ifMatch);
    }
    AdminTitle t = editor.edit(CallerProfiles.uuid("id", id), expected, patch, caller.account());
    return Response.ok(t).tag(Long.toString(t.version())).build();
  }

  private static long etag(String ifMatch) {
    try {
      return Long.parseLong(ifMatch.strip().replace("W/", "").replace("\"", ""));
    } catch (NumberFormatException e) {
      throw new ProblemException(
          412,
          "stale-version",
          "Precondition failed",
          "If-Match " + ifMatch + " is not an ETag of this title.");
    }
  }

  @GET
  @Path("/titles/{id}/audit")
  @Operation(summary = "Show the audit of a title's changes")
  @APIResponse(
      responseCode = "200",
      description = "The title's changes",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(type = SchemaType.ARRAY, implementation = TitleAuditEntry.class)))
  @SecurityRequirement(name = "bearer", scopes = "admin")
  @APIResponse(responseCode = "400", description = "invalid-id")
  @APIResponse(responseCode = "401", description = "unauthenticated")
  @APIResponse(responseCode = "403", description = "forbidden")
  @APIResponse(responseCode = "404", description = "title-not-found")
  public List<TitleAuditEntry> audit(@PathParam("id") String id) {
    return editor.audit(CallerProfiles.uuid("id", id));
  }

  /** A JPEG or PNG poster or backdrop (at most 5 MB and 8000 pixels a side). */
  @MaxBodySize(value = Artwork.MAX_BYTES, streamed = true, problem = "image-too-large")
  @PUT
  @Path("/titles/{id}/artwork/{kind}")
  @Consumes({"image/jpeg", "image/png", MediaType.APPLICATION_OCTET_STREAM})
  @Operation(summary = "Upload a title's poster or backdrop (JPEG or PNG, audited)")
  @APIResponse(
      responseCode = "200",
      description = "The title with its new artwork and version",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = AdminTitle.class)),
      headers = {
        @Header(
            name = "ETag",
            description = "The title's new version",
            schema = @Schema(type = SchemaType.STRING))
      })
  @SecurityRequirement(name = "bearer", scopes = "admin")
  @APIResponse(responseCode = "400", description = "image-too-large, invalid-id, not-an-image")
  @APIResponse(responseCode = "401", description = "unauthenticated")
  @APIResponse(responseCode = "403", description = "forbidden")
  @APIResponse(responseCode = "404", description = "title-not-found")
  @APIResponse(responseCode = "413", description = "image-too-large")
  public Response artwork(
      @PathParam("id") String id, @PathParam("kind") String kind, InputStream body)
      throws IOException {
    byte[] bytes = body.readNBytes(Artwork.MAX_BYTES + 1);
    AdminTitle t =
        artwork.upload(
            CallerProfiles.uuid("id", id), ArtworkKind.of(kind), bytes, caller.account());
    return Response.ok(t).tag(Long.toString(t.version())).build();
  }

  @POST
  @Path("/series")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Create a series")
  @APIResponse(
      responseCode = "201",
      description = "The new series",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = Series.class)),
      headers = {
        @Header(
            name = "Location",
            description = "The new series",
            schema = @Schema(type = SchemaType.STRING))
      })
  @SecurityRequirement(name = "bearer", scopes = "admin")
  @APIResponse(
      responseCode = "400",
      description =
          "invalid-maturity-rating, invalid-name, invalid-release-year, malformed-json, unknown-category, validation-failed")
  @APIResponse(responseCode = "401", description = "unauthenticated")
  @APIResponse(responseCode = "403", description = "forbidden")
  @APIResponse(responseCode = "404", description = "series-not-found")
  @APIResponse(responseCode = "413", description = "body-too-large")
  public Response createSeries(
      @NotNull(message = "a JSON body is required") @Valid NewSeries body) {
    MaturityRating rating = Ratings.parse(body.maturityRating()).orElse(null);
    if (rating == null) {
      throw ProblemException.badRequest(
          "invalid-maturity-rating", "maturityRating must be one of ALL, 7+, 13+, 16+, 18+.");
    }
    Series created =
        series.create(
            body.name(),
            body.synopsis(),
            body.category().strip().toLowerCase(Locale.ROOT),
            rating,
            body.releaseYear());
    return Response.created(URI.create("/api/catalog/series/" + created.id()))
        .entity(created)
        .build();
  }
}
