package dev.marquee.platform.internal.rest;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Refuses a request body larger than its method's limit with 413 problem JSON: at once when the
 * announced length is too large, and after reading at most limit + 1 bytes when no length was
 * announced (chunked), so a client can never make the server hold more than the limit.
 */
@Priority(Priorities.AUTHENTICATION - 100)
final class BodySizeFilter implements ContainerRequestFilter {
  private final long limit;
  private final boolean streamed;
  private final String problem;

  BodySizeFilter(long limit, boolean streamed, String problem) {
    this.limit = limit;
    this.streamed = streamed;
    this.problem = problem;
  }

  @Override
  public void filter(ContainerRequestContext request) throws IOException {
    // Decided from the headers alone: peeking at the entity would consume what the container
    // needs to read form parameters.
    String lengthHeader = request.getHeaderString("Content-Length");
    String transfer = request.getHeaderString("Transfer-Encoding");
    if (lengthHeader != null) {
      if (parse(lengthHeader) > limit) {
        request.abortWith(tooLarge());
      }
      return;
    }
    if (transfer == null || streamed) {
      return;
    }
    MediaType type = request.getMediaType();
    if (type != null && type.isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE)) {
      // Form parameters are parsed by the container from the raw stream: it must know the length.
      request.abortWith(
          ProblemResponses.of(
              411, "length-required", "Length required", "Send forms with a Content-Length."));
      return;
    }
    // No length: read no more than the limit allows before anyone parses it.
    InputStream in = request.getEntityStream();
    byte[] body = in.readNBytes((int) Math.min(limit + 1, Integer.MAX_VALUE - 8));
    if (body.length > limit) {
      request.abortWith(tooLarge());
      return;
    }
    request.setEntityStream(new ByteArrayInputStream(body));
  }

  private static long parse(String header) {
    try {
      return Long.parseLong(header.strip());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private Response tooLarge() {
    return ProblemResponses.of(
        413,
        problem,
        "Content too large",
        "This operation takes a body of at most " + limit + " bytes.");
  }
}
