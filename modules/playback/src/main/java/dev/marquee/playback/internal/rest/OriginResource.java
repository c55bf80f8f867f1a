package dev.marquee.playback.internal.rest;

import dev.marquee.platform.api.ObjectRead;
import dev.marquee.platform.api.ObjectStorage;
import dev.marquee.platform.api.ProblemException;
import dev.marquee.platform.api.StoredObject;
import dev.marquee.platform.api.TokenIdentity;
import dev.marquee.playback.internal.domain.OriginSigner;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.ApplicationScoped;
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
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * The origin: init and media segments, public and immutable (they are encrypted), behind signed
 * URLs. Long-lived caching, ETag and single byte ranges; a wrong or expired signature is 403, a key
 * outside a title's CMAF output is 404 whatever the signature. A GET costs one request to object
 * storage, on a pooled connection (ADR 24).
 */
@TokenIdentity
@Path("/origin")
@ApplicationScoped
@PermitAll
public class OriginResource {
  private static final Pattern RANGE = Pattern.compile("^bytes=(\\d{0,18})-(\\d{0,18})$");
  private static final String IMMUTABLE = "public, max-age=31536000, immutable";
  private static final int COPY_BUFFER = 128 * 1024;

  @Inject OriginSigner signer;
  @Inject ObjectStorage storage;

  @GET
  @Path("/{key: .+}")
  @Operation(summary = "Fetch a segment by signed URL")
  @APIResponse(
      responseCode = "200",
      description = "The whole object",
      content =
          @Content(
              mediaType = "*/*",
              schema = @Schema(type = SchemaType.STRING, format = "binary")),
      headers = {
        @Header(
            name = "ETag",
            description = "The object's ETag",
            schema = @Schema(type = SchemaType.STRING))
      })
  @APIResponse(
      responseCode = "206",
      description = "The requested byte range",
      content =
          @Content(
              mediaType = "*/*",
              schema = @Schema(type = SchemaType.STRING, format = "binary")),
      headers = {
        @Header(
            name = "Content-Range",
            description = "bytes first-last/size",
            schema = @Schema(type = SchemaType.STRING))
      })
  @APIResponse(
      responseCode = "304",
      description = "The object has not changed since the If-None-Match ETag")
  @Extension(name = "x-public", value = "true", parseValue = true)
  @APIResponse(responseCode = "403", description = "bad-signature, url-expired")
  @APIResponse(responseCode = "404", description = "segment-not-found")
  public Response get(
      @PathParam("key") String key,
      @QueryParam("exp") String exp,
      @QueryParam("sig") String sig,
      @HeaderParam("Range") String range,
      @HeaderParam("If-None-Match") String ifNoneMatch) {
    authorise(key, exp, sig);
    String storageRange = null;
    if (range != null) {
      Matcher m = RANGE.matcher(range.strip());
      if (!m.matches()
          || (m.group(1).isEmpty() && m.group(2).isEmpty())
          || (!m.group(1).isEmpty()
              && !m.group(2).isEmpty()
              && Long.parseLong(m.group(1)) > Long.parseLong(m.group(2)))) {
        return unsatisfiable(found(storage.describe(key)).size());
      }
      storageRange = "bytes=" + m.group(1) + "-" + m.group(2);
    }
    // One request to storage: the bytes, their size and ETag come back together (ADR 24).
    ObjectRead read = found(storage.read(key, storageRange, quoted(ifNoneMatch)));
    String etag = "\"" + read.object().etag().replace("\"", "") + "\"";
    String type = typeOf(key);
    switch (read.outcome()) {
      case NOT_MODIFIED -> {
        return Response.notModified()
            .tag(read.object().etag().replace("\"", ""))
            .header("Cache-Control", IMMUTABLE)
            .build();
      }
      case RANGE_NOT_SATISFIABLE -> {
        return unsatisfiable(read.object().size());
      }
      case CONTENT -> {}
    }
    long size = read.object().size();
    if (range != null) {
      long last = read.first() + read.length() - 1;
      return common(Response.status(206), etag, type)
          .header("Content-Range", "bytes " + read.first() + "-" + last + "/" + size)
          .header("Content-Length", read.length())
          .entity(stream(read.content()))
          .build();
    }
    return common(Response.ok(), etag, type)
        .header("Content-Length", size)
        .entity(stream(read.content()))
        .build();
  }

  @HEAD
  @Path("/{key: .+}")
  @Operation(summary = "Check a segment by signed URL")
  @APIResponse(
      responseCode = "200",
      description = "The object exists; its size, type and ETag are in the headers",
      headers = {
        @Header(
            name = "ETag",
            description = "The object's ETag",
            schema = @Schema(type = SchemaType.STRING))
      })
  @Extension(name = "x-public", value = "true", parseValue = true)
  @APIResponse(responseCode = "403", description = "bad-signature, url-expired")
  @APIResponse(responseCode = "404", description = "segment-not-found")
  public Response head(
      @PathParam("key") String key, @QueryParam("exp") String exp, @QueryParam("sig") String sig) {
    authorise(key, exp, sig);
    StoredObject object = found(storage.describe(key));
    return common(Response.ok(), "\"" + object.etag().replace("\"", "") + "\"", typeOf(key))
        .header("Content-Length", object.size())
        .build();
  }

  private void authorise(String key, String exp, String sig) {
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
  }

  private static <T> T found(Optional<T> object) {
    return object.orElseThrow(
        () -> ProblemException.notFound("segment-not-found", "No segment at this address."));
  }

  /** An If-None-Match of one ETag, quoted as storage compares it; null for anything else. */
  private static String quoted(String ifNoneMatch) {
    if (ifNoneMatch == null || ifNoneMatch.isBlank() || ifNoneMatch.contains(",")) {
      return null;
    }
    String tag = ifNoneMatch.strip();
    if (tag.startsWith("W/")) {
      tag = tag.substring(2);
    }
    return "\"" + tag.replace("\"", "") + "\"";
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
    if (key.endsWith(".jpg")) {
      return "image/jpeg";
    }
    return key.contains("/audio/") ? "audio/mp4" : "video/mp4";
  }

  private static Response unsatisfiable(long size) {
    return Response.status(416).header("Content-Range", "bytes */" + size).build();
  }

  /** Copies with a buffer large enough that a segment takes a handful of writes, not dozens. */
  private static StreamingOutput stream(InputStream in) {
    return out -> {
      try (in) {
        byte[] buffer = new byte[COPY_BUFFER];
        int n;
        while ((n = in.read(buffer)) >= 0) {
          out.write(buffer, 0, n);
        }
      }
    };
  }
}
