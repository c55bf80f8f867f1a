package dev.marquee.accounts.internal.rest;

import dev.marquee.accounts.api.SecurityLevel;
import dev.marquee.accounts.internal.application.DeviceRegistryService;
import dev.marquee.accounts.internal.application.DeviceRegistryService.SecurityChange;
import dev.marquee.accounts.internal.rest.DeviceResource.DeviceResponse;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * Administrators see an account's devices and decide which of them are hardware-secure: the only
 * way a device gets keys above 480p. Every decision is audited with its reason.
 */
@Path("/admin/accounts/{accountId}/devices")
@RequestScoped
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
public class DeviceSecurityAdminResource {
  @Inject DeviceRegistryService devices;
  @Inject Caller caller;

  /** The decision, with the reason the audit keeps. */
  public record SecurityLevelChange(
      @NotBlank(message = "securityLevel is required (SOFTWARE or HARDWARE)") String securityLevel,
      @NotBlank(message = "reason is required: say why this device is trusted or not")
          @Size(max = 500, message = "reason must have at most 500 characters")
          String reason) {}

  @GET
  @Operation(summary = "List an account's devices with their security levels")
  @APIResponse(
      responseCode = "200",
      description = "The account's devices",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(type = SchemaType.ARRAY, implementation = DeviceResponse.class)))
  @SecurityRequirement(name = "bearer", scopes = "admin")
  @APIResponse(responseCode = "401", description = "unauthenticated")
  @APIResponse(responseCode = "403", description = "forbidden")
  @APIResponse(responseCode = "404", description = "not-found")
  public List<DeviceResponse> list(@PathParam("accountId") String accountId) {
    return devices.devicesOf(ProfileResource.uuid(accountId)).stream()
        .map(DeviceResponse::of)
        .toList();
  }

  @PUT
  @Path("/{deviceId}/security-level")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Change a device's security level (audited)")
  @APIResponse(
      responseCode = "200",
      description = "The device with its new security level",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = DeviceResponse.class)))
  @SecurityRequirement(name = "bearer", scopes = "admin")
  @APIResponse(responseCode = "400", description = "malformed-json, validation-failed")
  @APIResponse(responseCode = "401", description = "unauthenticated")
  @APIResponse(responseCode = "403", description = "forbidden")
  @APIResponse(responseCode = "404", description = "device-not-found")
  @APIResponse(responseCode = "409", description = "software-only-device")
  @APIResponse(responseCode = "413", description = "body-too-large")
  public DeviceResponse change(
      @PathParam("accountId") String accountId,
      @PathParam("deviceId") String deviceId,
      @NotNull(message = "a JSON body is required") @Valid SecurityLevelChange body) {
    SecurityLevel level =
        DeviceResource.parse(SecurityLevel.class, body.securityLevel(), "securityLevel");
    return DeviceResponse.of(
        devices.changeSecurityLevel(
            ProfileResource.uuid(accountId),
            ProfileResource.uuid(deviceId),
            level,
            caller.accountId(),
            body.reason()));
  }

  @GET
  @Path("/{deviceId}/security-level/history")
  @Operation(summary = "Show the audit of a device's security level changes")
  @APIResponse(
      responseCode = "200",
      description = "The changes, oldest first",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(type = SchemaType.ARRAY, implementation = SecurityChange.class)))
  @SecurityRequirement(name = "bearer", scopes = "admin")
  @APIResponse(responseCode = "401", description = "unauthenticated")
  @APIResponse(responseCode = "403", description = "forbidden")
  @APIResponse(responseCode = "404", description = "device-not-found")
  public List<SecurityChange> history(
      @PathParam("accountId") String accountId, @PathParam("deviceId") String deviceId) {
    return devices.securityChanges(ProfileResource.uuid(accountId), ProfileResource.uuid(deviceId));
  }
}
