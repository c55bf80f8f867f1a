package dev.marquee.accounts.internal.rest;

import dev.marquee.accounts.internal.application.AccountLimits;
import dev.marquee.accounts.internal.application.OAuthProblems;
import dev.marquee.accounts.internal.application.OAuthTokenService;
import dev.marquee.accounts.internal.application.TokenGrant;
import dev.marquee.accounts.internal.domain.Account;
import dev.marquee.accounts.internal.domain.OAuthClient;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * The OAuth2 token endpoint (RFC 6749 section 3.2) for Marquee's first-party public clients:
 * password, refresh_token (rotating) and device_code (RFC 8628) grants.
 */
@Path("/oauth/token")
@RequestScoped
@PermitAll
public class OAuthTokenResource {
  @Inject OAuthTokenService tokens;
  @Inject AccountLimits limits;
  @Context HttpServletRequest http;

  @POST
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(summary = "Issue tokens: password, refresh token and device code grants")
  @APIResponse(
      responseCode = "200",
      description = "An access token, and a refresh token (RFC 6749 5.1)",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = TokenResponse.class)),
      headers = {
        @Header(
            name = "Cache-Control",
            description = "no-store",
            schema = @Schema(type = SchemaType.STRING)),
        @Header(
            name = "Pragma",
            description = "no-cache",
            schema = @Schema(type = SchemaType.STRING))
      })
  @Extension(name = "x-public", value = "true", parseValue = true)
  @APIResponse(
      responseCode = "400",
      description =
          "oauth-access-denied, oauth-authorization-pending, oauth-expired-token, oauth-invalid-grant, oauth-invalid-request, oauth-slow-down, oauth-unauthorized-client, oauth-unsupported-grant-type")
  @APIResponse(responseCode = "401", description = "invalid-credentials, oauth-invalid-client")
  @APIResponse(responseCode = "403", description = "account-locked")
  @APIResponse(responseCode = "413", description = "body-too-large")
  @APIResponse(responseCode = "429", description = "rate-limited")
  @APIResponse(responseCode = "503", description = "database-unavailable, sign-in-busy")
  public Response token(
      @FormParam("grant_type") String grantType,
      @FormParam("client_id") String clientId,
      @FormParam("username") String username,
      @FormParam("password") String password,
      @FormParam("device_id") String deviceId,
      @FormParam("refresh_token") String refreshToken,
      @FormParam("device_code") String deviceCode) {
    if (grantType == null || grantType.isBlank()) {
      throw OAuthProblems.invalidRequest("grant_type is required.");
    }
    TokenGrant grant =
        switch (grantType) {
          case OAuthClient.PASSWORD ->
              limits.signIn(
                  http.getRemoteAddr(),
                  username == null ? "" : Account.normalize(username),
                  () -> tokens.passwordGrant(clientId, username, password, deviceId));
          case OAuthClient.REFRESH_TOKEN -> tokens.refreshGrant(clientId, refreshToken);
          case OAuthClient.DEVICE_CODE -> tokens.deviceCodeGrant(clientId, deviceCode);
          default ->
              throw OAuthProblems.unsupportedGrantType(
                  "grant_type "
                      + grantType
                      + " is not supported; use password, refresh_token or "
                      + OAuthClient.DEVICE_CODE
                      + ".");
        };
    // RFC 6749 section 5.1: token responses must not be cached.
    return Response.ok(TokenResponse.of(grant))
        .header("Cache-Control", "no-store")
        .header("Pragma", "no-cache")
        .build();
  }
}
