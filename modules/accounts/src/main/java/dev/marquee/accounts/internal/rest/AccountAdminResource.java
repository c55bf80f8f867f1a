package dev.marquee.accounts.internal.rest;

import dev.marquee.accounts.api.Role;
import dev.marquee.accounts.api.SignInState;
import dev.marquee.accounts.internal.application.AccountLocks;
import dev.marquee.accounts.internal.application.DefaultAccountsFacade;
import dev.marquee.accounts.internal.application.RegistrationService;
import dev.marquee.platform.api.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** Administrators find accounts and decide their roles. */
@Path("/admin/accounts")
@RequestScoped
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
public class AccountAdminResource {
  @Inject DefaultAccountsFacade accounts;
  @Inject RegistrationService registrations;
  @Inject AccountLocks locks;
  @Inject Caller caller;

  /** Why an account is locked or unlocked (kept with the decision). */
  public record LockRequest(String reason) {}

  /** The complete set of roles the account should have (viewer is always kept). */
  public record RoleAssignment(@NotNull List<String> roles) {}

  @GET
  @Operation(summary = "Find accounts by email")
  @APIResponse(
      responseCode = "200",
      description = "The accounts whose email matches",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(type = SchemaType.ARRAY, implementation = AccountResponse.class)))
  @SecurityRequirement(name = "bearer", scopes = "admin")
  @APIResponse(responseCode = "400", description = "validation-failed")
  @APIResponse(responseCode = "401", description = "unauthenticated")
  @APIResponse(responseCode = "403", description = "forbidden")
  public List<AccountResponse> search(
      @QueryParam("email") @DefaultValue("") String email,
      @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(500) int limit) {
    return accounts.search(email, limit).stream().map(AccountResponse::of).toList();
  }

  @POST
  @Path("/{id}/lock")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Lock an account: no sign-in until unlocked, every sign-in revoked")
  @APIResponse(
      responseCode = "200",
      description = "The account's sign-in state, now locked",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = SignInState.class)))
  @SecurityRequirement(name = "bearer", scopes = "admin")
  @APIResponse(responseCode = "400", description = "malformed-json, reason-required")
  @APIResponse(responseCode = "401", description = "unauthenticated")
  @APIResponse(responseCode = "403", description = "forbidden")
  @APIResponse(responseCode = "404", description = "account-not-found")
  @APIResponse(responseCode = "409", description = "account-already-locked, cannot-lock-yourself")
  @APIResponse(responseCode = "413", description = "body-too-large")
  public SignInState lock(@PathParam("id") String id, LockRequest body) {
    return locks.lock(
        ProfileResource.uuid(id), caller.accountId(), body == null ? null : body.reason());
  }

  @POST
  @Path("/{id}/unlock")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Unlock an account")
  @APIResponse(
      responseCode = "200",
      description = "The account's sign-in state, now unlocked",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = SignInState.class)))
  @SecurityRequirement(name = "bearer", scopes = "admin")
  @APIResponse(responseCode = "400", description = "malformed-json, reason-required")
  @APIResponse(responseCode = "401", description = "unauthenticated")
  @APIResponse(responseCode = "403", description = "forbidden")
  @APIResponse(responseCode = "404", description = "account-not-found")
  @APIResponse(responseCode = "409", description = "account-not-locked")
  @APIResponse(responseCode = "413", description = "body-too-large")
  public SignInState unlock(@PathParam("id") String id, LockRequest body) {
    return locks.unlock(
        ProfileResource.uuid(id), caller.accountId(), body == null ? null : body.reason());
  }

  @PUT
  @Path("/{id}/roles")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Set an account's roles (viewer is always kept)")
  @APIResponse(
      responseCode = "200",
      description = "The account with its new roles",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = AccountResponse.class)))
  @SecurityRequirement(name = "bearer", scopes = "admin")
  @APIResponse(
      responseCode = "400",
      description = "malformed-json, unknown-role, validation-failed")
  @APIResponse(responseCode = "401", description = "unauthenticated")
  @APIResponse(responseCode = "403", description = "forbidden")
  @APIResponse(responseCode = "404", description = "account-not-found")
  @APIResponse(responseCode = "413", description = "body-too-large")
  public AccountResponse assignRoles(
      @PathParam("id") String id,
      @NotNull(message = "a JSON body is required") @Valid RoleAssignment body) {
    Set<Role> roles = EnumSet.noneOf(Role.class);
    for (String name : body.roles()) {
      try {
        roles.add(Role.fromName(name));
      } catch (IllegalArgumentException | NullPointerException e) {
        throw ProblemException.badRequest(
            "unknown-role",
            "Role " + name + " does not exist; roles are viewer, creator, admin, operator.");
      }
    }
    return AccountResponse.of(registrations.replaceRoles(ProfileResource.uuid(id), roles));
  }
}
