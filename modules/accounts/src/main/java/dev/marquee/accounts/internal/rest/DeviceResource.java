package dev.marquee.accounts.internal.rest;

import dev.marquee.accounts.api.DeviceType;
import dev.marquee.accounts.api.DeviceView;
import dev.marquee.accounts.api.SecurityLevel;
import dev.marquee.accounts.internal.application.DeviceRegistryService;
import dev.marquee.accounts.internal.application.Reauthentication;
import dev.marquee.platform.api.ProblemException;
import dev.marquee.platform.api.TokenIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** The device registry of the signed-in account. */
@TokenIdentity
@Path("/accounts/me/devices")
@RequestScoped
@RolesAllowed("viewer")
@Produces(MediaType.APPLICATION_JSON)
public class DeviceResource {
  @Inject DeviceRegistryService devices;
  @Inject Caller caller;
  @Inject Reauthentication reauthentication;

  /** A device as clients see it. */
  public record DeviceResponse(
      String id,
      String name,
      String type,
      String securityLevel,
      Instant registeredAt,
      Instant lastSeenAt) {
    static DeviceResponse of(DeviceView d) {
      return new DeviceResponse(
          d.id().toString(),
          d.name(),
          d.type().name(),
          d.securityLevel().name(),
          d.registeredAt(),
          d.lastSeenAt());
    }
  }

  /** A device to register. */
  public record NewDevice(
      @NotBlank @Size(max = 80) String name, @NotBlank String type, String securityLevel) {}

  @GET
  @Operation(summary = "List the account's devices")
  @APIResponse(
      responseCode = "200",
      description = "The account's devices",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(type = SchemaType.ARRAY, implementation = DeviceResponse.class)))
  @SecurityRequirement(name = "bearer", scopes = "viewer")
  @APIResponse(responseCode = "401", description = "unauthenticated")
  public List<DeviceResponse> list() {
    return devices.list(caller.accountId()).stream().map(DeviceResponse::of).toList();
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Register a device of the account")
  @APIResponse(
      responseCode = "201",
      description = "The registered device",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = DeviceResponse.class)),
      headers = {
        @Header(
            name = "Location",
            description = "The new device",
            schema = @Schema(type = SchemaType.STRING))
      })
  @SecurityRequirement(name = "bearer", scopes = "viewer")
  @APIResponse(
      responseCode = "400",
      description = "malformed-json, security-level-not-declarable, validation-failed")
  @APIResponse(responseCode = "401", description = "unauthenticated")
  @APIResponse(responseCode = "409", description = "device-limit")
  @APIResponse(responseCode = "413", description = "body-too-large")
  public Response register(@NotNull(message = "a JSON body is required") @Valid NewDevice body) {
    DeviceType type = parse(DeviceType.class, body.type(), "type");
    if (body.securityLevel() != null
        && parse(SecurityLevel.class, body.securityLevel(), "securityLevel")
            != SecurityLevel.SOFTWARE) {
      throw ProblemException.badRequest(
          "security-level-not-declarable",
          "A device cannot declare its own security level: every device starts as SOFTWARE"
              + " (keys up to 480p), and only an administrator can mark a device"
              + " hardware-secure.");
    }
    DeviceView device = devices.register(caller.accountId(), body.name(), type);
    return Response.created(URI.create("accounts/me/devices/" + device.id()))
        .entity(DeviceResponse.of(device))
        .build();
  }

  /**
   * A returning device says it is back (the web player, with the id it kept from its first
   * sign-in): its last use becomes now. 404 {@code device-not-found} once it was removed, and the
   * client registers again.
   */
  @POST
  @Path("/{id}/seen")
  @Operation(summary = "Say a returning device is back (its last use becomes now)")
  @APIResponse(
      responseCode = "200",
      description = "The device with its new last use",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = DeviceResponse.class)))
  @SecurityRequirement(name = "bearer", scopes = "viewer")
  @APIResponse(responseCode = "401", description = "unauthenticated")
  @APIResponse(responseCode = "404", description = "device-not-found")
  public DeviceResponse seen(@PathParam("id") String id) {
    return DeviceResponse.of(devices.seen(caller.accountId(), ProfileResource.uuid(id)));
  }

  /** Removes the device and signs it out. */
  @DELETE
  @Path("/{id}")
  @Operation(summary = "Remove a device and sign it out")
  @APIResponse(responseCode = "204", description = "The device is removed and its sign-ins revoked")
  @SecurityRequirement(name = "bearer", scopes = "viewer")
  @APIResponse(responseCode = "401", description = "unauthenticated")
  @APIResponse(responseCode = "403", description = "reauthentication-required")
  @APIResponse(responseCode = "404", description = "device-not-found")
  public Response remove(@PathParam("id") String id) {
    reauthentication.require(caller.sessionId(), "Removing a device");
    devices.remove(caller.accountId(), ProfileResource.uuid(id));
    return Response.noContent().build();
  }

  static <E extends Enum<E>> E parse(Class<E> type, String text, String field) {
    try {
      return Enum.valueOf(type, text.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw ProblemException.badRequest(
          "validation-failed",
          field + " " + text + " is not one of " + Arrays.toString(type.getEnumConstants()) + ".");
    }
  }
}
