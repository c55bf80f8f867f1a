package dev.marquee.console.internal.web;

import jakarta.faces.FacesException;
import jakarta.faces.application.ViewExpiredException;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;
import jakarta.faces.event.ExceptionQueuedEventContext;
import jakarta.faces.event.PhaseId;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;

/**
 * A form whose view state the server does not know (expired with the session, or forged by another
 * site with a made-up token that fails to decode) runs nothing and is answered 403 with the
 * console's refusal page, instead of Faces' error page with status 500. Registered in the console's
 * faces-config.xml.
 */
public class ViewExpiredRefusal extends ExceptionHandlerWrapper {
  ViewExpiredRefusal(ExceptionHandler wrapped) {
    super(wrapped);
  }

  @Override
  public void handle() throws FacesException {
    Iterator<ExceptionQueuedEvent> events = getUnhandledExceptionQueuedEvents().iterator();
    while (events.hasNext()) {
      ExceptionQueuedEventContext event = events.next().getContext();
      if (isViewExpired(event.getException()) || isUnreadableViewState(event)) {
        events.remove();
        refuse(FacesContext.getCurrentInstance());
      }
    }
    getWrapped().handle();
  }

  private static void refuse(FacesContext context) {
    HttpServletResponse response = (HttpServletResponse) context.getExternalContext().getResponse();
    if (!response.isCommitted()) {
      response.reset();
      response.setHeader("Cache-Control", "no-store");
      try {
        ConsoleAccessFilter.refuse(
            response,
            403,
            "This form's view state is unknown to the server (it expired, or the console did not"
                + " issue it). Nothing was changed; open the page again.");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    context.responseComplete();
  }

  /**
   * A form post whose view state cannot even be decoded (a made-up token: MyFaces fails while
   * restoring the view, before any of the page's code runs).
   */
  private static boolean isUnreadableViewState(ExceptionQueuedEventContext event) {
    FacesContext context = event.getContext();
    return PhaseId.RESTORE_VIEW.equals(event.getPhaseId())
        && context != null
        && "POST"
            .equals(((HttpServletRequest) context.getExternalContext().getRequest()).getMethod());
  }

  private static boolean isViewExpired(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ViewExpiredException) {
        return true;
      }
    }
    return false;
  }

  /** The factory Faces asks for the handler; wraps whatever handler Faces would use. */
  public static class Factory extends ExceptionHandlerFactory {
    public Factory(ExceptionHandlerFactory wrapped) {
      super(wrapped);
    }

    @Override
    public ExceptionHandler getExceptionHandler() {
      return new ViewExpiredRefusal(getWrapped().getExceptionHandler());
    }
  }
}
