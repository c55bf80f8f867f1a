package dev.marquee.systemtests;

import static dev.marquee.systemtests.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.media.testing.SyntheticMaster;
import dev.marquee.systemtests.Viewers.Viewer;
import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * A viewer plays an encrypted title in Debian's Chromium with the bundled shaka-player: DASH with
 * cenc, keys from Marquee's ClearKey licence server through a playback session.
 */
@ExtendWith(RunningMarquee.class)
class PlaybackBrowserIT {
  private static final Api api = RunningMarquee.api();
  private static String title;

  @BeforeAll
  static void publishATitle() throws Exception {
    Path master = Files.createTempDirectory("browser-it").resolve("master.mp4");
    // 720p with two languages: the ladder has an HD rung that a browser must never get; 24 s so
    // that a throttled network outlasts the player's buffer.
    new SyntheticMaster(1280, 720, 25, 24, false, List.of("eng", "fra")).writeTo(master);
    String creator = Creators.newCreator(api);
    title =
        Creators.ingest(
            api,
            creator,
            master,
            """
            {"name":"Browser Night","synopsis":"Played by Chromium.","language":"en",
             "category":"drama","maturityRating":"ALL","releaseYear":2026,
             "licence":{"regions":["WORLD"],"offlineAllowed":true}}""");
    for (String[] file :
        List.of(
            new String[] {"en", "WEBVTT\n\n00:00.000 --> 00:24.000\nHello from Marquee.\n"},
            new String[] {"fr", "WEBVTT\n\n00:00.000 --> 00:24.000\nBonjour de Marquee.\n"})) {
      Api.Reply added =
          api.putText(
              "/api/ingest/titles/" + title + "/subtitles/" + file[0],
              file[1],
              "text/vtt",
              creator);
      assertThat(added.status()).as(added.toString()).isEqualTo(200);
    }
    Creators.awaitPublished(api, creator, title, Duration.ofMinutes(5));
  }

  private static void signIn(Browser browser, Viewer viewer) {
    signIn(browser, viewer, "");
  }

  private static void signIn(Browser browser, Viewer viewer, String query) {
    PlayerPage.signIn(browser, api.baseUrl(), viewer, query);
  }

  private static void play(Browser browser) {
    PlayerPage.play(browser, title);
  }

  private static double currentTime(Browser browser) {
    return PlayerPage.currentTime(browser);
  }

