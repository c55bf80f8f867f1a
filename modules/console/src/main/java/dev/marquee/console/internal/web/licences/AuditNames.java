package dev.marquee.console.internal.web.licences;

import dev.marquee.accounts.api.AccountId;
import dev.marquee.accounts.api.AccountView;
import dev.marquee.accounts.api.AccountsFacade;
import dev.marquee.catalog.api.CatalogFacade;
import dev.marquee.catalog.api.TitleId;
import dev.marquee.catalog.api.TitleView;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Emails and title names for the ids in the audit, each looked up once per page or export. An id
 * with no account (erased: the audit keeps a pseudonym) or no title shows as empty.
 */
final class AuditNames {
  private final AccountsFacade accounts;
  private final CatalogFacade catalog;
  private final Map<UUID, String> emails = new HashMap<>();
  private final Map<UUID, String> titles = new HashMap<>();

  AuditNames(AccountsFacade accounts, CatalogFacade catalog) {
    this.accounts = accounts;
    this.catalog = catalog;
  }

  String email(UUID account) {
    return emails.computeIfAbsent(
        account, a -> accounts.account(new AccountId(a)).map(AccountView::email).orElse(""));
  }

  String title(UUID title) {
    return titles.computeIfAbsent(
        title, t -> catalog.title(new TitleId(t)).map(TitleView::name).orElse(""));
  }

  /** The account whose email this is, exactly (any case). */
  static Optional<UUID> accountByEmail(AccountsFacade accounts, String email) {
    return accounts.findAccounts(email, 0, 20).accounts().stream()
        .filter(a -> a.email().equalsIgnoreCase(email.strip()))
        .map(a -> a.id().value())
        .findFirst();
  }
}
