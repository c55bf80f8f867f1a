package dev.marquee.playback.internal.rest;

import dev.marquee.platform.api.ProblemException;
import dev.marquee.playback.api.LicenceDecision;
import dev.marquee.playback.internal.persistence.LicenceAuditStore;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** Admins query the trail of issued and denied licences, newest first. */
@Path("/drm/audit")
@RequestScoped
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
public class LicenceAuditResource {
  @Inject LicenceAuditStore audit;

  @GET
  @Operation(summary = "Search the licence audit trail")
  @APIResponse(
      responseCode = "200",
      description = "The matching audit rows",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(type = SchemaType.ARRAY, implementation = LicenceDecision.class)))
  @SecurityRequirement(name = "bearer", scopes = "admin")
  @APIResponse(responseCode = "400", description = "invalid-query, validation-failed")
  @APIResponse(responseCode = "401", description = "unauthenticated")
  @APIResponse(responseCode = "403", description = "forbidden")
  public List<LicenceDecision> search(
      @QueryParam("title") String title,
      @QueryParam("account") String account,
      @QueryParam("outcome") String outcome,
      @QueryParam("rule") String rule,
      @QueryParam("before") String before,
      @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
    Instant until;
    try {
      until = before == null ? null : Instant.parse(before);
    } catch (DateTimeParseException e) {
      throw ProblemException.badRequest(
          "invalid-query", "before must be an ISO-8601 instant, e.g. 2026-11-22T10:00:00Z");
    }
    return audit.search(
        uuid(title, "title"), uuid(account, "account"), outcome, rule, until, limit);
  }

  private static UUID uuid(String value, String name) {
    if (value == null) {
      return null;
    }
    try {
      return UUID.fromString(value);
    } catch (IllegalArgumentException e) {
      throw ProblemException.badRequest("invalid-query", name + " must be a UUID, not " + value);
    }
  }
}
