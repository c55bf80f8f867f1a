package dev.marquee.console.internal.web.keys;

import dev.marquee.accounts.api.AccountId;
import dev.marquee.accounts.api.AccountView;
import dev.marquee.accounts.api.AccountsFacade;
import dev.marquee.accounts.api.Role;
import dev.marquee.console.internal.web.ConsoleSession;
import dev.marquee.drm.api.DrmFacade;
import dev.marquee.drm.api.KeyWrapping;
import dev.marquee.platform.api.ProblemException;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The key-encryption keys for admins: each KEK by id, the active one, the content keys each wraps
 * (and those under a KEK no longer configured), the re-wrap under the active KEK through the drm
 * facade (the API's code path, audited with the signed-in admin) and the latest key actions.
 */
@Named
@ViewScoped
public class KeysPage implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final Logger LOG = Logger.getLogger(KeysPage.class.getName());
  static final int ACTIONS = 10;

  @Inject transient DrmFacade drm;
  @Inject transient AccountsFacade accounts;
  @Inject transient ConsoleSession console;

  /** As shown; null: read again before the next render (after a re-wrap). */
  private ArrayList<Map<String, String>> keks;

  private String activeKek;
  private String unreadable;
  private ArrayList<Map<String, String>> actions;
  private String result;
  private String refused;

  private void read() {
    if (keks != null) {
      return;
    }
    try {
      KeyWrapping w = drm.keyWrapping();
      activeKek = w.activeKek();
      keks = new ArrayList<>(KeyRows.keks(w));
      unreadable = KeyRows.unreadable(w);
    } catch (ProblemException e) {
      // The KEK configuration itself is broken (none, bad base64, an unlisted active id).
      activeKek = "none";
      keks = new ArrayList<>();
      unreadable = e.detail();
    }
    actions =
        new ArrayList<>(
            drm.keyActions(ACTIONS).stream().map(a -> KeyRows.action(a, this::emailOf)).toList());
  }

  /** The button (after its confirmation): re-wraps every content key, as the signed-in admin. */
  public void rewrap() {
    UUID admin = console.require(Role.ADMIN).accountId();
    result = null;
    refused = null;
    try {
      result = KeyRows.rewrapped(drm.rewrapContentKeys(admin, "CONSOLE"));
    } catch (ProblemException e) {
      error(e.detail());
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "The console's re-wrap failed", e);
      error("The re-wrap failed and was rolled back; no content key changed. See the server log.");
    }
    keks = null;
  }

  private String emailOf(UUID accountId) {
    return accounts
        .account(new AccountId(accountId))
        .map(AccountView::email)
        .orElse(accountId.toString());
  }

  /**
   * Shown by the page itself, not as an error FacesMessage: with an error message in the context
   * ui:repeat keeps the rows it read before the action, and the audit row of the refusal would not
   * show.
   */
  private void error(String message) {
    refused = message;
  }

  public String getRefused() {
    return refused;
  }

  public List<Map<String, String>> getKeks() {
    read();
    return keks;
  }

  public String getActiveKek() {
    read();
    return activeKek;
  }

  public String getUnreadable() {
    read();
    return unreadable;
  }

  public List<Map<String, String>> getActions() {
    read();
    return actions;
  }

  public String getResult() {
    return result;
  }
}
