package dev.marquee.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.media.testing.SyntheticMaster;
import dev.marquee.systemtests.Viewers.Viewer;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marquee's encrypted title in the players integrators use, as an integrator would use them: a page
 * on Marquee's origin, a playback session from the REST API, and the player from npm (hls.js and
 * dash.js installed at build time for these tests only; shaka-player as the web player bundles it).
 * Each plays past 4 s in Chromium with keys from Marquee's licence server, and leaves a screenshot
 * under target/browser-screenshots.
 */
@ExtendWith(RunningMarquee.class)
class OtherPlayersBrowserIT {
  private static final Api api = RunningMarquee.api();
  private static String title;

  @BeforeAll
  static void publishATitle() throws Exception {
    Path master = Files.createTempDirectory("players-it").resolve("master.mp4");
    new SyntheticMaster(640, 360, 25, 12, false, List.of("eng")).writeTo(master);
    String creator = Creators.newCreator(api);
    title =
        Creators.ingest(
            api,
            creator,
            master,
            """
            {"name":"Other Players","synopsis":"Played by everyone.","language":"en",
             "category":"drama","maturityRating":"ALL","releaseYear":2026,
             "licence":{"regions":["WORLD"]}}""");
    Creators.awaitPublished(api, creator, title, Duration.ofMinutes(5));
  }

  /** A player library from npm, as the build installed it (system-tests/pom.xml). */
  private static String npm(String path) throws IOException {
    Path dir = Path.of(System.getProperty("marquee.players.dir", "target/npm/node_modules"));
    Path file = dir.resolve(path);
    if (!Files.isRegularFile(file)) {
      throw new AssertionError(
          file + " is missing: the build installs hls.js and dashjs from npm (run through Maven).");
    }
    return Files.readString(file);
  }

  private static String script(String name) throws IOException {
    try (InputStream in = OtherPlayersBrowserIT.class.getResourceAsStream("/integrator/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static Viewer subscribedViewer() {
    Viewer viewer = Viewers.newViewer(api, "WEB", null);
    Viewers.subscribe(api, Viewers.admin(api), viewer, "HD");
    return viewer;
  }

  /**
   * Opens a page on Marquee's origin, evaluates the library there, starts a playback session from
   * the page (kept alive by heartbeats) and hands its URLs to the integrator's code: {@code urls}
   * picks the arguments from the session.
   */
  @SuppressWarnings("unchecked")
  private static void play(
      Browser browser,
      Viewer viewer,
      String library,
      String code,
      Function<Map<String, Object>, List<Object>> urls)
      throws IOException {
    browser.driver.get(api.baseUrl() + "/player/");
    browser.await(() -> "complete".equals(browser.js("return document.readyState")), "the page");
    if (library != null) {
      browser.js(library);
    }
    browser.js(script("page.js"), viewer.token());
    Object session =
        browser.driver.executeAsyncScript(
            "const done = arguments[arguments.length - 1];"
                + " window.integrator.start({titleId: arguments[0], profileId: arguments[1],"
                + " deviceId: arguments[2]}).then(done, (e) => done(String(e)));",
            title,
            viewer.profileId(),
            viewer.deviceId());
    assertThat(session).as("the playback session").isInstanceOf(Map.class);
    browser.js(script(code), urls.apply((Map<String, Object>) session).toArray());
  }

  @SuppressWarnings("unchecked")
  private static String url(Map<String, Object> session, String group, String name) {
    return (String) ((Map<String, Object>) session.get(group)).get(name);
  }

  private static double currentTime(Browser browser) {
    return ((Number) browser.js("return document.getElementById('integrator-video').currentTime"))
        .doubleValue();
  }

  /** Plays past 4 s without a fatal error, with pictures decoded; a screenshot under target/. */
  private static void assertPlays(Browser browser, String name) {
    browser.await(
        () -> currentTime(browser) >= 4.0 || !errors(browser).equals("[]"),
        name + " to play 4 s",
        () ->
            "errors: "
                + errors(browser)
                + ", at "
                + currentTime(browser)
                + " s; the player's log:\n"
                + browser.js("return (window.integrator.log || []).slice(-60).join('\\n')"));
    browser.screenshot("other-players-" + name);
    assertThat(errors(browser)).as(name + "'s errors").isEqualTo("[]");
    assertThat(currentTime(browser)).isGreaterThanOrEqualTo(4.0);
    assertThat(
            ((Number)
                    browser.js(
                        "return document.getElementById('integrator-video')"
                            + ".getVideoPlaybackQuality().totalVideoFrames"))
                .intValue())
        .as("pictures decoded")
        .isGreaterThan(50);
    assertThat(((Number) browser.js("return window.integrator.licenceRequests")).intValue())
        .as(name + " asked Marquee for keys")
        .isPositive();
  }

  private static String errors(Browser browser) {
    return String.valueOf(browser.js("return JSON.stringify(window.integrator.errors)"));
  }

  /** The licence server's decisions for the viewer: each granted, of these kinds. */
  private static List<String> grantedKinds(Viewer viewer) {
    return api
        .get(
            "/api/drm/audit?account=" + viewer.accountId() + "&outcome=GRANTED", Viewers.admin(api))
        .array()
        .stream()
        .map(JsonValue::asJsonObject)
        .map(a -> a.getString("kind"))
        .toList();
  }

  @Test
  void hlsJsPlaysTheHlsFormWithClearKeyLicencesThroughEme() throws IOException {
    Viewer viewer = subscribedViewer();
    try (Browser browser = new Browser()) {
      play(
          browser,
          viewer,
          npm("hls.js/dist/hls.js"),
          "hlsjs.js",
          s ->
              List.of(
                  // hls.js takes the identity key tag when there is one and cannot use it with
                  // fMP4: it asks for the ClearKey tag only (ADR 29).
                  url(s, "manifests", "hls") + "?keyformat=org.w3.clearkey",
                  url(s, "licence", "clearKeyUrl"),
                  (String) s.get("token")));
      assertPlays(browser, "hls.js");
      assertThat(browser.js("return window.integrator.name")).asString().startsWith("hls.js 1.");
    }
    // The keys came from the ClearKey licence server (a licence, not the identity key endpoint).
    assertThat(grantedKinds(viewer)).contains("STREAMING").doesNotContain("HLS_KEY");
  }

  @Test
  void dashJsPlaysTheDashFormWithLicencesFromTheLaurl() throws IOException {
    Viewer viewer = subscribedViewer();
    try (Browser browser = new Browser()) {
      play(
          browser,
          viewer,
          npm("dashjs/dist/dash.all.min.js"),
          "dashjs.js",
          s -> List.of(url(s, "manifests", "dashTicketed")));
      assertPlays(browser, "dash.js");
      assertThat(browser.js("return window.integrator.name")).asString().startsWith("dash.js 4.");
    }
    assertThat(grantedKinds(viewer)).contains("STREAMING");
  }

  @Test
  void shakaPlayerPlaysBothFormsFromTheirTicketedUrls() throws IOException {
    for (String form : List.of("dashTicketed", "hlsTicketed")) {
      Viewer viewer = subscribedViewer();
      try (Browser browser = new Browser()) {
        // shaka-player is already on the page: the web player's own bundled copy.
        play(browser, viewer, null, "shaka.js", s -> List.of(url(s, "manifests", form)));
        assertPlays(browser, "shaka-player-" + form);
      }
      assertThat(grantedKinds(viewer)).contains(form.startsWith("hls") ? "HLS_KEY" : "STREAMING");
    }
  }
}
