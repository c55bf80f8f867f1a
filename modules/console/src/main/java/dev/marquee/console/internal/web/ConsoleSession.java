package dev.marquee.console.internal.web;

import dev.marquee.accounts.api.Role;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;

/**
 * The signed-in console user for pages (what the menu shows) and for actions, which check the role
 * again on the server before they do anything.
 */
@Named("console")
@RequestScoped
public class ConsoleSession {
  @Inject FacesContext faces;

  public ConsoleUser getUser() {
    Object user = faces.getExternalContext().getSessionMap().get(ConsoleUser.SESSION_KEY);
    return user instanceof ConsoleUser u ? u : null;
  }

  /** The signed-in user if it holds the role (operator: operator or admin); 403 otherwise. */
  public ConsoleUser require(Role role) {
    ConsoleUser user = getUser();
    boolean allowed = user != null && (role == Role.ADMIN ? user.isAdmin() : user.isOperator());
    if (!allowed) {
      throw new SecurityException("This action needs the " + role.roleName() + " role.");
    }
    return user;
  }

  public void signOut() throws IOException {
    ExternalContext external = faces.getExternalContext();
    Object session = external.getSession(false);
    if (session instanceof HttpSession s) {
      s.invalidate();
    }
    external.redirect(external.getRequestContextPath() + ConsolePaths.SIGN_IN);
  }
}
