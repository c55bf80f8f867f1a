package dev.marquee.accounts.internal.rest;

import dev.marquee.accounts.api.DeviceType;
import dev.marquee.accounts.internal.application.AccountLimits;
import dev.marquee.accounts.internal.application.DeviceAuthorizationService;
import dev.marquee.accounts.internal.application.OAuthProblems;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import java.util.Locale;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** RFC 8628 section 3.1: a device without a keyboard asks for a code to show its viewer. */
@Path("/oauth/device_authorization")
@RequestScoped
@PermitAll
public class DeviceAuthorizationResource {
  @Inject DeviceAuthorizationService authorizations;
  @Inject AccountLimits limits;
  @Context HttpServletRequest http;

  @Inject
  @ConfigProperty(name = "marquee.public-url", defaultValue = "http://127.0.0.1:9080")
  String publicUrl;

  /** RFC 8628 section 3.2 response. */
  public record DeviceAuthorizationResponse(
      @JsonbProperty("device_code") String deviceCode,
      @JsonbProperty("user_code") String userCode,
      @JsonbProperty("verification_uri") String verificationUri,
      @JsonbProperty("verification_uri_complete") String verificationUriComplete,
      @JsonbProperty("expires_in") int expiresIn,
      @JsonbProperty("interval") int interval) {}

  @POST
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(summary = "Start the device authorization grant for a TV (RFC 8628)")
  @APIResponse(
      responseCode = "200",
      description = "The device code to poll with and the user code to show (RFC 8628 3.2)",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = DeviceAuthorizationResponse.class)),
      headers = {
        @Header(
            name = "Cache-Control",
            description = "no-store",
            schema = @Schema(type = SchemaType.STRING))
      })
  @Extension(name = "x-public", value = "true", parseValue = true)
  @APIResponse(
      responseCode = "400",
      description = "oauth-invalid-request, oauth-unauthorized-client")
  @APIResponse(responseCode = "401", description = "oauth-invalid-client")
  @APIResponse(responseCode = "413", description = "body-too-large")
  @APIResponse(responseCode = "429", description = "rate-limited")
  @APIResponse(responseCode = "503", description = "database-unavailable")
  public Response start(
      @FormParam("client_id") String clientId,
      @FormParam("device_name") String deviceName,
      @FormParam("device_type") String deviceType) {
    limits.deviceAuthorization(http.getRemoteAddr());
    DeviceType type = parseType(deviceType);
    String name =
        deviceName == null || deviceName.isBlank()
            ? "Marquee on " + type.name().toLowerCase(Locale.ROOT)
            : deviceName.strip();
    if (name.length() > 80) {
      throw OAuthProblems.invalidRequest("device_name must have at most 80 characters.");
    }
    var started = authorizations.start(clientId, name, type);
    String verification = publicUrl + "/activate.html";
    return Response.ok(
            new DeviceAuthorizationResponse(
                started.deviceCode(),
                started.userCode(),
                verification,
                verification + "?user_code=" + started.userCode(),
                started.expiresIn(),
                started.interval()))
        .header("Cache-Control", "no-store")
        .build();
  }

  private static DeviceType parseType(String text) {
    if (text == null || text.isBlank()) {
      return DeviceType.TV;
    }
    try {
      return DeviceType.valueOf(text.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw OAuthProblems.invalidRequest(
          "device_type must be one of " + Arrays.toString(DeviceType.values()) + ".");
    }
  }
}
