package dev.marquee.accounts.internal.rest;

import dev.marquee.accounts.api.AccountId;
import dev.marquee.accounts.api.AccountsFacade;
import dev.marquee.accounts.internal.application.AccountErasureService;
import dev.marquee.accounts.internal.application.ErasureSaga;
import dev.marquee.accounts.internal.application.PersonalDataExport;
import dev.marquee.accounts.internal.domain.ErasureRequest;
import dev.marquee.platform.api.ProblemException;
import dev.marquee.platform.api.TokenIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** The signed-in account: what it is, a copy of all its data, and its erasure. */
@Path("/accounts/me")
@RequestScoped
@RolesAllowed("viewer")
public class MeResource {
  @Inject Caller caller;
  @Inject AccountsFacade accounts;
  @Inject PersonalDataExport exports;
  @Inject AccountErasureService erasures;
  @Inject ErasureSaga saga;
  @Context HttpServletRequest http;

  @TokenIdentity
  @GET
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(summary = "Show the caller's account")
  @APIResponse(
      responseCode = "200",
      description = "The caller's account",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = AccountResponse.class)))
  @SecurityRequirement(name = "bearer", scopes = "viewer")
  @APIResponse(responseCode = "401", description = "unauthenticated")
  @APIResponse(responseCode = "404", description = "account-not-found")
  public AccountResponse me() {
    return accounts
        .account(new AccountId(caller.accountId()))
        .map(AccountResponse::of)
        .orElseThrow(
            () -> ProblemException.notFound("account-not-found", "This account no longer exists."));
  }

  /** Everything Marquee holds about the caller, as one JSON document (a download). */
  @GET
  @Path("export")
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(summary = "Download everything Marquee holds about the caller")
  @APIResponse(
      responseCode = "200",
      description = "One JSON document with every module's records of the caller, as an attachment",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(type = SchemaType.OBJECT)),
      headers = {
        @Header(
            name = "Content-Disposition",
            description = "attachment; filename=marquee-data-<account>.json",
            schema = @Schema(type = SchemaType.STRING)),
        @Header(
            name = "Cache-Control",
            description = "no-store",
            schema = @Schema(type = SchemaType.STRING))
      })
  @SecurityRequirement(name = "bearer", scopes = "viewer")
  @APIResponse(responseCode = "401", description = "unauthenticated")
  @APIResponse(responseCode = "404", description = "account-not-found")
  public Response export() {
    UUID account = caller.accountId();
    if (accounts.account(new AccountId(account)).isEmpty()) {
      throw ProblemException.notFound("account-not-found", "This account no longer exists.");
    }
    // Written as text: one document, built by the modules with JSON-P.
    return Response.ok(exports.export(account).toString(), MediaType.APPLICATION_JSON_TYPE)
        .header("Content-Disposition", "attachment; filename=\"marquee-data-" + account + ".json\"")
        .header("Cache-Control", "no-store")
        .build();
  }

  /**
   * Erases the caller's account and everything Marquee holds about it, once the owner re-entered
   * the password. 202 once the request is durable and every sign-in is revoked.
   */
  @DELETE
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(summary = "Erase the caller's account (password re-entered)")
  @APIResponse(
      responseCode = "202",
      description = "Erasure started; every module erases or pseudonymises the account's rows",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ErasureAccepted.class)),
      headers = {
        @Header(
            name = "Cache-Control",
            description = "no-store",
            schema = @Schema(type = SchemaType.STRING))
      })
  @SecurityRequirement(name = "bearer", scopes = "viewer")
  @APIResponse(responseCode = "400", description = "password-required, validation-failed")
  @APIResponse(responseCode = "401", description = "unauthenticated")
  @APIResponse(responseCode = "404", description = "account-not-found")
  @APIResponse(responseCode = "429", description = "rate-limited")
  public Response erase(
      @NotNull(message = "a JSON body with the account's password is required") @Valid
          ErasureRequestBody body) {
    ErasureRequest request =
        erasures.request(caller.accountId(), body.password(), http.getRemoteAddr());
    saga.startSoon(request.id());
    return Response.accepted(ErasureAccepted.of(request))
        .header("Cache-Control", "no-store")
        .build();
  }
}
