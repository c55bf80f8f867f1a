package dev.marquee.drm.internal.rest;

import dev.marquee.drm.internal.keys.ContentKeyStore;
import dev.marquee.drm.internal.keys.KeyEncryptionKeys;
import dev.marquee.drm.internal.keys.KeyRewrap;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;

/** Operators see which key-encryption keys hold the content keys and re-wrap them. */
@Path("/drm/keys")
@RequestScoped
@RolesAllowed({"operator", "admin"})
@Produces(MediaType.APPLICATION_JSON)
public class KeyAdminResource {
  @Inject ContentKeyStore store;
  @Inject KeyEncryptionKeys keks;
  @Inject KeyRewrap rewrap;

  /** The active KEK and the number of content keys under each KEK. No key material. */
  public record KeyStatus(String activeKek, Map<String, Long> keysByKek) {}

  @GET
  public KeyStatus status() {
    return new KeyStatus(keks.activeId(), store.countByKek());
  }

  /** Re-wraps every content key under the active KEK (after a KEK rotation). */
  @POST
  @Path("/rewrap")
  public KeyRewrap.Result rewrapAll() {
    return rewrap.rewrapAll();
  }
}
