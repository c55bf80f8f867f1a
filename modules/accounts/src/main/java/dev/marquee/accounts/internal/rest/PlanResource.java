package dev.marquee.accounts.internal.rest;

import dev.marquee.accounts.api.PlanView;
import dev.marquee.accounts.internal.application.EntitlementService;
import dev.marquee.accounts.internal.rest.EntitlementResponses.EntitlementsResponse;
import dev.marquee.accounts.internal.rest.EntitlementResponses.GrantResponse;
import dev.marquee.accounts.internal.rest.EntitlementResponses.SubscriptionResponse;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;

/** The plans on offer, and what the signed-in account is entitled to. */
@Path("/accounts")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class PlanResource {
  @Inject EntitlementService entitlements;
  @Inject Caller caller;

  @GET
  @Path("/plans")
  @PermitAll
  public List<PlanView> plans() {
    return entitlements.plans();
  }

  @GET
  @Path("/me/entitlements")
  @RolesAllowed("viewer")
  public EntitlementsResponse mine() {
    UUID account = caller.accountId();
    return new EntitlementsResponse(
        entitlements.activeSubscription(account).map(SubscriptionResponse::of).orElse(null),
        entitlements.grants(account).stream().map(GrantResponse::of).toList());
  }
}
