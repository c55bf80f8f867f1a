package dev.marquee.accounts.internal.rest;

import dev.marquee.accounts.internal.application.EntitlementService;
import dev.marquee.accounts.internal.rest.EntitlementResponses.EntitlementsResponse;
import dev.marquee.accounts.internal.rest.EntitlementResponses.GrantResponse;
import dev.marquee.accounts.internal.rest.EntitlementResponses.SubscriptionResponse;
import dev.marquee.platform.api.TokenIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** What the signed-in account is entitled to: its subscription and its purchases and rentals. */
@TokenIdentity
@Path("/accounts/me/entitlements")
@RequestScoped
@RolesAllowed("viewer")
@Produces(MediaType.APPLICATION_JSON)
public class MyEntitlementsResource {
  @Inject EntitlementService entitlements;
  @Inject Caller caller;

  @GET
  @Operation(summary = "List the caller's subscription, purchases and rentals")
  @APIResponse(
      responseCode = "200",
      description = "The caller's subscription, purchases and rentals",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = EntitlementsResponse.class)))
  @SecurityRequirement(name = "bearer", scopes = "viewer")
  @APIResponse(responseCode = "401", description = "unauthenticated")
  public EntitlementsResponse mine() {
    UUID account = caller.accountId();
    return new EntitlementsResponse(
        entitlements.activeSubscription(account).map(SubscriptionResponse::of).orElse(null),
        entitlements.grants(account).stream().map(GrantResponse::of).toList());
  }
}
