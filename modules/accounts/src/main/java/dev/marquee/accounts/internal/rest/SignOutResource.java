package dev.marquee.accounts.internal.rest;

import dev.marquee.accounts.internal.application.OAuthTokenService;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** Logout (this sign-in) and RFC 7009 token revocation. */
@Path("/oauth")
@RequestScoped
public class SignOutResource {
  @Inject OAuthTokenService tokens;
  @Inject Caller caller;

  /** Revokes the caller's sign-in: its refresh tokens and its access tokens stop working. */
  @POST
  @Path("/logout")
  @RolesAllowed("viewer")
  @Operation(summary = "Sign out: revoke the caller's sign-in")
  @APIResponse(
      responseCode = "204",
      description = "Signed out: the token's sign-in and its refresh tokens are revoked")
  @SecurityRequirement(name = "bearer", scopes = "viewer")
  @APIResponse(responseCode = "401", description = "unauthenticated")
  public Response logout() {
    tokens.revokeFamily(caller.sessionId(), caller.accountId(), "logout");
    return Response.noContent().build();
  }

  /** RFC 7009: always 200 for a well-formed request, whether or not the token was known. */
  @POST
  @Path("/revoke")
  @PermitAll
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Operation(summary = "Revoke a refresh token (RFC 7009)")
  @APIResponse(
      responseCode = "200",
      description =
          "Revoked, or the token was unknown or another client's (RFC 7009 answers both alike)")
  @Extension(name = "x-public", value = "true", parseValue = true)
  @APIResponse(responseCode = "400", description = "oauth-invalid-request")
  @APIResponse(responseCode = "413", description = "body-too-large")
  public Response revoke(
      @FormParam("token") String token, @FormParam("client_id") String clientId) {
    tokens.revokeRefreshToken(clientId, token);
    return Response.ok().build();
  }
}
