package dev.marquee.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.systemtests.Viewers.Viewer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A viewer watches in Chromium through the load balancer (HTTPS, no stickiness: manifests,
 * licences, segments and position writes reach both servers) and one server is killed with {@code
 * kill -9} mid-title: the picture goes on without an error on screen, and the pause written after
 * the kill is what another device resumes from (ADR 21).
 */
@ExtendWith(TwoServers.class)
class PlaybackKillIT {
  private static String title;

  @BeforeAll
  static void publish() throws Exception {
    title = TwoServers.publishedTitle();
  }

  @Test
  void playbackGoesOnWhenAServerDiesUnderItAndThePauseIsKept() throws Exception {
    Api api = TwoServers.api();
    // The shared title may be watched in GB and IE: a viewer who lives in GB, whose requests an
    // edge marks as coming from GB.
    Viewer viewer = Viewers.newViewer(api, "GB", "WEB", null);
    Viewers.subscribe(api, TwoServers.admin(), viewer, "HD");
    double killedAt;
    long killedNanos;
    try (Browser browser = new Browser(true)) {
      browser.addHeaders(java.util.Map.of("X-Viewer-Country", "GB"));
      PlayerPage.signIn(browser, api.baseUrl(), viewer, "");
      PlayerPage.play(browser, title);
      browser.await(
          () -> PlayerPage.currentTime(browser) >= 2.0,
          "2 s of playback through the balancer",
          () -> PlayerPage.state(browser));
      killedAt = PlayerPage.currentTime(browser);
      killedNanos = System.nanoTime();
      TwoServers.liberty(1).kill();
      try {
        // The 20 s title plays on from the surviving server: segments and the position writes
        // the player makes every 30 s and on pause or seek.
        browser.await(
            () -> PlayerPage.currentTime(browser) >= 14.0,
            "playback to go on after the kill",
            () -> PlayerPage.state(browser));
        assertThat(browser.js("return JSON.stringify(window.marquee.errors)"))
            .as("errors the viewer was shown")
            .isEqualTo("[]");
        long playedOnMs = (System.nanoTime() - killedNanos) / 1_000_000;
        // The viewer pauses: the position goes to the server that is left.
        browser.js("document.getElementById('video').pause()");
        browser.await(
            () ->
                Boolean.TRUE.equals(
                    browser.js(
                        "return !!window.marquee.lastReport"
                            + " && window.marquee.lastReport.event === 'PAUSE'"
                            + " && window.marquee.lastReport.applied === true")),
            "the pause's position to be acknowledged",
            () -> PlayerPage.state(browser));
        double paused =
            ((Number) browser.js("return window.marquee.lastReport.position")).doubleValue();
        var resume =
            TwoServers.server(0)
                .get(
                    "/api/playback/positions/" + title + "?profileId=" + viewer.profileId(),
                    viewer.token());
        assertThat(resume.status()).as(resume.toString()).isEqualTo(200);
        assertThat(resume.json().getJsonNumber("positionSeconds").doubleValue())
            .isCloseTo(paused, org.assertj.core.data.Offset.offset(0.01));
        String stalls =
            String.valueOf(
                browser.js(
                    "return JSON.stringify(window.marquee.qoe.sent"
                        + ".filter(e => e.type === 'REBUFFER_END').map(e => e.valueMs))"));
        System.out.printf(
            "[PlaybackKillIT] kill -9 of server 2 at %.1f s of the title; played on to %.1f s"
                + " over %d ms with no error shown; stalls after start (ms): %s; paused at %.2f s,"
                + " read back from server 1%n",
            killedAt, paused, playedOnMs, stalls, paused);
      } finally {
        TwoServers.revive(1);
      }
    }
  }
}
