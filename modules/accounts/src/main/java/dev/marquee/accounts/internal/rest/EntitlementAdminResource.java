package dev.marquee.accounts.internal.rest;

import dev.marquee.accounts.api.AccountId;
import dev.marquee.accounts.internal.application.DefaultAccountsFacade;
import dev.marquee.accounts.internal.application.EntitlementService;
import dev.marquee.accounts.internal.rest.EntitlementResponses.EntitlementsResponse;
import dev.marquee.accounts.internal.rest.EntitlementResponses.GrantResponse;
import dev.marquee.accounts.internal.rest.EntitlementResponses.SubscriptionResponse;
import dev.marquee.platform.api.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * Administrators grant and revoke what accounts may watch (payment is outside Marquee; a payment
 * adapter would call {@link dev.marquee.accounts.api.EntitlementGrants} the same way).
 */
@Path("/admin/accounts")
@RequestScoped
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
public class EntitlementAdminResource {
  @Inject EntitlementService entitlements;
  @Inject DefaultAccountsFacade accounts;

  /** A plan until {@code periodEnd}, or for {@code days} days from now. */
  public record SubscriptionGrant(@NotBlank String plan, Instant periodEnd, Integer days) {}

  /** A purchase, or a rental startable for {@code startWithinDays} and lasting {@code hours}. */
  public record TitleGrantRequest(
      @NotBlank String titleId,
      @NotBlank String kind,
      @NotNull @Min(144) @Max(4320) Integer maxHeight,
      @Min(1) @Max(365) Integer startWithinDays,
      @Min(1) @Max(720) Integer hours) {}

