package dev.marquee.accounts.internal.rest;

import dev.marquee.accounts.api.PlanView;
import dev.marquee.accounts.internal.application.EntitlementService;
import dev.marquee.platform.api.TokenIdentity;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** The plans on offer. */
@TokenIdentity
@Path("/accounts/plans")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class PlanResource {
  @Inject EntitlementService entitlements;
  @Inject Caller caller;

  @GET
  @PermitAll
  @Operation(summary = "List the subscription plans")
  @APIResponse(
      responseCode = "200",
      description = "The plans on offer",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(type = SchemaType.ARRAY, implementation = PlanView.class)))
  @Extension(name = "x-public", value = "true", parseValue = true)
  public List<PlanView> plans() {
    return entitlements.plans();
  }
}
