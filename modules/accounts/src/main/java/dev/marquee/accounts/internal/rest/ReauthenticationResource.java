package dev.marquee.accounts.internal.rest;

import dev.marquee.accounts.internal.application.Reauthentication;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * The account owner re-enters the password in this sign-in, before lifting a profile's cap,
 * deleting a profile or removing a device. Wrong passwords count like failed sign-ins.
 */
@Path("/accounts/me/reauthentication")
@RequestScoped
@RolesAllowed("viewer")
@Produces(MediaType.APPLICATION_JSON)
public class ReauthenticationResource {
  @Inject Reauthentication reauthentication;
  @Inject Caller caller;
  @Context HttpServletRequest http;

  /** The password, re-entered. */
  public record Confirmation(String password) {}

  /** Until when this sign-in counts as the owner's. */
  public record Confirmed(Instant until) {}

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Re-enter the password to unlock sensitive changes for a while")
  @APIResponse(
      responseCode = "200",
      description = "Sensitive changes are unlocked until the time given",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = Confirmed.class)))
  @SecurityRequirement(name = "bearer", scopes = "viewer")
  @APIResponse(
      responseCode = "400",
      description = "malformed-json, password-required, validation-failed")
  @APIResponse(responseCode = "401", description = "unauthenticated")
  @APIResponse(responseCode = "404", description = "account-not-found")
  @APIResponse(responseCode = "413", description = "body-too-large")
  @APIResponse(responseCode = "429", description = "rate-limited")
  public Confirmed confirm(@NotNull(message = "a JSON body is required") @Valid Confirmation body) {
    return new Confirmed(
        reauthentication.confirm(
            caller.accountId(), caller.sessionId(), body.password(), http.getRemoteAddr()));
  }
}
