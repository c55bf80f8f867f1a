package dev.marquee.accounts.internal.rest;

import dev.marquee.accounts.api.MaturityRating;
import dev.marquee.accounts.api.ProfileView;
import dev.marquee.accounts.internal.application.ProfileService;
import dev.marquee.accounts.internal.application.Reauthentication;
import dev.marquee.platform.api.ProblemException;
import dev.marquee.platform.api.TokenIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** The viewing profiles of the signed-in account. */
@TokenIdentity
@Path("/accounts/me/profiles")
@RequestScoped
@RolesAllowed("viewer")
@Produces(MediaType.APPLICATION_JSON)
public class ProfileResource {
  @Inject ProfileService profiles;
  @Inject Caller caller;
  @Inject Reauthentication reauthentication;

  /** A profile as clients see it; the maturity cap is written as ALL, 7+, 13+, 16+ or 18+. */
  public record ProfileResponse(
      String id, String name, String maturityCap, boolean kids, Instant createdAt) {
    static ProfileResponse of(ProfileView p) {
      return new ProfileResponse(
          p.id().toString(), p.name(), p.maturityCap().label(), p.kids(), p.createdAt());
    }
  }

  /** New profile. */
  public record NewProfile(
      @NotBlank @Size(max = 40) String name, String maturityCap, Boolean kids) {}

  /** Changes to a profile; absent fields stay as they are. */
  public record ProfileChange(
      @Size(min = 1, max = 40) String name, String maturityCap, Boolean kids) {}

  @GET
  @Operation(summary = "List the account's profiles")
  @APIResponse(
      responseCode = "200",
      description = "The account's profiles",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(type = SchemaType.ARRAY, implementation = ProfileResponse.class)))
  @SecurityRequirement(name = "bearer", scopes = "viewer")
  @APIResponse(responseCode = "401", description = "unauthenticated")
  public List<ProfileResponse> list() {
    return profiles.list(caller.accountId()).stream().map(ProfileResponse::of).toList();
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Create a profile")
  @APIResponse(
      responseCode = "201",
      description = "The new profile",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ProfileResponse.class)),
      headers = {
        @Header(
            name = "Location",
            description = "The new profile",
            schema = @Schema(type = SchemaType.STRING))
      })
  @SecurityRequirement(name = "bearer", scopes = "viewer")
  @APIResponse(
      responseCode = "400",
      description = "invalid-maturity-cap, malformed-json, validation-failed")
  @APIResponse(responseCode = "401", description = "unauthenticated")
  @APIResponse(responseCode = "403", description = "reauthentication-required")
  @APIResponse(responseCode = "409", description = "duplicate-profile-name, profile-limit")
  @APIResponse(responseCode = "413", description = "body-too-large")
  public Response create(@NotNull(message = "a JSON body is required") @Valid NewProfile body) {
    ProfileView created =
        profiles.create(
            caller.accountId(),
            body.name(),
            rating(body.maturityCap()),
            Boolean.TRUE.equals(body.kids()),
            owner("Creating a profile without a kids cap"));
    return Response.created(URI.create("accounts/me/profiles/" + created.id()))
        .entity(ProfileResponse.of(created))
        .build();
  }

  @PATCH
  @Path("/{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Rename a profile or change its maturity cap")
  @APIResponse(
      responseCode = "200",
      description = "The changed profile",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ProfileResponse.class)))
  @SecurityRequirement(name = "bearer", scopes = "viewer")
  @APIResponse(
      responseCode = "400",
      description = "invalid-maturity-cap, malformed-json, validation-failed")
  @APIResponse(responseCode = "401", description = "unauthenticated")
  @APIResponse(responseCode = "403", description = "reauthentication-required")
  @APIResponse(responseCode = "404", description = "profile-not-found")
  @APIResponse(responseCode = "409", description = "duplicate-profile-name")
  @APIResponse(responseCode = "413", description = "body-too-large")
  public ProfileResponse update(
      @PathParam("id") String id,
      @NotNull(message = "a JSON body is required") @Valid ProfileChange body) {
    return ProfileResponse.of(
        profiles.update(
            caller.accountId(),
            uuid(id),
            body.name(),
            rating(body.maturityCap()),
            body.kids(),
            owner("Lifting a profile's maturity cap")));
  }

  @DELETE
  @Path("/{id}")
  @Operation(summary = "Delete a profile")
  @APIResponse(responseCode = "204", description = "The profile is deleted")
  @SecurityRequirement(name = "bearer", scopes = "viewer")
  @APIResponse(responseCode = "401", description = "unauthenticated")
  @APIResponse(responseCode = "403", description = "reauthentication-required")
  @APIResponse(responseCode = "404", description = "profile-not-found")
  @APIResponse(responseCode = "409", description = "last-profile")
  public Response delete(@PathParam("id") String id) {
    profiles.delete(caller.accountId(), uuid(id), owner("Deleting a profile"));
    return Response.noContent().build();
  }

  /** The step-up check, run by the service only where the change needs the owner. */
  private Runnable owner(String what) {
    var signIn = caller.sessionId();
    return () -> reauthentication.require(signIn, what);
  }

  private static MaturityRating rating(String label) {
    if (label == null) {
      return null;
    }
    return MaturityRating.fromLabel(label)
        .orElseThrow(
            () ->
                ProblemException.badRequest(
                    "invalid-maturity-cap",
                    "maturityCap " + label + " is not one of " + MaturityRating.labels() + "."));
  }

  static UUID uuid(String id) {
    try {
      return UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw ProblemException.notFound("not-found", id + " is not a valid identifier.");
    }
  }
}
