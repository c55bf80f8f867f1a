package dev.marquee.accounts.api;

import java.util.List;

/** One page of accounts found by email, and how many match in all. */
public record AccountPage(List<AccountView> accounts, long total) {
  public AccountPage {
    accounts = List.copyOf(accounts);
  }
}
