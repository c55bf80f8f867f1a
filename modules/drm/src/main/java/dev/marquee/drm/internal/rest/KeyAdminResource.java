package dev.marquee.drm.internal.rest;

import dev.marquee.drm.internal.application.KeyRewrap;
import dev.marquee.drm.internal.domain.KeyEncryptionKeys;
import dev.marquee.drm.internal.persistence.ContentKeyStore;
import dev.marquee.platform.api.CallerIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** Operators see which key-encryption keys hold the content keys and re-wrap them. */
@Path("/drm/keys")
@RequestScoped
@RolesAllowed({"operator", "admin"})
@Produces(MediaType.APPLICATION_JSON)
public class KeyAdminResource {
  @Inject ContentKeyStore store;
  @Inject KeyEncryptionKeys keks;
  @Inject KeyRewrap rewrap;
  @Inject CallerIdentity caller;

  /** The active KEK and the number of content keys under each KEK. No key material. */
  public record KeyStatus(String activeKek, Map<String, Long> keysByKek) {}

  @GET
  @Operation(summary = "Show the content keys' wrapping status per key-encryption key")
  @APIResponse(
      responseCode = "200",
      description = "The active key-encryption key and the content keys under each",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = KeyStatus.class)))
  @SecurityRequirement(
      name = "bearer",
      scopes = {"operator", "admin"})
  @APIResponse(responseCode = "401", description = "unauthenticated")
  @APIResponse(responseCode = "403", description = "forbidden")
  public KeyStatus status() {
    return new KeyStatus(keks.activeId(), store.countByKek());
  }

  /** Re-wraps every content key under the active KEK (after a KEK rotation). */
  @POST
  @Path("/rewrap")
  @Operation(summary = "Re-wrap every content key under the active key-encryption key")
  @APIResponse(
      responseCode = "200",
      description = "How many keys were re-wrapped",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = KeyRewrap.Result.class)))
  @SecurityRequirement(
      name = "bearer",
      scopes = {"operator", "admin"})
  @APIResponse(responseCode = "401", description = "unauthenticated")
  @APIResponse(responseCode = "403", description = "forbidden")
  @APIResponse(responseCode = "503", description = "kek-unavailable")
  public KeyRewrap.Result rewrapAll() {
    // The same path as the console's re-wrap: all or nothing, recorded in drm.key_actions.
    return rewrap.rewrapAll(caller.accountId(), "API");
  }
}
