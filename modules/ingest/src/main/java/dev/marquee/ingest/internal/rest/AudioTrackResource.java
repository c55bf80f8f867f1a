package dev.marquee.ingest.internal.rest;

import dev.marquee.ingest.api.AddedAudio;
import dev.marquee.ingest.internal.application.AudioTrackService;
import dev.marquee.platform.api.CallerIdentity;
import dev.marquee.platform.api.MaxBodySize;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.io.InputStream;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * Creators add audio tracks to their titles: another language's dub, or audio description ({@code
 * ?role=description}), one per language and role; sending one again replaces it. The answer is 202:
 * the track is kept, and its rendition is being encoded.
 */
@Path("/ingest/titles/{titleId}/audio")
@RequestScoped
@RolesAllowed({"creator", "admin"})
@Produces(MediaType.APPLICATION_JSON)
public class AudioTrackResource {
  @Inject AudioTrackService audio;
  @Inject CallerIdentity caller;
  @Context SecurityContext security;

  // One S3 PUT at most; the service streams the file and holds it to the configured limit.
  @MaxBodySize(value = 5L * 1024 * 1024 * 1024, streamed = true, problem = "audio-too-large")
  @PUT
  @Path("/{language}")
  @Consumes({"audio/*", "video/*", MediaType.APPLICATION_OCTET_STREAM})
  @Operation(summary = "Add or replace an audio track of a title")
  @APIResponse(
      responseCode = "202",
      description = "The track is stored; it is transcoded in the background",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = AddedAudio.class)))
  @SecurityRequirement(
      name = "bearer",
      scopes = {"creator", "admin"})
  @APIResponse(responseCode = "400", description = "empty-audio, invalid-role, unknown-language")
  @APIResponse(responseCode = "401", description = "unauthenticated")
  @APIResponse(responseCode = "403", description = "forbidden")
  @APIResponse(responseCode = "404", description = "title-not-found")
  @APIResponse(responseCode = "413", description = "audio-too-large")
  @APIResponse(
      responseCode = "422",
      description = "duration-mismatch, not-audio, unsupported-container, zero-duration")
  public Response put(
      @PathParam("titleId") String titleId,
      @PathParam("language") String language,
      @QueryParam("role") String role,
      InputStream body) {
    AddedAudio track =
        audio.add(
            owner(), security.isUserInRole("admin"), TitleIds.parse(titleId), language, role, body);
    return Response.accepted(track).build();
  }

  @GET
  @Operation(summary = "List a title's audio tracks")
  @APIResponse(
      responseCode = "200",
      description = "The title's added audio tracks",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(type = SchemaType.ARRAY, implementation = AddedAudio.class)))
  @SecurityRequirement(
      name = "bearer",
      scopes = {"creator", "admin"})
  @APIResponse(responseCode = "401", description = "unauthenticated")
  @APIResponse(responseCode = "403", description = "forbidden")
  @APIResponse(responseCode = "404", description = "title-not-found")
  public List<AddedAudio> list(@PathParam("titleId") String titleId) {
    return audio.list(owner(), security.isUserInRole("admin"), TitleIds.parse(titleId));
  }

  private UUID owner() {
    return caller.accountId();
  }
}
