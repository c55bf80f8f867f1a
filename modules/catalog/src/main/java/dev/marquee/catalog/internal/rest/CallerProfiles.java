package dev.marquee.catalog.internal.rest;

import dev.marquee.accounts.api.AccountId;
import dev.marquee.accounts.api.AccountView;
import dev.marquee.accounts.api.AccountsFacade;
import dev.marquee.accounts.api.ProfileId;
import dev.marquee.accounts.api.ProfileView;
import dev.marquee.platform.api.CallerIdentity;
import dev.marquee.platform.api.ProblemException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.Locale;
import java.util.UUID;

/** The caller's account and the profile a request acts for (which must be one of its own). */
@RequestScoped
public class CallerProfiles {
  @Inject CallerIdentity caller;
  @Inject AccountsFacade accounts;

  public UUID account() {
    return caller.accountId();
  }

  public ProfileView require(String profileId) {
    if (profileId == null || profileId.isBlank()) {
      throw ProblemException.badRequest(
          "profile-required",
          "Say which profile acts: ?profileId= (or \"profileId\" in the body).");
    }
    UUID id = uuid("profileId", profileId);
    AccountId me = new AccountId(account());
    return accounts
        .profile(new ProfileId(id))
        .filter(p -> p.accountId().equals(me))
        .orElseThrow(
            () -> ProblemException.notFound("profile-not-found", "No profile " + profileId));
  }

  /** The profile's account country, upper case, as licence regions are written (null: none). */
  public String region(ProfileView profile) {
    String country = accounts.account(profile.accountId()).map(AccountView::country).orElse(null);
    return country == null || country.isBlank() ? null : country.strip().toUpperCase(Locale.ROOT);
  }

  static UUID uuid(String field, String value) {
    try {
      return UUID.fromString(value.strip());
    } catch (IllegalArgumentException | NullPointerException e) {
      throw ProblemException.badRequest("invalid-id", field + " must be a UUID, not " + value);
    }
  }
}
