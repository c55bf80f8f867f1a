package dev.marquee.console.internal.web.accounts;

import dev.marquee.accounts.api.AccountEntitlements;
import dev.marquee.accounts.api.AccountId;
import dev.marquee.accounts.api.AccountView;
import dev.marquee.accounts.api.AccountsFacade;
import dev.marquee.accounts.api.DeviceId;
import dev.marquee.accounts.api.DeviceView;
import dev.marquee.accounts.api.EntitlementsFacade;
import dev.marquee.accounts.api.Role;
import dev.marquee.accounts.api.SecurityLevel;
import dev.marquee.accounts.api.SignInState;
import dev.marquee.catalog.api.CatalogFacade;
import dev.marquee.catalog.api.TitleId;
import dev.marquee.catalog.api.TitleView;
import dev.marquee.console.internal.web.Cells;
import dev.marquee.console.internal.web.ConsoleSession;
import dev.marquee.platform.api.ProblemException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * One account for a support team: who it is, its profiles, devices, subscription and grants, and
 * whether it may sign in. Actions (lock, unlock, a device's security level) check the admin role on
 * the server, go through the accounts facade, which records who did them, and show a refusal as a
 * message.
 */
@Named
@ViewScoped
public class AccountDetailPage implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject transient AccountsFacade accounts;
  @Inject transient EntitlementsFacade entitlements;
  @Inject transient CatalogFacade catalog;
  @Inject transient ConsoleSession console;
  @Inject transient FacesContext faces;

  private String id;
  private boolean loaded;
  private AccountView account;
  private String reason;
  private String deviceId;
  private String level = SecurityLevel.HARDWARE.name();
  private String deviceReason;

  /** Reads the account once per view (f:viewAction). */
  public void load() {
    if (loaded) {
      return;
    }
    loaded = true;
    account = accountId().flatMap(accounts::account).orElse(null);
  }

  public void lock() {
    act(
        () -> accounts.lock(accountId().orElseThrow(), admin(), reason),
        "Locked: the account cannot sign in and its sign-ins were revoked.");
  }

  public void unlock() {
    act(
        () -> accounts.unlock(accountId().orElseThrow(), admin(), reason),
        "Unlocked: the account may sign in again.");
  }

  public void endSessions() {
    act(
        () -> accounts.endSessions(accountId().orElseThrow(), admin(), reason),
        "Ended every sign-in of the account; it may sign in again.");
  }

  public void changeSecurityLevel() {
    UUID admin = admin();
    try {
      DeviceView d =
          accounts.changeSecurityLevel(
              accountId().orElseThrow(),
              new DeviceId(UUID.fromString(deviceId)),
              SecurityLevel.valueOf(level),
              admin,
              deviceReason);
      deviceReason = null;
      info("Device " + d.name() + " is now " + d.securityLevel() + ".");
    } catch (ProblemException e) {
      error(e.detail());
    } catch (IllegalArgumentException | NullPointerException e) {
      error("Choose a device and a security level.");
    }
  }

  private void act(Supplier<SignInState> action, String done) {
    try {
      action.get();
      reason = null;
      info(done);
    } catch (ProblemException e) {
      error(e.detail());
    }
  }

  private UUID admin() {
    return console.require(Role.ADMIN).accountId();
  }

  private void info(String message) {
    faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, message, null));
  }

  private void error(String message) {
    faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, message, null));
    faces.validationFailed();
  }

  private Optional<AccountId> accountId() {
    try {
      return Optional.of(new AccountId(UUID.fromString(id)));
    } catch (IllegalArgumentException | NullPointerException e) {
      return Optional.empty();
    }
  }

  public boolean isFound() {
    return account != null;
  }

  public Map<String, String> getSummary() {
    return Cells.of(
        "email", account.email(),
        "displayName", account.displayName(),
        "country", account.country(),
        "roles",
            account.roles().stream().map(Role::roleName).sorted().collect(Collectors.joining(", ")),
        "created", account.createdAt());
  }

  public Map<String, String> getSignIn() {
    SignInState s = accounts.signInState(account.id()).orElseThrow();
    return Cells.of(
        "state", s.locked() ? "Locked" : "May sign in",
        "locked", Boolean.toString(s.locked()),
        "lockedAt", s.lockedAt(),
        "lockedReason", s.lockedReason(),
        "activeSignIns", s.activeSignIns());
  }

  public List<Map<String, String>> getLockHistory() {
    return accounts.lockDecisions(account.id()).stream()
        .map(
            d ->
                Cells.of(
                    "action", d.locked() ? "Locked" : "Unlocked",
                    "by", emailOf(d.changedBy()),
                    "reason", d.reason(),
                    "at", d.at()))
        .toList();
  }

  public List<Map<String, String>> getSessionEndings() {
    return accounts.sessionEndings(account.id()).stream()
        .map(
            e ->
                Cells.of(
                    "by", emailOf(e.endedBy()),
                    "reason", e.reason(),
                    "signIns", e.signIns(),
                    "at", e.at()))
        .toList();
  }

  public List<Map<String, String>> getProfiles() {
    return accounts.profiles(account.id()).stream()
        .map(
            p ->
                Cells.of(
                    "name", p.name(),
                    "maturityCap", p.maturityCap(),
                    "kids", p.kids() ? "yes" : "no"))
        .toList();
  }

  public List<Map<String, String>> getDevices() {
    return accounts.devices(account.id()).stream()
        .map(
            d ->
                Cells.of(
                    "id", d.id().value(),
                    "name", d.name(),
                    "type", d.type(),
                    "securityLevel", d.securityLevel(),
                    "registered", d.registeredAt(),
                    "lastSeen", d.lastSeenAt(),
                    "decisions",
                        accounts.securityDecisions(account.id(), d.id()).stream()
                            .map(
                                c ->
                                    c.level()
                                        + " by "
                                        + emailOf(c.changedBy())
                                        + " ("
                                        + c.reason()
                                        + ") "
                                        + Cells.text(c.at()))
                            .collect(Collectors.joining("; "))))
        .toList();
  }

  public Map<String, String> getSubscription() {
    Optional<AccountEntitlements.Subscription> s =
        entitlements.entitlementsOf(account.id()).subscription();
    return s.map(
            v ->
                Cells.of(
                    "plan", v.plan(),
                    "status", v.status(),
                    "from", v.periodStart(),
                    "until", v.periodEnd()))
        .orElse(null);
  }

  public List<Map<String, String>> getGrants() {
    return entitlements.entitlementsOf(account.id()).grants().stream()
        .map(
            g ->
                Cells.of(
                    "title",
                        catalog
                            .title(new TitleId(g.titleId()))
                            .map(TitleView::name)
                            .orElse(g.titleId().toString()),
                    "kind", g.kind(),
                    "maxHeight", g.maxHeight() + "p",
                    "granted", g.grantedAt(),
                    "firstPlayed", g.firstPlayedAt(),
                    "revoked", g.revokedAt()))
        .toList();
  }

  private String emailOf(UUID accountId) {
    return accounts
        .account(new AccountId(accountId))
        .map(AccountView::email)
        .orElse(accountId.toString());
  }

  public String getId() {
    return id;
  }

  public void setId(String id) {
    this.id = id;
  }

  public String getReason() {
    return reason;
  }

  public void setReason(String reason) {
    this.reason = reason;
  }

  public String getDeviceId() {
    return deviceId;
  }

  public void setDeviceId(String deviceId) {
    this.deviceId = deviceId;
  }

  public String getLevel() {
    return level;
  }

  public void setLevel(String level) {
    this.level = level;
  }

  public String getDeviceReason() {
    return deviceReason;
  }

  public void setDeviceReason(String deviceReason) {
    this.deviceReason = deviceReason;
  }
}
