package dev.marquee.ingest.internal.rest;

import dev.marquee.accounts.api.AccountId;
import dev.marquee.accounts.api.MaturityRating;
import dev.marquee.catalog.api.LicenceTerms;
import dev.marquee.catalog.api.NewTitle;
import dev.marquee.ingest.internal.application.UploadService;
import dev.marquee.platform.api.CallerIdentity;
import dev.marquee.platform.api.MaxBodySize;
import dev.marquee.platform.api.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * Creators upload masters resumably: open with the title's metadata, size and SHA-256; PUT parts
 * (or PUT them to presigned S3 URLs); ask where to resume; complete.
 */
@Path("/ingest/uploads")
@RequestScoped
@RolesAllowed({"creator", "admin"})
@Produces(MediaType.APPLICATION_JSON)
public class UploadResource {
  private static final Duration PRESIGNED_VALIDITY = Duration.ofHours(1);

  @Inject UploadService uploads;
  @Inject CallerIdentity caller;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Open a resumable upload of a master")
  @APIResponse(
      responseCode = "201",
      description = "The open upload and the parts to send",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = UploadResponse.class)),
      headers = {
        @Header(
            name = "Location",
            description = "The upload",
            schema = @Schema(type = SchemaType.STRING))
      })
  @SecurityRequirement(
      name = "bearer",
      scopes = {"creator", "admin"})
  @APIResponse(
      responseCode = "400",
      description = "invalid-maturity-rating, malformed-json, unknown-category, validation-failed")
  @APIResponse(responseCode = "401", description = "unauthenticated")
  @APIResponse(responseCode = "403", description = "forbidden")
  @APIResponse(responseCode = "413", description = "master-too-large")
  public Response open(@NotNull(message = "a JSON body is required") @Valid UploadRequest request) {
    UUID owner = owner();
    var progress =
        uploads.open(
            owner,
            newTitle(owner, request.title()),
            request.fileName(),
            request.sizeBytes(),
            request.sha256());
    return Response.created(URI.create("ingest/uploads/" + progress.upload().id()))
        .entity(UploadResponse.of(progress, uploads))
        .build();
  }

  /** Where the upload stands; a client that lost its connection resumes at {@code nextPart}. */
  @GET
  @Path("/{id}")
  @Operation(summary = "Show where an upload stands")
  @APIResponse(
      responseCode = "200",
      description = "The upload's progress",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = UploadResponse.class)))
  @SecurityRequirement(
      name = "bearer",
      scopes = {"creator", "admin"})
  @APIResponse(responseCode = "401", description = "unauthenticated")
  @APIResponse(responseCode = "403", description = "forbidden")
  @APIResponse(responseCode = "404", description = "upload-not-found")
  public UploadResponse status(@PathParam("id") String id) {
    return UploadResponse.of(uploads.progress(owner(), uuid(id)), uploads);
  }

  // S3's largest part; the service also holds the part to its planned size before reading.
  @MaxBodySize(value = 5L * 1024 * 1024 * 1024, streamed = true)
  @PUT
  @Path("/{id}/parts/{number}")
  @Consumes(MediaType.APPLICATION_OCTET_STREAM)
  @Operation(summary = "Upload one part of a master through Marquee")
  @APIResponse(
      responseCode = "200",
      description = "The upload's progress with this part",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = UploadResponse.class)))
  @SecurityRequirement(
      name = "bearer",
      scopes = {"creator", "admin"})
  @APIResponse(responseCode = "400", description = "incomplete-part, no-such-part, wrong-part-size")
  @APIResponse(responseCode = "401", description = "unauthenticated")
  @APIResponse(responseCode = "403", description = "forbidden")
  @APIResponse(responseCode = "404", description = "upload-not-found")
  @APIResponse(responseCode = "409", description = "upload-not-open")
  @APIResponse(responseCode = "411", description = "length-required")
  @APIResponse(responseCode = "413", description = "body-too-large")
  public UploadResponse part(
      @PathParam("id") String id,
      @PathParam("number") int number,
      @HeaderParam("Content-Length") Long length,
      InputStream body) {
    if (length == null) {
      throw new ProblemException(
          411,
          "length-required",
          "Length required",
          "Send each part with a Content-Length header.");
    }
    return UploadResponse.of(uploads.receivePart(owner(), uuid(id), number, length, body), uploads);
  }

  /** A presigned URL to PUT the part straight into object storage. */
  @POST
  @Path("/{id}/parts/{number}/presigned-url")
  @Operation(summary = "Get a presigned URL to upload one part straight to object storage")
  @APIResponse(
      responseCode = "200",
      description = "Where and until when to PUT the part",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema =
                  @Schema(
                      type = SchemaType.OBJECT,
                      properties = {
                        @SchemaProperty(name = "method", type = SchemaType.STRING),
                        @SchemaProperty(name = "url", type = SchemaType.STRING, format = "uri"),
                        @SchemaProperty(
                            name = "expiresAt",
                            type = SchemaType.STRING,
                            format = "date-time")
                      })))
  @SecurityRequirement(
      name = "bearer",
      scopes = {"creator", "admin"})
  @APIResponse(responseCode = "400", description = "no-such-part")
  @APIResponse(responseCode = "401", description = "unauthenticated")
  @APIResponse(responseCode = "403", description = "forbidden")
  @APIResponse(responseCode = "404", description = "upload-not-found")
  @APIResponse(responseCode = "409", description = "upload-not-open")
  public Map<String, Object> presign(@PathParam("id") String id, @PathParam("number") int number) {
    URI url = uploads.presignPart(owner(), uuid(id), number, PRESIGNED_VALIDITY);
    return Map.of(
        "method",
        "PUT",
        "url",
        url.toString(),
        "expiresAt",
        Instant.now().plus(PRESIGNED_VALIDITY).toString());
  }

  @POST
  @Path("/{id}/complete")
  @Operation(summary = "Complete an upload: verify, probe and ingest the master")
  @APIResponse(
      responseCode = "200",
      description = "The completed upload; transcoding starts",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = UploadResponse.class)))
  @SecurityRequirement(
      name = "bearer",
      scopes = {"creator", "admin"})
  @APIResponse(responseCode = "400", description = "unknown-category")
  @APIResponse(responseCode = "401", description = "unauthenticated")
  @APIResponse(responseCode = "403", description = "forbidden")
  @APIResponse(responseCode = "404", description = "upload-not-found")
  @APIResponse(responseCode = "409", description = "incomplete-upload, upload-not-open")
  @APIResponse(
      responseCode = "422",
      description = "not-a-video, unsupported-codec, unsupported-container, zero-duration")
  @APIResponse(responseCode = "429", description = "rate-limited")
  public UploadResponse complete(@PathParam("id") String id) {
    return UploadResponse.of(uploads.complete(owner(), uuid(id)), uploads);
  }

  @DELETE
  @Path("/{id}")
  @Operation(summary = "Abort an upload")
  @APIResponse(responseCode = "204", description = "The upload is aborted and its parts deleted")
  @SecurityRequirement(
      name = "bearer",
      scopes = {"creator", "admin"})
  @APIResponse(responseCode = "401", description = "unauthenticated")
  @APIResponse(responseCode = "403", description = "forbidden")
  @APIResponse(responseCode = "404", description = "upload-not-found")
  @APIResponse(responseCode = "409", description = "upload-not-open")
  public Response abort(@PathParam("id") String id) {
    uploads.abort(owner(), uuid(id));
    return Response.noContent().build();
  }

  private UUID owner() {
    return caller.accountId();
  }

  private static NewTitle newTitle(UUID owner, UploadRequest.TitleMetadata t) {
    MaturityRating rating =
        MaturityRating.fromLabel(t.maturityRating())
            .orElseThrow(
                () ->
                    ProblemException.badRequest(
                        "invalid-maturity-rating",
                        "maturityRating "
                            + t.maturityRating()
                            + " is not one of "
                            + MaturityRating.labels()
                            + "."));
    var licence = t.licence();
    return new NewTitle(
        new AccountId(owner),
        t.name(),
        t.synopsis(),
        t.language(),
        t.category(),
        rating,
        t.releaseYear(),
        new LicenceTerms(
            licence.regions(),
            licence.availableFrom() == null ? Instant.now() : licence.availableFrom(),
            licence.availableUntil(),
            licence.offlineAllowed()));
  }

  private static UUID uuid(String id) {
    try {
      return UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw ProblemException.notFound("upload-not-found", "No upload " + id + ".");
    }
  }
}
