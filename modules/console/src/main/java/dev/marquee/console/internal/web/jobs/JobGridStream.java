package dev.marquee.console.internal.web.jobs;

import jakarta.inject.Inject;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code GET /console/jobs/live?id=<job>}: a job's grid as server-sent events, the whole grid first
 * and then each change ({@link JobGridHub}); without {@code id}, a {@code jobs} event whenever the
 * jobs list would show something else. It sits under {@code /console/jobs/}, so the console's
 * access filter lets only a signed-in operator or admin open it, like the job's page.
 */
@WebServlet(urlPatterns = "/console/jobs/live", asyncSupported = true)
public class JobGridStream extends HttpServlet {
  private static final Logger LOG = Logger.getLogger(JobGridStream.class.getName());
  private static final long serialVersionUID = 1L;

  @Inject transient JobGridHub hub;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String id = request.getParameter("id");
    UUID job = null;
    if (id != null) {
      try {
        job = UUID.fromString(id);
      } catch (IllegalArgumentException e) {
        response.sendError(400, "id must be a job id");
        return;
      }
    }
    if (job != null && !hub.knows(job)) {
      response.sendError(404, "no such job");
      return;
    }
    response.setContentType("text/event-stream;charset=UTF-8");
    response.setHeader("Cache-Control", "no-store");
    // No buffering between Liberty and a proxy: each event goes out when it is written.
    response.setHeader("X-Accel-Buffering", "no");
    AsyncContext async = request.startAsync();
    async.setTimeout(0);
    JobGridHub.Stream stream = new JobGridHub.Stream(async, request.getSession(false));
    async.addListener(
        new AsyncListener() {
          @Override
          public void onComplete(AsyncEvent event) {
            hub.forget(stream);
          }

          @Override
          public void onTimeout(AsyncEvent event) {
            hub.forget(stream);
          }

          @Override
          public void onError(AsyncEvent event) {
            hub.forget(stream);
          }

          @Override
          public void onStartAsync(AsyncEvent event) {
            // nothing to do
          }
        });
    response.flushBuffer();
    try {
      if (job == null) {
        hub.watchList(stream);
      } else if (!hub.watch(job, stream)) {
        async.complete();
      }
    } catch (RuntimeException e) {
      // The stream is already open: end it, and the browser's EventSource opens a new one.
      LOG.log(Level.WARNING, "Starting a job console stream failed; the browser will retry", e);
      async.complete();
    }
  }
}
