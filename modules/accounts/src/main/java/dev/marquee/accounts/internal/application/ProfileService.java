package dev.marquee.accounts.internal.application;

import dev.marquee.accounts.api.MaturityRating;
import dev.marquee.accounts.api.ProfileView;
import dev.marquee.accounts.internal.domain.AccountRepository;
import dev.marquee.accounts.internal.domain.Profile;
import dev.marquee.platform.api.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;

/** Profiles of one account: at most five, unique names, kids profiles capped at 7+. */
@ApplicationScoped
public class ProfileService {
  @Inject AccountRepository accounts;

  @Transactional
  public List<ProfileView> list(UUID accountId) {
    return accounts.profilesOf(accountId).stream().map(DefaultAccountsFacade::view).toList();
  }

  @Transactional
  public ProfileView create(
      UUID accountId, String name, MaturityRating cap, boolean kids, Runnable ownerOnly) {
    MaturityRating effective = effectiveCap(cap, kids);
    if (!kids) {
      ownerOnly.run(); // a profile without a kids cap is a way around one
    }
    List<Profile> existing = accounts.profilesOf(accountId);
    if (existing.size() >= Profile.MAX_PER_ACCOUNT) {
      throw ProblemException.conflict(
          "profile-limit", "An account has at most " + Profile.MAX_PER_ACCOUNT + " profiles.");
    }
    String cleanName = name.strip();
    requireUniqueName(existing, cleanName, null);
    Profile profile = new Profile(accountId, cleanName, effective, kids, Time.now());
    accounts.add(profile);
    return DefaultAccountsFacade.view(profile);
  }

  @Transactional
  public ProfileView update(
      UUID accountId,
      UUID profileId,
      String name,
      MaturityRating cap,
      Boolean kids,
      Runnable ownerOnly) {
    Profile profile = own(accountId, profileId);
    if (name != null) {
      String cleanName = name.strip();
      requireUniqueName(accounts.profilesOf(accountId), cleanName, profileId);
      profile.rename(cleanName);
    }
    if (cap != null || kids != null) {
      boolean kidsProfile = kids != null ? kids : profile.kids();
      MaturityRating newCap =
          cap != null ? cap : (kidsProfile && !profile.kids() ? null : profile.maturityCap());
      MaturityRating effective = effectiveCap(newCap, kidsProfile);
      boolean loosens =
          (profile.kids() && !kidsProfile) || !profile.maturityCap().permits(effective);
      if (loosens) {
        ownerOnly.run(); // tightening a cap needs no password; lifting one does
      }
      profile.restrict(effective, kidsProfile);
    }
    return DefaultAccountsFacade.view(profile);
  }

  @Transactional
  public void delete(UUID accountId, UUID profileId, Runnable ownerOnly) {
    Profile profile = own(accountId, profileId);
    ownerOnly.run();
    if (accounts.profilesOf(accountId).size() <= 1) {
      throw ProblemException.conflict("last-profile", "An account keeps at least one profile.");
    }
    accounts.remove(profile);
  }

  private Profile own(UUID accountId, UUID profileId) {
    return accounts
        .profile(profileId)
        .filter(p -> p.accountId().equals(accountId))
        .orElseThrow(
            () ->
                ProblemException.notFound(
                    "profile-not-found", "No profile " + profileId + " on this account."));
  }

  private static void requireUniqueName(List<Profile> profiles, String name, UUID except) {
    boolean taken =
        profiles.stream().anyMatch(p -> p.name().equalsIgnoreCase(name) && !p.id().equals(except));
    if (taken) {
      throw ProblemException.conflict(
          "duplicate-profile-name", "A profile named " + name + " already exists.");
    }
  }

  private static MaturityRating effectiveCap(MaturityRating requested, boolean kids) {
    if (!kids) {
      return requested == null ? MaturityRating.AGE_18 : requested;
    }
    if (requested == null) {
      return Profile.KIDS_CAP;
    }
    if (!Profile.KIDS_CAP.permits(requested)) {
      throw ProblemException.badRequest(
          "invalid-maturity-cap",
          "A kids profile may be capped at "
              + Profile.KIDS_CAP.label()
              + " at most, not "
              + requested.label()
              + ".");
    }
    return requested;
  }
}
