package dev.marquee.console.internal.web;

import dev.marquee.accounts.api.AccountView;
import dev.marquee.accounts.api.AccountsFacade;
import dev.marquee.accounts.api.SignInState;
import dev.marquee.platform.api.ProblemException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.Optional;

/**
 * The console's sign-in form: Marquee's own accounts (the same Argon2id hashes, the same roles and
 * the same failed-sign-in limits as the token endpoint, through the accounts facade). Only admins
 * and operators get a console session; the session id changes at sign-in (no fixation).
 */
@Named
@RequestScoped
public class SignInPage {
  @Inject AccountsFacade accounts;
  @Inject FacesContext faces;

  private String email;
  private String password;

  public String getEmail() {
    return email;
  }

  public void setEmail(String email) {
    this.email = email;
  }

  public String getPassword() {
    return password;
  }

  public void setPassword(String password) {
    this.password = password;
  }

  public void signIn() throws IOException {
    ExternalContext external = faces.getExternalContext();
    HttpServletRequest request = (HttpServletRequest) external.getRequest();
    Optional<AccountView> account;
    try {
      account = accounts.checkPassword(email, password, request.getRemoteAddr());
    } catch (ProblemException e) {
      fail(e.status() == 429 ? "Too many failed sign-ins; wait before trying again." : e.detail());
      return;
    }
    if (account.isEmpty()) {
      fail("The email or password is not correct.");
      return;
    }
    AccountView a = account.get();
    long ends = accounts.signInState(a.id()).map(SignInState::sessionEnds).orElse(0L);
    ConsoleUser user = new ConsoleUser(a.id().value(), a.email(), a.roles(), ends);
    if (!user.mayUseConsole()) {
      fail("The console is for administrators and operators; this account is neither.");
      return;
    }
    request.getSession(true);
    request.changeSessionId();
    external.getSessionMap().put(ConsoleUser.SESSION_KEY, user);
    external.redirect(
        external.getRequestContextPath()
            + (user.isAdmin() ? "/console/admin/dashboard.xhtml" : "/console/jobs/index.xhtml"));
  }

  private void fail(String message) {
    password = null;
    faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, message, null));
  }
}