  private static void await(Browser browser, Supplier<Boolean> condition, String what) {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline) {
      try {
        if (Boolean.TRUE.equals(condition.get())) {
          return;
        }
      } catch (RuntimeException e) {
        // not there yet
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    throw new AssertionError(
        "waited 60 s for "
            + what
            + "; player state: "
            + browser.js(
                "return JSON.stringify({state: window.marquee.state, errors: window.marquee.errors})"));
  }

  @Test
  void anEntitledViewerWatchesTheEncryptedTitleInChromium() {
    Viewer viewer = Viewers.newViewer(api, "WEB", null);
    Viewers.subscribe(api, Viewers.admin(api), viewer, "UHD");
    try (Browser browser = new Browser()) {
      signIn(browser, viewer);
      play(browser);
      await(browser, () -> currentTime(browser) > 0.5, "playback to start");
      // Both languages are there (shaka-player shortens eng/fra to en/fr), and switching works.
      assertThat(browser.js("return window.marquee.audioLanguages().sort().join(',')"))
          .isEqualTo("en,fr");
      String other = "en".equals(browser.js("return window.marquee.activeAudio()")) ? "fr" : "en";
      browser.js("window.marquee.selectAudio(arguments[0])", other);
      await(
          browser,
          () -> other.equals(browser.js("return window.marquee.activeAudio()")),
          "the other audio language");
      // Subtitles: both languages offered; the chosen one is on screen, then the other.
      assertThat(browser.js("return window.marquee.textLanguages().join(',')")).isEqualTo("en,fr");
      browser.js("window.marquee.selectText('en')");
      await(
          browser,
          () ->
              browser.js("return window.marquee.shownText().join()").equals("Hello from Marquee."),
          "English subtitles on screen");
      browser.js("window.marquee.selectText('fr')");
      await(
          browser,
          () ->
              browser.js("return window.marquee.shownText().join()").equals("Bonjour de Marquee."),
          "French subtitles on screen");
      await(browser, () -> currentTime(browser) >= 5.0, "5 s of playback");
      assertThat(browser.js("return JSON.stringify(window.marquee.errors)")).isEqualTo("[]");
      assertThat((Long) browser.js("return window.marquee.licenceRequests")).isPositive();
      // A browser decrypts in software: it never gets a rung (or key) above 480p.
      assertThat((Long) browser.js("return window.marquee.session.maxHeight")).isEqualTo(480L);
      assertThat(
              (Long)
                  browser.js(
                      "return Math.max(...window.marquee.player.getVariantTracks().map(t => t.height))"))
          .isLessThanOrEqualTo(480L);
      // Startup (play pressed -> first frame) was measured and reported, then the end.
      assertThat(((Number) browser.js("return window.marquee.startupMs")).doubleValue())
          .isPositive();
      browser.driver.findElement(By.id("stop")).click();
      await(
          browser,
          () -> browser.js("return window.marquee.qoe === null").equals(Boolean.TRUE),
          "the QoE report at stop");
    }
    // QoE aggregates for the title today: at least this session, with what it reported.
    // Days are UTC days: a session that runs over midnight is counted on both, so the checks add
    // the days up instead of expecting exactly one.
    var days =
        api.get("/api/playback/qoe?titleId=" + title, Viewers.admin(api))
            .array()
            .getValuesAs(JsonObject.class);
    assertThat(days).isNotEmpty();
    assertThat(days.stream().mapToInt(d -> d.getInt("sessions")).sum()).isPositive();
    JsonObject started =
        days.stream()
            .filter(d -> d.getJsonNumber("startupP50Ms").doubleValue() > 0)
            .findFirst()
            .orElseThrow(() -> new AssertionError("no day reports a startup time: " + days));
    assertThat(started.getJsonNumber("startupP95Ms").doubleValue())
        .isGreaterThanOrEqualTo(started.getJsonNumber("startupP50Ms").doubleValue());
    assertThat(days.stream().mapToLong(d -> d.getJsonNumber("playedMs").longValue()).sum())
        .isGreaterThanOrEqualTo(4000);
    assertThat(days)
        .anySatisfy(d -> assertThat(d.getJsonNumber("averageBitrate").longValue()).isPositive());
    assertThat(days.stream().mapToInt(d -> d.getInt("ended")).sum()).isPositive();
    assertThat(api.get("/metrics").body())
        .containsPattern("marquee_qoe_events_total\\{[^}]*type=\"startup\"[^}]*\\} [1-9]");
    // The licence server saw this viewer's session and granted it, once: the player asked for the
    // session's keys as the session answered, and that licence answered shaka-player's own
    // requests for the audio and the video key (ADR 39).
    var trail = api.get("/api/drm/audit?account=" + viewer.accountId(), Viewers.admin(api)).array();
    assertThat(trail).hasSize(1);
    assertThat(trail.getJsonObject(trail.size() - 1).getString("outcome")).isEqualTo("GRANTED");
    assertThat(trail.getJsonObject(trail.size() - 1).getString("titleId")).isEqualTo(title);
  }

  @Test
  void theSeekBarShowsThePictureOfTheMomentUnderThePointerAndSeeksThere() {
    Viewer viewer = Viewers.newViewer(api, "WEB", null);
    Viewers.subscribe(api, Viewers.admin(api), viewer, "HD");
    try (Browser browser = new Browser()) {
      signIn(browser, viewer);
      play(browser);
      await(browser, () -> currentTime(browser) > 0.5, "playback to start");
      assertTrickPlay(browser);
    }
  }

  /**
   * Points at three quarters of the seek bar: the preview shows the time and the thumbnail of that
   * moment (2 s per tile, 5x5 tiles of 256x144 on a sheet that loads); a click halfway seeks.
   */
  private static void assertTrickPlay(Browser browser) {
    assertThat(browser.js("return MarqueeTrickPlay.offered()")).isEqualTo(Boolean.TRUE);
    WebElement seek = browser.driver.findElement(By.id("seek"));
    await(browser, () -> "24".equals(seek.getAttribute("max")), "the seek bar's length (24 s)");
    int width = seek.getSize().getWidth();
    new Actions(browser.driver)
        .moveToElement(seek, (int) (width * 0.25), 0) // from the centre: 75 % of the bar
        .perform();
    WebElement thumb = browser.driver.findElement(By.id("thumb"));
    await(
        browser,
        () -> thumb.isDisplayed() && !thumb.getAttribute("data-tile").isEmpty(),
        "the thumbnail preview");
    JsonObject tile = json(thumb.getAttribute("data-tile"));
    double at = tile.getJsonNumber("at").doubleValue();
    assertThat(at).isBetween(17.0, 19.0);
    assertThat(browser.driver.findElement(By.id("thumb-time")).getText())
        .isEqualTo("0:" + (int) at);
    int index = (int) Math.floor(at / 2);
    assertThat(tile.getString("uri")).contains("/thumbs/sheet-1.jpg?exp=");
    assertThat(tile.getInt("width")).isEqualTo(256);
    assertThat(tile.getInt("height")).isEqualTo(144);
    assertThat(tile.getInt("x")).isEqualTo(index % 5 * 256);
    assertThat(tile.getInt("y")).isEqualTo(index / 5 * 144);
    assertThat(tile.getJsonNumber("start").doubleValue()).isEqualTo(index * 2.0);
    // The sheet the preview shows loads: a whole 5x5 grid of tiles.
    Object loaded =
        browser.driver.executeAsyncScript(
            "const done = arguments[arguments.length - 1];"
                + "const picture = document.getElementById('thumb-picture');"
                + "const url = getComputedStyle(picture).backgroundImage.slice(5, -2);"
                + "const image = new Image();"
                + "image.onload = () => done(image.naturalWidth + 'x' + image.naturalHeight);"
                + "image.onerror = () => done('failed: ' + url);"
                + "image.src = url;");
    assertThat(loaded).isEqualTo("1280x720");
    browser.screenshot("trick-play-" + browser.js("return window.marquee.format"));
    // Clicking halfway along the bar seeks to the middle of the title.
    new Actions(browser.driver).moveToElement(seek).click().perform();
    await(
        browser,
        () -> Math.abs(currentTime(browser) - 12) < 2.5,
        "a seek to the middle (at " + currentTime(browser) + " s)");
    assertThat(browser.js("return JSON.stringify(window.marquee.errors)")).isEqualTo("[]");
  }

  private static JsonObject json(String text) {
    try (var reader = jakarta.json.Json.createReader(new java.io.StringReader(text))) {
      return reader.readObject();
    }
  }

  @Test
  void onAThrottledNetworkThePlayerDropsQualityAndKeepsPlaying() {
    Viewer viewer = Viewers.newViewer(api, "WEB", null);
    Viewers.subscribe(api, Viewers.admin(api), viewer, "HD");
    try (Browser browser = new Browser()) {
      signIn(browser, viewer);
      play(browser);
      // On loopback the player climbs to the best rung a browser may have.
      await(
          browser,
          () -> Long.valueOf(480).equals(browser.js("return window.marquee.quality")),
          "480p on a fast network");
      long bandwidth240 =
          (Long)
              browser.js(
                  "return Math.min(...window.marquee.player.getVariantTracks()"
                      + ".map(t => t.bandwidth))");
      // DevTools network emulation: well under the 480p rung, just above the lowest one.
      browser.throttle(bandwidth240 * 3 / 2 / 8, Duration.ofMillis(40));
      double throttledAt = currentTime(browser);
      await(
          browser,
          () -> ((Number) browser.js("return window.marquee.quality")).intValue() < 480,
          "a lower rung on the throttled network");
      await(
          browser,
          () -> currentTime(browser) >= Math.min(throttledAt + 6, 23),
          "playback to go on at the lower rung");
      assertThat(browser.js("return JSON.stringify(window.marquee.errors)")).isEqualTo("[]");
      assertThat(
              browser.js(
                  "return window.marquee.qoe.sent.filter(e => e.type === 'BITRATE_SWITCH')"
                      + ".map(e => e.height).join()"))
          .asString()
          .containsPattern("(240|360)");
    }
  }

  @Test
  void aDownloadPlaysWithoutANetwork() {
    Viewer viewer = Viewers.newViewer(api, "WEB", null);
    Viewers.subscribe(api, Viewers.admin(api), viewer, "HD");
    try (Browser browser = new Browser()) {
      signIn(browser, viewer);
      browser
          .driver
          .findElement(By.cssSelector("#titles li[data-title-id='" + title + "'] button.download"))
          .click();
      await(
          browser,
          () -> ((List<?>) browser.js("return window.marquee.downloads")).contains(title),
          "the download to finish");
      // The licence server issued one offline licence, bound to this browser's device.
      var licences = api.get("/api/drm/offline-licences", viewer.token()).array();
      assertThat(licences).hasSize(1);
      assertThat(licences.getJsonObject(0).getString("deviceId"))
          .isEqualTo(browser.js("return window.marquee.device"));

      browser.offline(true);
      browser
          .driver
          .findElement(
              By.cssSelector("#downloads li[data-title-id='" + title + "'] button.play-offline"))
          .click();
      await(browser, () -> currentTime(browser) >= 3.0, "3 s of offline playback");
      assertThat(browser.js("return window.marquee.format")).isEqualTo("offline");
      assertThat(browser.js("return JSON.stringify(window.marquee.errors)")).isEqualTo("[]");
      browser.offline(false);
    }
  }

  @Test
  void theSearchPageSearchesAsTheViewerTypesAndShareLinksOpenTheTitle() throws Exception {
    Viewer viewer = Viewers.newViewer(api, "WEB", null);
    SearchIT.awaitIndexed();
    try (Browser browser = new Browser()) {
      signIn(browser, viewer);
      for (String typed : List.of("browser ni", "brwser")) {
        WebElement search = browser.driver.findElement(By.id("search"));
        search.clear();
        search.sendKeys(typed);
        await(
            browser,
            () ->
                browser.driver.findElements(By.cssSelector("#search-results li")).size() == 1
                    && !browser
                        .driver
                        .findElements(
                            By.cssSelector("#search-results li[data-title-id='" + title + "']"))
                        .isEmpty(),
            "only Browser Night for \"" + typed + "\"");
      }
      // The card shows the still grabbed from the master (the title has no poster).
      await(
          browser,
          () ->
              ((Number)
                          browser.js(
                              "const i = document.querySelector(\"#search-results li img.poster\");"
                                  + " return i ? i.naturalWidth : 0"))
                      .intValue()
                  > 0,
          "the title's artwork");
    }
    String token =
        api.postJson("/api/catalog/shares", "{\"titleId\":\"" + title + "\"}", viewer.token())
            .json()
            .getString("token");
    try (Browser browser = new Browser()) {
      browser.driver.get(api.baseUrl() + "/player/?share=" + token);
      await(
          browser,
          () ->
              browser
                  .driver
                  .findElement(By.id("message"))
                  .getText()
                  .startsWith("Shared with you: Browser Night"),
          "the shared title's card");
    }
  }

  @Test
  void closingThePlayerTabEndsItsSessionSoAnotherDeviceMayStream() {
    Viewer viewer = Viewers.newViewer(api, "WEB", null);
    Viewers.subscribe(api, Viewers.admin(api), viewer, "SD"); // one stream at a time
    String tv = Viewers.device(api, viewer.token(), "TV", null);
    try (Browser browser = new Browser()) {
      signIn(browser, viewer);
      play(browser);
      await(browser, () -> currentTime(browser) >= 1.0, "1 s of playback");
      String session = (String) browser.js("return window.marquee.session.sessionId");
      assertProblem(Viewers.startSession(api, viewer, tv, title), 409, "concurrent-streams");
      // The viewer closes the tab (the page is hidden and unloaded), then turns on the TV.
      browser.driver.get("about:blank");
      // Stopped by the page itself (endReason STOPPED), not merely expired after the session
      // timeout (two minutes): the poll gives up well before that.
      Api.Reply ended = null;
      for (int i = 0; i < 25; i++) {
        ended = api.get("/api/playback/sessions/" + session, viewer.token());
        if (ended.json().containsKey("endReason") && !ended.json().isNull("endReason")) {
          break;
        }
        sleepBriefly();
      }
      assertThat(ended.json().getString("endReason", null))
          .as(ended.toString())
          .isEqualTo("STOPPED");
      Api.Reply onTv = Viewers.startSession(api, viewer, tv, title);
      assertThat(onTv.status()).as("after the tab closed: %s", onTv).isEqualTo(201);
    }
  }

  private static void sleepBriefly() {
    try {
      Thread.sleep(100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Test
  void aViewerWithoutEntitlementIsToldSoPlainly() {
    Viewer viewer = Viewers.newViewer(api, "WEB", null);
    try (Browser browser = new Browser()) {
      signIn(browser, viewer);
      play(browser);
      await(browser, () -> browser.driver.findElement(By.id("message")).isDisplayed(), "a message");
      assertThat(browser.driver.findElement(By.id("message")).getText()).contains("not entitled");
      assertThat(browser.js("return window.marquee.errors[0].type")).isEqualTo("not-entitled");
    }
  }

  @Test
  void theHlsFormPlaysTooWithCbcsAndTheHlsKeyEndpoint() {
    Viewer viewer = Viewers.newViewer(api, "WEB", null);
    Viewers.subscribe(api, Viewers.admin(api), viewer, "HD");
    try (Browser browser = new Browser()) {
      signIn(browser, viewer, "?format=hls");
      play(browser);
      await(browser, () -> currentTime(browser) >= 3.0, "3 s of HLS playback");
      assertThat(browser.js("return window.marquee.format")).isEqualTo("hls");
      assertTrickPlay(browser);
      assertThat(browser.js("return JSON.stringify(window.marquee.errors)")).isEqualTo("[]");
    }
    var keys =
        api.get(
                "/api/drm/audit?account=" + viewer.accountId() + "&outcome=GRANTED",
                Viewers.admin(api))
            .array();
    assertThat(keys.stream().map(k -> k.asJsonObject().getString("kind"))).contains("HLS_KEY");
  }

  @Test
  void anotherDeviceOfTheProfileResumesWhereTheFirstPaused() {
    Viewer viewer = Viewers.newViewer(api, "WEB", null);
    Viewers.subscribe(api, Viewers.admin(api), viewer, "HD");
    try (Browser first = new Browser();
        Browser second = new Browser()) {
      signIn(first, viewer);
      play(first);
      await(first, () -> currentTime(first) >= 3.0, "3 s of playback on the first device");
      first.js("document.getElementById('video').pause()");
      await(
          first,
          () ->
              "PAUSE"
                  .equals(
                      first.js(
                          "return window.marquee.lastReport && window.marquee.lastReport.event")),
          "the pause to be reported");
      // The position the first device wrote with its pause (it stays paused: nothing newer).
      double written =
          ((Number) first.js("return window.marquee.lastReport.position")).doubleValue();
      assertThat(written).isGreaterThanOrEqualTo(3.0);

      // A second browser is a second device of the same profile (its own registration).
      signIn(second, viewer);
      assertThat(second.js("return window.marquee.device"))
          .isNotEqualTo(first.js("return window.marquee.device"));
      play(second);
      await(second, () -> currentTime(second) > 0, "playback on the second device");
      // The second player starts from the written position (stored to the millisecond), says so,
      // and plays on from there rather than from the start.
      double resumedAt = ((Number) second.js("return window.marquee.resumedAt")).doubleValue();
      assertThat(resumedAt).isCloseTo(written, org.assertj.core.data.Offset.offset(0.08));
      long s = (long) Math.floor(resumedAt);
      assertThat(second.driver.findElement(By.id("resume")).getText())
          .isEqualTo(
              String.format(
                  "Resumed at %d:%02d (from another device or an earlier visit).", s / 60, s % 60));
      assertThat(currentTime(second)).isGreaterThanOrEqualTo(resumedAt - 1.0);
    }
  }

  @Test
  void theWrongKeyDoesNotPlay() {
    Viewer viewer = Viewers.newViewer(api, "WEB", null);
    Viewers.subscribe(api, Viewers.admin(api), viewer, "HD");
    Api.Reply session = Viewers.startSession(api, viewer, viewer.deviceId(), title);
    JsonObject kids = session.json().getJsonObject("keyIds");
    api.delete("/api/playback/sessions/" + session.json().getString("sessionId"), viewer.token());
    try (Browser browser = new Browser()) {
      signIn(browser, viewer);
      // Right key ids, wrong keys: the ClearKey CDM decrypts to garbage.
      browser.js(
          "window.marquee.clearKeys = {[arguments[0]]: '00112233445566778899aabbccddeeff',"
              + " [arguments[1]]: '00112233445566778899aabbccddeeff'}",
          kids.getString("SD").replace("-", ""),
          kids.getString("AUDIO").replace("-", ""));
      play(browser);
      await(
          browser,
          () -> ((Number) browser.js("return window.marquee.errors.length")).intValue() > 0,
          "a playback error");
      assertThat(currentTime(browser)).isLessThan(5.0);
      assertThat(browser.js("return window.marquee.errors[0].text"))
          .asString()
          .contains("Playback failed");
      // A media decode error (shaka category 3), not a DRM configuration error (category 6).
      assertThat(browser.js("return window.marquee.errors[0].type"))
          .asString()
          .startsWith("shaka-3");
    }
  }
}
