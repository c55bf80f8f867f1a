package dev.marquee.accounts.internal.rest;

import dev.marquee.accounts.internal.application.SigningKeys;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * The public JWK set of access-token signing keys (RFC 7517): every key of the signing keystore, so
 * that during a rotation both the current and the next or previous key verify, for whoever checks
 * Marquee's tokens outside it (Marquee itself reads the same keys from the keystore, {@link
 * BearerAuthentication}). It never holds the TLS key.
 */
@Path("/oauth/jwks")
@RequestScoped
public class JwksResource {
  @Inject SigningKeys signingKeys;

  @GET
  @PermitAll
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(summary = "Publish the public keys that sign access tokens (JWKS)")
  @APIResponse(
      responseCode = "200",
      description = "The JSON Web Key Set (RSA keys; two while the signing key rotates)",
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
                                "JSON Web Keys (RFC 7517): RSA, use sig, alg RS256, kid, n and e")
                      })))
  @Extension(name = "x-public", value = "true", parseValue = true)
  public Response keys() {
    JsonArrayBuilder keys = Json.createArrayBuilder();
    try {
      for (var key : signingKeys.all()) {
        keys.add(
            Json.createObjectBuilder()
                .add("kty", "RSA")
                .add("use", "sig")
                .add("alg", "RS256")
                .add("kid", key.kid())
                .add("n", SigningKeys.unsignedBase64Url(key.key().getModulus()))
                .add("e", SigningKeys.unsignedBase64Url(key.key().getPublicExponent())));
      }
    } catch (IOException e) {
      // The readiness check names the cause; clients only learn that there are no keys now.
      return Response.status(503).header("Retry-After", "30").build();
    }
    return Response.ok(Json.createObjectBuilder().add("keys", keys).build().toString())
        .header("Cache-Control", "public, max-age=300")
        .build();
  }
}
