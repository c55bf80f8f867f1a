package dev.marquee.playback.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.marquee.accounts.api.AccountId;
import dev.marquee.accounts.api.Entitlement;
import dev.marquee.accounts.api.MaturityRating;
import dev.marquee.accounts.api.SecurityLevel;
import dev.marquee.accounts.api.ViewingContext;
import dev.marquee.catalog.api.LicenceTerms;
import dev.marquee.catalog.api.TitleId;
import dev.marquee.catalog.api.TitleState;
import dev.marquee.catalog.api.TitleView;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class PlaybackRulesTest {
  private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
  private static final Entitlement HD =
      new Entitlement(true, "SUBSCRIPTION", Optional.of("HD"), 1080, 2, 5, null);

  private static ViewingContext viewer(
      String country, MaturityRating cap, SecurityLevel level, Entitlement entitlement) {
    return new ViewingContext(
        country,
        Optional.ofNullable(cap),
        Optional.ofNullable(level),
        entitlement,
        level == null ? null : "Living room TV");
  }

  private static ViewingContext adultOnHardware() {
    return viewer("GB", MaturityRating.AGE_18, SecurityLevel.HARDWARE, HD);
  }

  private static Supplier<Optional<TitleView>> title(
      TitleState state, MaturityRating rating, LicenceTerms terms) {
    TitleView view =
        new TitleView(
            new TitleId(UUID.randomUUID()),
            new AccountId(UUID.randomUUID()),
            "A title",
            "",
            "en",
            "drama",
            rating,
            2020,
            terms,
            state,
            60_000L,
            NOW.minusSeconds(86_400));
    return () -> Optional.of(view);
  }

  private static Supplier<Optional<TitleView>> published(LicenceTerms terms) {
    return title(TitleState.PUBLISHED, MaturityRating.AGE_13, terms);
  }

  private static LicenceTerms world() {
    return new LicenceTerms(Set.of("WORLD"), null, null, true);
  }

  private static String rule(Runnable check) {
    try {
      check.run();
    } catch (LicenceDenied denied) {
      return denied.rule();
    }
    throw new AssertionError("the rules granted what they should have refused");
  }

  @Test
  void aViewerWhoPassesEveryRuleGetsThePlansLimitsAndTheRegion() {
    Playability p =
        PlaybackRules.check(
            Optional.of(adultOnHardware()), published(world()), false, "fr", false, NOW);

    assertThat(p.maxHeight()).isEqualTo(1080);
    assertThat(p.maxStreams()).isEqualTo(2);
    assertThat(p.offlineLicences()).isEqualTo(5);
    assertThat(p.entitlementSource()).isEqualTo("SUBSCRIPTION");
    assertThat(p.securityLevel()).isEqualTo(SecurityLevel.HARDWARE);
    assertThat(p.region()).as("the edge's header wins over the account's country").isEqualTo("FR");
  }

  @Test
  void softwareDecryptionIsCappedAt480pWhateverThePlanAllows() {
    ViewingContext browser = viewer("GB", MaturityRating.AGE_18, SecurityLevel.SOFTWARE, HD);

    Playability p =
        PlaybackRules.check(Optional.of(browser), published(world()), false, null, false, NOW);

    assertThat(p.maxHeight()).isEqualTo(PlaybackRules.SOFTWARE_MAX_HEIGHT).isEqualTo(480);
  }

  @Test
  void theAccountProfileAndDeviceAreCheckedBeforeTheTitleIsRead() {
    Supplier<Optional<TitleView>> unreadable =
        () -> {
          throw new AssertionError("the title was read for a refused viewer");
        };

    assertThat(
            rule(() -> PlaybackRules.check(Optional.empty(), unreadable, false, null, false, NOW)))
        .isEqualTo("account-closed");
    assertThat(
            rule(
                () ->
                    PlaybackRules.check(
                        Optional.of(viewer("GB", null, SecurityLevel.HARDWARE, HD)),
                        unreadable,
                        false,
                        null,
                        false,
                        NOW)))
        .isEqualTo("profile-removed");
    assertThat(
            rule(
                () ->
                    PlaybackRules.check(
                        Optional.of(viewer("GB", MaturityRating.AGE_18, null, HD)),
                        unreadable,
                        false,
                        null,
                        false,
                        NOW)))
        .isEqualTo("device-removed");
  }

  @Test
  void anUnpublishedTitleAndAMissingEntitlementAreRefusedInThatOrder() {
    ViewingContext unentitled =
        viewer(
            "GB",
            MaturityRating.AGE_18,
            SecurityLevel.HARDWARE,
            Entitlement.denied("No subscription or purchase covers this title."));

    assertThat(
            rule(
                () ->
                    PlaybackRules.check(
                        Optional.of(unentitled),
                        title(TitleState.UNPUBLISHED, MaturityRating.ALL, world()),
                        false,
                        null,
                        false,
                        NOW)))
        .isEqualTo("title-unavailable");
    assertThatThrownBy(
            () ->
                PlaybackRules.check(
                    Optional.of(unentitled), published(world()), false, null, false, NOW))
        .isInstanceOf(LicenceDenied.class)
        .hasMessageContaining("No subscription or purchase covers this title.")
        .extracting(e -> ((LicenceDenied) e).rule())
        .isEqualTo("not-entitled");
  }

  @Test
  void theRegionComesFromTheEdgeAndInProductionOnlyFromTheEdge() {
    LicenceTerms ukOnly = new LicenceTerms(Set.of("GB"), null, null, true);
    Optional<ViewingContext> british = Optional.of(adultOnHardware());

    assertThat(PlaybackRules.check(british, published(ukOnly), false, null, false, NOW).region())
        .as("development: the account's country stands in for a missing header")
        .isEqualTo("GB");
    assertThat(rule(() -> PlaybackRules.check(british, published(ukOnly), true, null, false, NOW)))
        .as("production: no header, no region")
        .isEqualTo("region-unknown");
    assertThat(rule(() -> PlaybackRules.check(british, published(ukOnly), true, "DE", false, NOW)))
        .isEqualTo("region-blocked");
    assertThat(PlaybackRules.check(british, published(world()), true, null, false, NOW).region())
        .as("a worldwide title needs no region")
        .isEmpty();
  }

  @Test
  void theAvailabilityWindowIncludesItsStartAndExcludesItsEnd() {
    Optional<ViewingContext> v = Optional.of(adultOnHardware());
    LicenceTerms window = new LicenceTerms(Set.of("WORLD"), NOW, NOW.plusSeconds(3600), true);

    assertThat(PlaybackRules.check(v, published(window), false, null, false, NOW)).isNotNull();
    assertThat(
            rule(
                () ->
                    PlaybackRules.check(
                        v, published(window), false, null, false, NOW.minusMillis(1))))
        .isEqualTo("outside-availability-window");
    assertThat(
            rule(
                () ->
                    PlaybackRules.check(
                        v, published(window), false, null, false, NOW.plusSeconds(3600))))
        .isEqualTo("outside-availability-window");
  }

  @Test
  void offlineNeedsTheLicencesOfflineRightAndTheMaturityCapComesLast() {
    Optional<ViewingContext> v = Optional.of(adultOnHardware());
    LicenceTerms streamingOnly = new LicenceTerms(Set.of("WORLD"), null, null, false);

    assertThat(PlaybackRules.check(v, published(streamingOnly), false, null, false, NOW))
        .isNotNull();
    assertThat(rule(() -> PlaybackRules.check(v, published(streamingOnly), false, null, true, NOW)))
        .isEqualTo("offline-not-allowed");

    Optional<ViewingContext> child =
        Optional.of(viewer("GB", MaturityRating.AGE_7, SecurityLevel.HARDWARE, HD));
    assertThat(
            rule(
                () ->
                    PlaybackRules.check(
                        child,
                        title(TitleState.PUBLISHED, MaturityRating.AGE_13, world()),
                        false,
                        null,
                        false,
                        NOW)))
        .isEqualTo("maturity-cap");
    assertThat(
            PlaybackRules.check(
                child,
                title(TitleState.PUBLISHED, MaturityRating.AGE_7, world()),
                false,
                null,
                false,
                NOW))
        .isNotNull();
  }
}
