package dev.marquee.ingest.internal.rest;

import dev.marquee.ingest.api.SubtitleFile;
import dev.marquee.ingest.internal.application.SubtitleService;
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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** Creators add subtitle files (SRT or WebVTT) to their titles, one per language. */
@Path("/ingest/titles/{titleId}/subtitles")
@RequestScoped
@RolesAllowed({"creator", "admin"})
@Produces(MediaType.APPLICATION_JSON)
public class SubtitleResource {
  @Inject SubtitleService subtitles;
  @Inject CallerIdentity caller;
  @Context SecurityContext security;

  @MaxBodySize(value = SubtitleService.MAX_BYTES, streamed = true, problem = "subtitles-too-large")
  @PUT
  @Path("/{language}")
  @Consumes({"text/vtt", "application/x-subrip", "text/srt", MediaType.TEXT_PLAIN})
  @Operation(summary = "Add or replace a subtitle file (WebVTT or SRT) of a title")
  @APIResponse(
      responseCode = "200",
      description = "The stored subtitle file (WebVTT)",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = SubtitleFile.class)))
  @SecurityRequirement(
      name = "bearer",
      scopes = {"creator", "admin"})
  @APIResponse(responseCode = "400", description = "invalid-subtitles, unknown-language")
  @APIResponse(responseCode = "401", description = "unauthenticated")
  @APIResponse(responseCode = "403", description = "forbidden")
  @APIResponse(responseCode = "404", description = "title-not-found")
  @APIResponse(responseCode = "413", description = "subtitles-too-large")
  public SubtitleFile put(
      @PathParam("titleId") String titleId,
      @PathParam("language") String language,
      InputStream body)
      throws IOException {
    // Read one byte past the limit, so an oversized file is refused without reading all of it.
    byte[] bytes = body.readNBytes(SubtitleService.MAX_BYTES + 1);
    return subtitles.add(
        owner(), security.isUserInRole("admin"), TitleIds.parse(titleId), language, bytes);
  }

  @GET
  @Operation(summary = "List a title's subtitle files")
  @APIResponse(
      responseCode = "200",
      description = "The title's subtitle files",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(type = SchemaType.ARRAY, implementation = SubtitleFile.class)))
  @SecurityRequirement(
      name = "bearer",
      scopes = {"creator", "admin"})
  @APIResponse(responseCode = "401", description = "unauthenticated")
  @APIResponse(responseCode = "403", description = "forbidden")
  @APIResponse(responseCode = "404", description = "title-not-found")
  public List<SubtitleFile> list(@PathParam("titleId") String titleId) {
    return subtitles.list(owner(), security.isUserInRole("admin"), TitleIds.parse(titleId));
  }

  private UUID owner() {
    return caller.accountId();
  }
}
