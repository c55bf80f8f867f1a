package dev.marquee.console.internal.web.ingest;

import dev.marquee.console.internal.web.ConsoleRequestToken;
import dev.marquee.console.internal.web.ConsoleUser;
import dev.marquee.ingest.api.MasterUploads;
import dev.marquee.platform.api.ProblemException;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The browser ingest's calls (ADR 40): open an upload, ask where it stands, send a part, complete.
 * The same uploads as {@code /api/ingest/uploads} through ingest's {@link MasterUploads}, owned by
 * the signed-in administrator. Under {@code /console/admin/}, so the access filter lets only admins
 * in; each call must carry the session's {@link ConsoleRequestToken}, checked there and here.
 * Answers are JSON; refusals problem JSON with the ingest module's own types. With {@link
 * DirectParts} on, a part's bytes need not come here: {@code POST .../parts/{n}/presigned-url}
 * answers a URL the page PUTs the part to in object storage.
 */
@WebServlet(urlPatterns = "/console/admin/ingest/uploads/*")
public class IngestUploadServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;
  private static final Logger LOG = Logger.getLogger(IngestUploadServlet.class.getName());
  private static final Jsonb JSON = JsonbBuilder.create();
  private static final Pattern UPLOAD = Pattern.compile("^/([0-9a-fA-F-]{36})$");
  private static final Pattern PART = Pattern.compile("^/([0-9a-fA-F-]{36})/parts/(\\d{1,5})$");
  private static final Pattern PRESIGN =
      Pattern.compile("^/([0-9a-fA-F-]{36})/parts/(\\d{1,5})/presigned-url$");
  private static final Duration PRESIGNED_VALIDITY = Duration.ofMinutes(30);
  private static final Pattern COMPLETE = Pattern.compile("^/([0-9a-fA-F-]{36})/complete$");

  @Inject transient MasterUploads uploads;
  @Inject transient DirectParts directParts;

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    answer(
        request,
        response,
        (owner, path) -> {
          if (path == null || path.equals("/")) {
            JsonObject body;
            try (JsonReader reader = Json.createReader(request.getInputStream())) {
              body = reader.readObject();
            } catch (RuntimeException e) {
              throw ProblemException.badRequest(
                  "malformed-json", "The request body is not a JSON object.");
            }
            UploadForm form = UploadForm.from(body, owner);
            response.setStatus(201);
            return uploads.open(
                owner, form.title(), form.fileName(), form.sizeBytes(), form.sha256());
          }
          Matcher complete = COMPLETE.matcher(path);
          if (complete.matches()) {
            return uploads.complete(owner, id(complete.group(1)));
          }
          Matcher presign = PRESIGN.matcher(path);
          if (presign.matches()) {
            return presigned(owner, id(presign.group(1)), Integer.parseInt(presign.group(2)));
          }
          throw notFound();
        });
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    answer(
        request,
        response,
        (owner, path) -> {
          Matcher upload = path == null ? null : UPLOAD.matcher(path);
          if (upload == null || !upload.matches()) {
            throw notFound();
          }
          return uploads.state(owner, id(upload.group(1)));
        });
  }

  @Override
  protected void doPut(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    answer(
        request,
        response,
        (owner, path) -> {
          Matcher part = path == null ? null : PART.matcher(path);
          if (part == null || !part.matches()) {
            throw notFound();
          }
          long length = request.getContentLengthLong();
          if (length < 0) {
            throw new ProblemException(
                411, "length-required", "Length required", "A part needs its Content-Length.");
          }
          return uploads.receivePart(
              owner,
              id(part.group(1)),
              Integer.parseInt(part.group(2)),
              length,
              request.getInputStream());
        });
  }

  /** Where and until when to PUT a part; refused unless the switch is on. */
  private PresignedPart presigned(UUID owner, UUID upload, int number) {
    if (!directParts.on()) {
      throw ProblemException.notFound(
          "direct-parts-off",
          "Parts go through this server: MARQUEE_INGEST_BROWSER_DIRECT_PARTS is off.");
    }
    return new PresignedPart(
        "PUT",
        uploads.presignPart(owner, upload, number, PRESIGNED_VALIDITY).toString(),
        Instant.now().plus(PRESIGNED_VALIDITY).toString());
  }

  /** A presigned part upload, as the page receives it. */
  public record PresignedPart(String method, String url, String expiresAt) {}

  private interface Call {
    Object run(UUID owner, String path) throws IOException;
  }

  private void answer(HttpServletRequest request, HttpServletResponse response, Call call)
      throws IOException {
    HttpSession session = request.getSession(false);
    if (session == null
        || !(session.getAttribute(ConsoleUser.SESSION_KEY) instanceof ConsoleUser user)
        || !user.isAdmin()) {
      problem(response, ProblemException.forbidden("forbidden", "Ingest is for administrators."));
      return;
    }
    if (!ConsoleRequestToken.carriedBy(request)) {
      problem(
          response,
          ProblemException.forbidden(
              "console-token-missing", "This request was not sent by a console page."));
      return;
    }
    try {
      Object state = call.run(user.accountId(), request.getPathInfo());
      response.setContentType("application/json");
      response.getWriter().write(JSON.toJson(state));
    } catch (ProblemException e) {
      problem(response, e);
    } catch (RuntimeException e) {
      String incident = UUID.randomUUID().toString();
      LOG.log(Level.SEVERE, "Browser ingest failed, incident " + incident, e);
      problem(
          response,
          new ProblemException(
              500,
              "internal-error",
              "Internal error",
              "The upload could not go on. Quote incident " + incident + " to an operator."));
    }
  }

  private static UUID id(String text) {
    try {
      return UUID.fromString(text);
    } catch (IllegalArgumentException e) {
      throw ProblemException.notFound("upload-not-found", "No upload " + text + ".");
    }
  }

  private static ProblemException notFound() {
    return ProblemException.notFound("not-found", "No such ingest call.");
  }

  private static void problem(HttpServletResponse response, ProblemException e) throws IOException {
    if (response.isCommitted()) {
      return;
    }
    response.reset();
    response.setStatus(e.status());
    response.setContentType("application/problem+json");
    e.retryAfter()
        .ifPresent(
            d -> response.setHeader("Retry-After", Long.toString(ProblemException.seconds(d))));
    response
        .getWriter()
        .write(
            Json.createObjectBuilder()
                .add("type", "/problems/" + e.type())
                .add("title", e.title())
                .add("status", e.status())
                .add("detail", e.detail() == null ? "" : e.detail())
                .build()
                .toString());
  }
}
