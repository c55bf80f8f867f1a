package dev.marquee.playback.internal.rest;

import dev.marquee.platform.api.ObjectStorage;
import dev.marquee.platform.api.ProblemException;
import dev.marquee.platform.api.StoredObject;
import dev.marquee.playback.internal.origin.OriginSigner;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.InputStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * The origin: init and media segments, public and immutable (they are encrypted), behind signed
 * URLs. Long-lived caching, ETag and single byte ranges; a wrong or expired signature is 403, a key
 * outside a title's CMAF output is 404 whatever the signature.
 */
@Path("/origin")
@RequestScoped
@PermitAll
public class OriginResource {
  private static final Pattern RANGE = Pattern.compile("^bytes=(\\d{0,18})-(\\d{0,18})$");
  private static final String IMMUTABLE = "public, max-age=31536000, immutable";

  @Inject OriginSigner signer;
  @Inject ObjectStorage storage;

  @GET
  @Path("/{key: .+}")
  @Operation(summary = "Fetch a segment by signed URL")
  @Extension(name = "x-public", value = "true", parseValue = true)
  @APIResponse(responseCode = "403", description = "bad-signature, url-expired")
  @APIResponse(responseCode = "404", description = "segment-not-found")
  public Response get(
      @PathParam("key") String key,
      @QueryParam("exp") String exp,
      @QueryParam("sig") String sig,
      @HeaderParam("Range") String range,
      @HeaderParam("If-None-Match") String ifNoneMatch) {
    StoredObject object = authorised(key, exp, sig);
    String etag = "\"" + object.etag().replace("\"", "") + "\"";
    String type = typeOf(key);
    if (etag.equals(ifNoneMatch)) {
      return Response.notModified()
          .tag(object.etag().replace("\"", ""))
          .header("Cache-Control", IMMUTABLE)
          .build();
    }
    long size = object.size();
    if (range != null) {
      Matcher m = RANGE.matcher(range.strip());
      long first;
      long last;
      if (!m.matches() || (m.group(1).isEmpty() && m.group(2).isEmpty())) {
        return unsatisfiable(size);
      }
      if (m.group(1).isEmpty()) {
        first = Math.max(0, size - Long.parseLong(m.group(2)));
        last = size - 1;
      } else {
        first = Long.parseLong(m.group(1));
        last = m.group(2).isEmpty() ? size - 1 : Math.min(size - 1, Long.parseLong(m.group(2)));
      }
      if (first >= size || first > last) {
        return unsatisfiable(size);
      }
      long length = last - first + 1;
      return common(Response.status(206), etag, type)
          .header("Content-Range", "bytes " + first + "-" + last + "/" + size)
          .header("Content-Length", length)
          .entity(stream(storage.open(key, first, length)))
          .build();
    }
    return common(Response.ok(), etag, type)
        .header("Content-Length", size)
        .entity(stream(storage.open(key)))
        .build();
  }

  @HEAD
  @Path("/{key: .+}")
  @Operation(summary = "Check a segment by signed URL")
  @Extension(name = "x-public", value = "true", parseValue = true)
  @APIResponse(responseCode = "403", description = "bad-signature, url-expired")
  @APIResponse(responseCode = "404", description = "segment-not-found")
  public Response head(
      @PathParam("key") String key, @QueryParam("exp") String exp, @QueryParam("sig") String sig) {
    StoredObject object = authorised(key, exp, sig);
    return common(Response.ok(), "\"" + object.etag().replace("\"", "") + "\"", typeOf(key))
        .header("Content-Length", object.size())
        .build();
  }

  private StoredObject authorised(String key, String exp, String sig) {
    switch (signer.verify(key, exp, sig)) {
      case NOT_SERVED ->
          throw ProblemException.notFound(
              "segment-not-found",
              "The origin serves only titles' init and media segments and subtitle files.");
      case EXPIRED ->
          throw ProblemException.forbidden("url-expired", "The signed URL has expired.");
      case BAD_SIGNATURE ->
          throw ProblemException.forbidden(
              "bad-signature", "The URL's signature does not match its path and expiry.");
      case OK -> {}
    }
    return storage
        .describe(key)
        .orElseThrow(
            () -> ProblemException.notFound("segment-not-found", "No segment at this address."));
  }

  private static Response.ResponseBuilder common(
      Response.ResponseBuilder builder, String etag, String type) {
    return builder
        .type(type)
        .header("ETag", etag)
        .header("Cache-Control", IMMUTABLE)
        .header("Accept-Ranges", "bytes")
        .header("Access-Control-Allow-Origin", "*");
  }

  private static String typeOf(String key) {
    if (key.endsWith(".vtt")) {
      return "text/vtt";
    }
    return key.contains("/audio/") ? "audio/mp4" : "video/mp4";
  }

  private static Response unsatisfiable(long size) {
    return Response.status(416).header("Content-Range", "bytes */" + size).build();
  }

  private static StreamingOutput stream(InputStream in) {
    return out -> {
      try (in) {
        in.transferTo(out);
      }
    };
  }
}
