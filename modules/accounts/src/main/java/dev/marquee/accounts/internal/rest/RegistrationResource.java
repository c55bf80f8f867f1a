package dev.marquee.accounts.internal.rest;

import dev.marquee.accounts.internal.application.AccountLimits;
import dev.marquee.accounts.internal.application.RegistrationService;
import dev.marquee.platform.api.ProblemException;
import jakarta.annotation.security.PermitAll;
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
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Anyone may create a viewer account. */
@Path("/accounts")
@RequestScoped
@PermitAll
public class RegistrationResource {
  @Inject RegistrationService registrations;
  @Inject AccountLimits limits;
  @Context HttpServletRequest http;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(summary = "Register a viewer account")
  @APIResponse(
      responseCode = "201",
      description = "The new account",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = AccountResponse.class)),
      headers = {
        @Header(
            name = "Location",
            description = "api/accounts/me",
            schema = @Schema(type = SchemaType.STRING))
      })
  @Extension(name = "x-public", value = "true", parseValue = true)
  @APIResponse(
      responseCode = "400",
      description = "malformed-json, validation-failed, weak-password")
  @APIResponse(responseCode = "409", description = "email-taken")
  @APIResponse(responseCode = "413", description = "body-too-large")
  @APIResponse(responseCode = "429", description = "rate-limited")
  @APIResponse(responseCode = "503", description = "database-unavailable, sign-in-busy")
  public Response register(
      @NotNull(message = "a JSON body is required") @Valid RegistrationRequest request) {
    if (request == null) {
      throw ProblemException.badRequest("validation-failed", "A JSON body is required.");
    }
    limits.registration(http.getRemoteAddr());
    var account =
        registrations.register(
            request.email(), request.password(), request.displayName(), request.country());
    return Response.created(URI.create("accounts/me")).entity(AccountResponse.of(account)).build();
  }
}