  @GET
  @Path("/{id}/entitlements")
  @Operation(summary = "List an account's subscription, purchases and rentals")
  @APIResponse(
      responseCode = "200",
      description = "The account's subscription, purchases and rentals",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = EntitlementsResponse.class)))
  @SecurityRequirement(name = "bearer", scopes = "admin")
  @APIResponse(responseCode = "401", description = "unauthenticated")
  @APIResponse(responseCode = "403", description = "forbidden")
  @APIResponse(responseCode = "404", description = "account-not-found")
  public EntitlementsResponse list(@PathParam("id") String id) {
    UUID account = existing(id);
    return new EntitlementsResponse(
        entitlements.activeSubscription(account).map(SubscriptionResponse::of).orElse(null),
        entitlements.grants(account).stream().map(GrantResponse::of).toList());
  }

  @PUT
  @Path("/{id}/subscription")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Set an account's subscription plan")
  @APIResponse(
      responseCode = "200",
      description = "The account's active subscription",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = SubscriptionResponse.class)))
  @SecurityRequirement(name = "bearer", scopes = "admin")
  @APIResponse(
      responseCode = "400",
      description = "invalid-period, malformed-json, unknown-plan, validation-failed")
  @APIResponse(responseCode = "401", description = "unauthenticated")
  @APIResponse(responseCode = "403", description = "forbidden")
  @APIResponse(responseCode = "404", description = "account-not-found")
  @APIResponse(responseCode = "413", description = "body-too-large")
  public SubscriptionResponse subscribe(
      @PathParam("id") String id,
      @NotNull(message = "a JSON body is required") @Valid SubscriptionGrant body) {
    UUID account = existing(id);
    String plan = body.plan().strip().toUpperCase(Locale.ROOT);
    if (entitlements.plans().stream().noneMatch(p -> p.code().equals(plan))) {
      throw ProblemException.badRequest(
          "unknown-plan", "Plan " + body.plan() + " does not exist; see /api/accounts/plans.");
    }
    Instant end = body.periodEnd();
    if (end == null) {
      int days = body.days() == null ? 30 : body.days();
      if (days < 1 || days > 3660) {
        throw ProblemException.badRequest("invalid-period", "days must be between 1 and 3660.");
      }
      end = Instant.now().plus(Duration.ofDays(days));
    } else if (!end.isAfter(Instant.now())) {
      throw ProblemException.badRequest(
          "invalid-period", "periodEnd " + end + " is not in the future.");
    }
    entitlements.subscribe(new AccountId(account), plan, end);
    return entitlements.activeSubscription(account).map(SubscriptionResponse::of).orElseThrow();
  }

  @DELETE
  @Path("/{id}/subscription")
  @Operation(summary = "Cancel an account's subscription")
  @APIResponse(responseCode = "204", description = "The subscription is cancelled")
  @SecurityRequirement(name = "bearer", scopes = "admin")
  @APIResponse(responseCode = "401", description = "unauthenticated")
  @APIResponse(responseCode = "403", description = "forbidden")
  @APIResponse(responseCode = "404", description = "account-not-found, no-subscription")
  public Response cancel(@PathParam("id") String id) {
    if (!entitlements.cancelSubscription(new AccountId(existing(id)))) {
      throw ProblemException.notFound("no-subscription", "The account has no active subscription.");
    }
    return Response.noContent().build();
  }

  @POST
  @Path("/{id}/grants")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Grant an account a purchase or a rental")
  @APIResponse(
      responseCode = "201",
      description = "The new purchase or rental",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = GrantResponse.class)))
  @SecurityRequirement(name = "bearer", scopes = "admin")
  @APIResponse(
      responseCode = "400",
      description = "invalid-period, malformed-json, unknown-grant-kind, validation-failed")
  @APIResponse(responseCode = "401", description = "unauthenticated")
  @APIResponse(responseCode = "403", description = "forbidden")
  @APIResponse(responseCode = "404", description = "account-not-found")
  @APIResponse(responseCode = "413", description = "body-too-large")
  public Response grant(
      @PathParam("id") String id,
      @NotNull(message = "a JSON body is required") @Valid TitleGrantRequest body) {
    AccountId account = new AccountId(existing(id));
    UUID title = ProfileResource.uuid(body.titleId());
    UUID grant =
        switch (body.kind().strip().toUpperCase(Locale.ROOT)) {
          case "PURCHASE" -> entitlements.purchase(account, title, body.maxHeight());
          case "RENTAL" ->
              entitlements.rent(
                  account,
                  title,
                  body.maxHeight(),
                  Instant.now()
                      .plus(
                          Duration.ofDays(
                              body.startWithinDays() == null ? 30 : body.startWithinDays())),
                  body.hours() == null ? 48 : body.hours());
          default ->
              throw ProblemException.badRequest(
                  "unknown-grant-kind", "kind must be PURCHASE or RENTAL, not " + body.kind());
        };
    GrantResponse created =
        entitlements.grants(account.value()).stream()
            .filter(g -> g.id().equals(grant))
            .map(GrantResponse::of)
            .findFirst()
            .orElseThrow();
    return Response.status(201).entity(created).build();
  }

  @DELETE
  @Path("/{id}/grants/{grant}")
  @Operation(summary = "Revoke a purchase or rental of an account")
  @APIResponse(responseCode = "204", description = "The purchase or rental is revoked")
  @SecurityRequirement(name = "bearer", scopes = "admin")
  @APIResponse(responseCode = "401", description = "unauthenticated")
  @APIResponse(responseCode = "403", description = "forbidden")
  @APIResponse(responseCode = "404", description = "account-not-found, no-grant")
  public Response revoke(@PathParam("id") String id, @PathParam("grant") String grant) {
    if (!entitlements.revokeGrant(new AccountId(existing(id)), ProfileResource.uuid(grant))) {
      throw ProblemException.notFound(
          "no-grant", "The account has no unrevoked purchase or rental " + grant + ".");
    }
    return Response.noContent().build();
  }

  private UUID existing(String id) {
    UUID account = ProfileResource.uuid(id);
    if (accounts.account(new AccountId(account)).isEmpty()) {
      throw ProblemException.notFound("account-not-found", "No account has id " + id + ".");
    }
    return account;
  }
}
