package dev.marquee.playback.internal.application;

import dev.marquee.accounts.api.AccountId;
import dev.marquee.accounts.api.AccountsFacade;
import dev.marquee.accounts.api.DeviceId;
import dev.marquee.accounts.api.EntitlementsFacade;
import dev.marquee.accounts.api.ProfileId;
import dev.marquee.accounts.api.ViewingContext;
import dev.marquee.catalog.api.CatalogFacade;
import dev.marquee.catalog.api.TitleId;
import dev.marquee.catalog.api.TitleView;
import dev.marquee.platform.api.ProblemException;
import dev.marquee.playback.internal.domain.PlaybackSession;
import dev.marquee.playback.internal.domain.Position;
import dev.marquee.playback.internal.persistence.PositionStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Resume positions: written every 30 s and on pause, seek and stop by each device; the newest
 * client time wins; a position in the last 5 % of the title (at most 5 minutes of credits, at least
 * half a second) marks it watched.
 */
@ApplicationScoped
public class PositionService {
  @Inject PositionStore store;
  @Inject AccountsFacade accounts;
  @Inject CatalogFacade catalog;
  @Inject EntitlementsFacade entitlements;

  /** Title lengths, which writes check positions against; kept a minute per title. */
  private final ConcurrentHashMap<UUID, Length> lengths = new ConcurrentHashMap<>();

  private record Length(Long millis, long readAtNanos) {}

  /** What a write said: whether it took effect, and whether the title now counts as watched. */
  public record Written(boolean applied, boolean watched) {}

  public Written write(
      UUID account,
      UUID profile,
      UUID device,
      UUID title,
      long positionMs,
      Instant clientTime,
      String event) {
    checkOwned(account, profile, device, title);
    Long durationMillis = lengthOf(title);
    if (clientTime.isBefore(Instant.EPOCH)) {
      throw ProblemException.badRequest(
          "invalid-client-time", "clientTime is before 1970-01-01T00:00:00Z.");
    }
    if (clientTime.isAfter(Instant.now().plus(Duration.ofMinutes(5)))) {
      throw ProblemException.badRequest(
          "invalid-client-time", "clientTime is more than 5 minutes in the future.");
    }
    boolean watched = false;
    if (durationMillis != null && durationMillis > 0) {
      if (positionMs > durationMillis + 1000) {
        throw ProblemException.badRequest(
            "invalid-position",
            "The position is past the end of the title (" + durationMillis / 1000 + " s).");
      }
      long remaining = durationMillis - positionMs;
      watched = remaining <= watchedWithin(durationMillis);
    }
    boolean applied =
        store.write(
            new Position(
                account, profile, title, device, positionMs, clientTime, event, watched, null));
    if (applied && watched) {
      catalog.recordCompletion(profile, new TitleId(title));
    }
    return new Written(applied, watched);
  }

  static long watchedWithin(long durationMillis) {
    return Math.max(500, Math.min(durationMillis / 20, 300_000));
  }

  public Optional<Position> resume(UUID account, UUID profile, UUID title) {
    checkProfile(account, profile);
    return store.latest(profile, title);
  }

  /**
   * Where a playback session resumes: its profile's latest position in its title. The session's
   * start has already found the profile to be its account's, so it is not read again.
   */
  public Optional<Position> resume(PlaybackSession session) {
    return store.latest(session.profileId(), session.titleId());
  }

  /** Titles started and not finished, newest first. */
  public List<Position> continueWatching(UUID account, UUID profile, int limit) {
    checkProfile(account, profile);
    return store.recentTitles(profile, limit * 2).stream()
        .filter(p -> !p.watched())
        .limit(limit)
        .toList();
  }

  public void checkProfile(UUID account, UUID profile) {
    accounts
        .profile(new ProfileId(profile))
        .filter(p -> p.accountId().equals(new AccountId(account)))
        .orElseThrow(() -> ProblemException.notFound("profile-not-found", "No profile " + profile));
  }

  /** Profile and device belong to the account: one round trip (the write path is hot). */
  private void checkOwned(UUID account, UUID profile, UUID device, UUID title) {
    ViewingContext context =
        entitlements
            .viewingContext(
                new AccountId(account),
                new ProfileId(profile),
                new DeviceId(device),
                title,
                Instant.now())
            .orElseThrow(
                () -> ProblemException.notFound("profile-not-found", "No profile " + profile));
    if (context.profileCap().isEmpty()) {
      throw ProblemException.notFound("profile-not-found", "No profile " + profile);
    }
    if (context.deviceLevel().isEmpty()) {
      throw ProblemException.notFound("device-not-found", "No device " + device);
    }
  }

  /** The title's length in ms (null if unknown); 404 for no such title. */
  private Long lengthOf(UUID title) {
    long now = System.nanoTime();
    Length known = lengths.get(title);
    if (known != null && now - known.readAtNanos() < 60_000_000_000L) {
      return known.millis();
    }
    TitleView t =
        catalog
            .title(new TitleId(title))
            .orElseThrow(() -> ProblemException.notFound("title-not-found", "No title " + title));
    if (lengths.size() > 10_000) {
      lengths.clear();
    }
    lengths.put(title, new Length(t.durationMillis(), now));
    return t.durationMillis();
  }
}
