package dev.marquee.accounts.internal.rest;

import dev.marquee.accounts.internal.application.AccountLimits;
import dev.marquee.accounts.internal.application.DeviceAuthorizationService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** A signed-in viewer approves (or denies) the code their TV shows. */
@Path("/oauth/device/approvals")
@RequestScoped
@RolesAllowed("viewer")
public class DeviceApprovalResource {
  @Inject DeviceAuthorizationService authorizations;
  @Inject Caller caller;
  @Inject AccountLimits limits;
  @Context HttpServletRequest http;

  /** The code as typed, and the decision. */
  public record ApprovalRequest(
      @NotBlank String userCode,
      @NotNull @Pattern(regexp = "approve|deny", message = "must be approve or deny")
          String decision) {}

  /** What was decided, for the confirmation screen. */
  public record ApprovalResponse(String deviceName, String decision) {}

  /**
   * Who asks, before the viewer decides: the app, the device's name and type, and when it asked. A
   * wrong code counts as a guess, like a wrong code in a decision.
   */
  @GET
  @Path("/{userCode}")
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(summary = "Show who asks for a device code before approving it")
  @APIResponse(
      responseCode = "200",
      description = "The client, device name and time of the pending request",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = DeviceAuthorizationService.Pending.class)))
  @SecurityRequirement(name = "bearer", scopes = "viewer")
  @APIResponse(responseCode = "401", description = "unauthenticated")
  @APIResponse(responseCode = "404", description = "unknown-user-code")
  @APIResponse(responseCode = "409", description = "user-code-already-used")
  @APIResponse(responseCode = "429", description = "rate-limited")
  @APIResponse(responseCode = "503", description = "database-unavailable")
  public DeviceAuthorizationService.Pending pending(@PathParam("userCode") String userCode) {
    return limits.deviceApproval(
        http.getRemoteAddr(),
        caller.accountId().toString(),
        () -> authorizations.pending(userCode));
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(summary = "Approve or deny a TV's device code")
  @APIResponse(
      responseCode = "200",
      description = "The decision was recorded; the TV's next poll gets tokens or access_denied",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ApprovalResponse.class)))
  @SecurityRequirement(name = "bearer", scopes = "viewer")
  @APIResponse(responseCode = "400", description = "malformed-json, validation-failed")
  @APIResponse(responseCode = "401", description = "unauthenticated")
  @APIResponse(responseCode = "404", description = "unknown-user-code")
  @APIResponse(responseCode = "409", description = "user-code-already-used")
  @APIResponse(responseCode = "413", description = "body-too-large")
  @APIResponse(responseCode = "429", description = "rate-limited")
  @APIResponse(responseCode = "503", description = "database-unavailable")
  public ApprovalResponse decide(
      @NotNull(message = "a JSON body is required") @Valid ApprovalRequest request) {
    boolean approve = request.decision().equals("approve");
    var account = caller.accountId();
    String device =
        limits.deviceApproval(
            http.getRemoteAddr(),
            account.toString(),
            () -> authorizations.decide(account, request.userCode(), approve));
    return new ApprovalResponse(device, request.decision());
  }
}
