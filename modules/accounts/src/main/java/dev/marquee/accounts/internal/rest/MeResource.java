package dev.marquee.accounts.internal.rest;

import dev.marquee.accounts.api.AccountId;
import dev.marquee.accounts.api.AccountsFacade;
import dev.marquee.platform.api.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The signed-in account. */
@Path("/accounts/me")
@RequestScoped
@RolesAllowed("viewer")
public class MeResource {
  @Inject Caller caller;
  @Inject AccountsFacade accounts;

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public AccountResponse me() {
    return accounts
        .account(new AccountId(caller.accountId()))
        .map(AccountResponse::of)
        .orElseThrow(
            () -> ProblemException.notFound("account-not-found", "This account no longer exists."));
  }
}
