package dev.marquee.console.internal.web.ingest;

import dev.marquee.accounts.api.Role;
import dev.marquee.console.internal.web.ConsoleRequestToken;
import dev.marquee.console.internal.web.ConsoleSession;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpSession;

/**
 * The ingest page: hands its script the session's request token (admins only) and whether parts go
 * straight to object storage.
 */
@Named
@RequestScoped
public class IngestPage {
  @Inject ConsoleSession console;
  @Inject DirectParts directParts;

  public String getToken() {
    console.require(Role.ADMIN);
    HttpSession session =
        (HttpSession) FacesContext.getCurrentInstance().getExternalContext().getSession(true);
    return ConsoleRequestToken.of(session);
  }

  public boolean isDirectParts() {
    return directParts.on();
  }
}
