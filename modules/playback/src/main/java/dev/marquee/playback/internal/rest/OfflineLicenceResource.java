package dev.marquee.playback.internal.rest;

import dev.marquee.accounts.api.AccountId;
import dev.marquee.accounts.api.DeviceId;
import dev.marquee.accounts.api.ProfileId;
import dev.marquee.catalog.api.TitleId;
import dev.marquee.drm.api.ContentKey;
import dev.marquee.drm.api.DrmFacade;
import dev.marquee.platform.api.CallerIdentity;
import dev.marquee.platform.api.ProblemException;
import dev.marquee.platform.api.TokenIdentity;
import dev.marquee.playback.internal.application.PlaybackPolicy;
import dev.marquee.playback.internal.domain.LicenceDenied;
import dev.marquee.playback.internal.persistence.LicenceAuditStore;
import dev.marquee.playback.internal.persistence.OfflineLicenceStore;
import dev.marquee.playback.internal.persistence.OfflineLicenceStore.OfflineLicence;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * A viewer's downloads: list their offline licences, revoke one (an admin may revoke any), and play
 * one, which starts its play window and hands the keys again to the device it was issued to.
 */
@TokenIdentity
@Path("/drm/offline-licences")
@RequestScoped
@RolesAllowed({"viewer", "admin"})
@Produces(MediaType.APPLICATION_JSON)
public class OfflineLicenceResource {
  @Inject OfflineLicenceStore offline;
  @Inject DrmFacade keys;
  @Inject PlaybackPolicy policy;
  @Context HttpHeaders headers;

  @Inject
  @ConfigProperty(name = "marquee.drm.region-header")
  Optional<String> regionHeader;

  @Inject LicenceAuditStore audit;
  @Inject CallerIdentity caller;
  @Context SecurityContext security;

  /** An offline licence as its holder sees it. */
  public record OfflineLicenceResponse(
      String id,
      String titleId,
      String deviceId,
      Instant issuedAt,
      Instant expiresAt,
      long playSeconds,
      Instant firstPlayedAt,
      Instant validUntil,
      Instant revokedAt,
      boolean live) {
    static OfflineLicenceResponse of(OfflineLicence l) {
      return new OfflineLicenceResponse(
          l.id().toString(),
          l.titleId().toString(),
          l.deviceId().toString(),
          l.issuedAt(),
          l.expiresAt(),
          l.playSeconds(),
          l.firstPlayedAt(),
          l.validUntil(),
          l.revokedAt(),
          l.isLive(Instant.now()));
    }
  }

  @GET
  @Operation(summary = "List the caller's offline licences")
  @APIResponse(
      responseCode = "200",
      description = "The caller's offline licences",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema =
                  @Schema(type = SchemaType.ARRAY, implementation = OfflineLicenceResponse.class)))
  @SecurityRequirement(
      name = "bearer",
      scopes = {"viewer", "admin"})
  @APIResponse(responseCode = "401", description = "unauthenticated")
  public List<OfflineLicenceResponse> mine() {
    return offline.ofAccount(me()).stream().map(OfflineLicenceResponse::of).toList();
  }

  @DELETE
  @Path("/{id}")
  @Operation(summary = "Revoke an offline licence")
  @APIResponse(responseCode = "204", description = "The licence is revoked")
  @SecurityRequirement(
      name = "bearer",
      scopes = {"viewer", "admin"})
  @APIResponse(responseCode = "401", description = "unauthenticated")
  @APIResponse(responseCode = "404", description = "offline-licence-not-found")
  @APIResponse(responseCode = "409", description = "already-revoked")
  public Response revoke(@PathParam("id") String id) {
    OfflineLicence licence = owned(id, true);
    if (!offline.revoke(licence.id(), me())) {
      throw ProblemException.conflict("already-revoked", "The offline licence is already revoked.");
    }
    return Response.noContent().build();
  }

  /** Plays a download on the device it was issued to: starts the play window on first use. */
  @POST
  @Path("/{id}/play")
  @Operation(summary = "Start playing a download on the device it was issued to")
  @APIResponse(
      responseCode = "200",
      description = "The licence's keys as a JWK set (type persistent-license)",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema =
                  @Schema(
                      type = SchemaType.OBJECT,
                      properties = {
                        @SchemaProperty(
                            name = "keys",
                            type = SchemaType.ARRAY,
                            implementation = Object.class,
                            description =
                                "JSON Web Keys (RFC 7517): kty oct, kid and k, both base64url"),
                        @SchemaProperty(name = "type", type = SchemaType.STRING)
                      })),
      headers = {
        @Header(
            name = "Cache-Control",
            description = "no-store",
            schema = @Schema(type = SchemaType.STRING))
      })
  @SecurityRequirement(
      name = "bearer",
      scopes = {"viewer", "admin"})
  @APIResponse(responseCode = "401", description = "unauthenticated")
  @APIResponse(
      responseCode = "403",
      description =
          "account-closed, device-removed, maturity-cap, not-entitled, offline-expired, offline-not-allowed, offline-revoked, outside-availability-window, profile-removed, region-blocked, region-unknown, title-unavailable, wrong-device")
  @APIResponse(responseCode = "404", description = "offline-licence-not-found")
  public Response play(@PathParam("id") String id, @QueryParam("device") String device) {
    OfflineLicence licence = owned(id, false);
    Instant now = Instant.now();
    try {
      if (device == null || !licence.deviceId().toString().equals(device)) {
        throw new LicenceDenied(
            "wrong-device", "The offline licence belongs to another device of the account.");
      }
      if (licence.revokedAt() != null) {
        throw new LicenceDenied("offline-revoked", "The offline licence was revoked.");
      }
      if (!licence.isLive(now)) {
        throw new LicenceDenied(
            "offline-expired", "The offline licence expired at " + licence.validUntil() + ".");
      }
      // Every playback rule again: device still registered, title still published and
      // offline-allowed, entitlement, region, window, maturity.
      policy.check(
          new AccountId(licence.accountId()),
          new ProfileId(licence.profileId()),
          new DeviceId(licence.deviceId()),
          new TitleId(licence.titleId()),
          regionHeader.map(headers::getHeaderString).orElse(null),
          true);
      offline.markPlayed(licence.id(), now);
      List<ContentKey> granted = new ArrayList<>();
      for (UUID kid : licence.keyIds()) {
        keys.licenceKey(new TitleId(licence.titleId()), kid).ifPresent(granted::add);
      }
      auditOf(licence, true, "granted");
      return Response.ok(JwkSets.of(granted, "persistent-license"))
          .header("Cache-Control", "no-store")
          .build();
    } catch (LicenceDenied denied) {
      auditOf(licence, false, denied.rule());
      throw denied;
    }
  }

  private void auditOf(OfflineLicence l, boolean granted, String rule) {
    audit.record(
        "OFFLINE",
        granted,
        rule,
        l.accountId(),
        l.profileId(),
        l.deviceId(),
        null,
        l.titleId(),
        l.keyIds());
  }

  private OfflineLicence owned(String id, boolean adminMayAct) {
    UUID licenceId;
    try {
      licenceId = UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw ProblemException.notFound("not-found", id + " is not a valid identifier.");
    }
    return offline
        .find(licenceId)
        .filter(l -> l.accountId().equals(me()) || (adminMayAct && security.isUserInRole("admin")))
        .orElseThrow(
            () ->
                ProblemException.notFound("offline-licence-not-found", "No offline licence " + id));
  }

  private UUID me() {
    return caller.accountId();
  }
}
