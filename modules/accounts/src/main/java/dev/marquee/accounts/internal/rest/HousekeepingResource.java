package dev.marquee.accounts.internal.rest;

import dev.marquee.accounts.internal.application.HousekeepingService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Map;

/** Operators start the accounts housekeeping job; its progress is under /operations/jobs. */
@Path("/operations/housekeeping/expired-credentials")
@RequestScoped
@RolesAllowed({"operator", "admin"})
public class HousekeepingResource {
  @Inject HousekeepingService housekeeping;

  @POST
  @Produces(MediaType.APPLICATION_JSON)
  public Response purge() {
    long execution = housekeeping.startCredentialPurge();
    return Response.accepted(Map.of("executionId", execution))
        .location(URI.create("operations/jobs/" + execution))
        .build();
  }
}
