package dev.marquee.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.media.testing.SyntheticMaster;
import dev.marquee.systemtests.Viewers.Viewer;
import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * The viewer's web app in Chromium: the profile chooser, the home page's rows filled from the API
 * (Continue watching after playing partway, Recommended for you from the recommendation job, My
 * list, categories), the title page, search with filters, the player's keyboard shortcuts, the next
 * episode at the end of an episode, a kids profile's cap, and a phone-sized screen. Each page is
 * checked with axe-core; screenshots under target/browser-screenshots.
 */
@ExtendWith(RunningMarquee.class)
class ViewerAppBrowserIT {
  private static final Api api = RunningMarquee.api();
  private static String arrival; // Tidewater Bells S1 E1, 16 s, ALL
  private static String storm; // Tidewater Bells S1 E2, 2 s, ALL
  private static String keeper; // a 13+ documentary, co-watched with Storm
  private static String nightShift; // 18+
  private static Viewer viewer;
  private static String kidsProfile;

  @BeforeAll
  static void publishASeriesAndFilmsAndWatchThem() throws Exception {
    Path folder = Files.createTempDirectory("viewer-app-it");
    Path long16 = folder.resolve("long.mp4");
    Path short2 = folder.resolve("short.mp4");
    new SyntheticMaster(320, 180, 25, 16, false, List.of("eng")).writeTo(long16);
    new SyntheticMaster(320, 180, 25, 2, false, List.of("eng")).writeTo(short2);
    String creator = Creators.newCreator(api);
    arrival =
        ViewerAppCatalog.publish(api, creator, long16, "Tidewater Bells: Arrival", "drama", "ALL");
    storm =
        ViewerAppCatalog.publish(api, creator, short2, "Tidewater Bells: Storm", "drama", "ALL");
    keeper =
        ViewerAppCatalog.publish(
            api, creator, short2, "The Lighthouse Keeper", "documentary", "13+");
    nightShift = ViewerAppCatalog.publish(api, creator, short2, "Night Shift", "horror", "18+");
    for (String t : List.of(arrival, storm, keeper, nightShift)) {
      Creators.awaitPublished(api, creator, t, Duration.ofMinutes(5));
    }
    String admin = Viewers.admin(api);
    String series =
        api.postJson(
                "/api/catalog/admin/series",
                """
                {"name":"Tidewater Bells","synopsis":"A port town.","category":"drama",
                 "maturityRating":"ALL","releaseYear":2026}""",
                admin)
            .json()
            .getString("id");
    ViewerAppCatalog.patch(
        api,
        arrival,
        "{\"episode\":{\"seriesId\":\""
            + series
            + "\",\"season\":1,\"episode\":1},"
            + "\"credits\":[{\"person\":\"Ada Quay\",\"role\":\"ACTOR\",\"character\":\"The pilot\"}]}");
    ViewerAppCatalog.patch(
        api, storm, "{\"episode\":{\"seriesId\":\"" + series + "\",\"season\":1,\"episode\":2}}");

    viewer = Viewers.newViewer(api, "TV", null);
    Viewers.subscribe(api, admin, viewer, "HD");
    Api.Reply kids =
        api.postJson(
            "/api/accounts/me/profiles",
            "{\"name\":\"Little ones\",\"maturityCap\":\"7+\",\"kids\":true}",
            viewer.token());
    assertThat(kids.status()).as(kids.toString()).isEqualTo(201);
    kidsProfile = kids.json().getString("id");
    // Two other viewers finished Storm and the Keeper; this viewer finished Storm on the TV: the
    // recommendation job suggests the Keeper "because you watched" Storm.
    for (int i = 0; i < 2; i++) {
      Viewer other = Viewers.newViewer(api, "WEB", null);
      ViewerAppCatalog.complete(api, other, storm);
      ViewerAppCatalog.complete(api, other, keeper);
    }
    ViewerAppCatalog.complete(api, viewer, storm);
    ViewerAppCatalog.runRecommendationJob(api, admin);
  }

  private static void signIn(Browser browser) {
    browser.driver.get(api.baseUrl() + "/player/");
    browser.await(() -> browser.driver.findElement(By.id("email")).isDisplayed(), "sign-in form");
    browser.driver.findElement(By.id("email")).sendKeys(viewer.email());
    browser.driver.findElement(By.id("password")).sendKeys(Viewers.PASSWORD);
    browser.driver.findElement(By.id("sign-in-button")).click();
    browser.await(
        () -> browser.driver.findElement(By.id("profiles")).isDisplayed(), "Who's watching?");
  }

  private static void choose(Browser browser, String profile) {
    browser
        .driver
        .findElement(By.cssSelector("button.profile[data-profile-id='" + profile + "']"))
        .click();
    awaitState(browser, "browsing");
  }

  private static void awaitState(Browser browser, String state) {
    browser.await(
        () -> state.equals(browser.js("return window.marquee.state")),
        "state " + state,
        () -> "state " + browser.js("return JSON.stringify(window.marquee.errors)"));
  }

  /**
   * The title ids a list shows, in order, read in one script call: a live list re-rendered between
   * finding its items and reading them cannot leave a stale element behind.
   */
  @SuppressWarnings("unchecked")
  private static List<String> ids(Browser browser, String listSelector) {
    return (List<String>)
        browser.js(
            "return Array.from(document.querySelectorAll(arguments[0] + ' li[data-title-id]'))"
                + ".map(e => e.getAttribute('data-title-id'));",
            listSelector);
  }

  private static boolean shows(Browser browser, String id) {
    List<WebElement> found = browser.driver.findElements(By.id(id));
    return !found.isEmpty() && found.get(0).isDisplayed();
  }

  private static double videoNumber(Browser browser, String property) {
    return ((Number) browser.js("return document.getElementById('video')." + property))
        .doubleValue();
  }

  private static Object video(Browser browser, String property) {
    return browser.js("return document.getElementById('video')." + property);
  }

  private static void press(Browser browser, CharSequence key) {
    new Actions(browser.driver).sendKeys(key).perform();
  }

  private static void openTitle(Browser browser, String title) {
    browser.driver.get(api.baseUrl() + "/player/#/title/" + title);
    browser.await(
        () ->
            title.equals(browser.js("return document.getElementById('title-page').dataset.titleId"))
                && shows(browser, "title-page"),
        "the title page of " + title);
  }

  private static void look(Browser browser, String name) throws Exception {
    browser.screenshot("viewer-app-" + name);
    ConsolePages.assertAccessible(browser, "viewer app: " + name);
  }

  /** No page wider than the screen: nothing to scroll sideways but the rows themselves. */
  private static void assertFitsTheScreen(Browser browser, String page) {
    assertThat(
            (Boolean)
                browser.js(
                    "return document.documentElement.scrollWidth"
                        + " <= document.documentElement.clientWidth"))
        .as(
            "%s scrolls sideways: %s px in a %s px screen",
            page,
            browser.js("return document.documentElement.scrollWidth"),
            browser.js("return document.documentElement.clientWidth"))
        .isTrue();
  }

  @Test
  void aViewerChoosesAProfileBrowsesRowsSearchesAndWatchesWithTheKeyboard() throws Exception {
    try (Browser browser = new Browser()) {
      signIn(browser);
      assertThat(browser.driver.findElements(By.cssSelector("button.profile"))).hasSize(2);
      assertThat(browser.driver.findElement(By.id("profile-list")).getText())
          .contains("Little ones", "Kids");
      look(browser, "profiles");
      choose(browser, viewer.profileId());

      // Rows from real data: new titles by category, and the recommendation job's suggestion.
      browser.await(() -> ids(browser, "#row-new").contains(arrival), "the New row");
      assertThat(ids(browser, "#row-category-drama")).contains(arrival, storm);
      assertThat(ids(browser, "#row-category-documentary")).contains(keeper);
      List<String> recommended =
          api
              .get(
                  "/api/catalog/recommendations?profileId=" + viewer.profileId() + "&limit=20",
                  viewer.token())
              .json()
              .getJsonArray("titles")
              .getValuesAs(JsonObject.class)
              .stream()
              .map(t -> t.getString("titleId"))
              .toList();
      assertThat(recommended).contains(keeper);
      assertThat(ids(browser, "#row-recommended")).isEqualTo(recommended);
      assertThat(
              browser
                  .driver
                  .findElement(
                      By.cssSelector("#row-recommended li[data-title-id='" + keeper + "']"))
                  .getText())
          .contains("The Lighthouse Keeper", "Because you watched Tidewater Bells: Storm");
      look(browser, "home");

      // Search: typing goes live to the search page; a category narrows it.
      browser.driver.findElement(By.id("search")).sendKeys("tidewatr");
      browser.await(
          () -> ids(browser, "#search-results").containsAll(List.of(arrival, storm)),
          "both episodes found for a typo");
      browser.select(By.id("filter-category"), "drama");
      browser.select(By.id("filter-sort"), "newest");
      browser.await(
          () -> browser.driver.findElement(By.id("search-total")).getText().contains("2 of 2"),
          "two dramas called Tidewater Bells",
          () -> browser.driver.findElement(By.id("search-total")).getText());
      look(browser, "search");

      // The title page: artwork, synopsis, rating, duration, cast, episodes; add to My list.
      browser.click(By.cssSelector("#search-results li[data-title-id='" + arrival + "'] a"));
      browser.await(() -> shows(browser, "title-page"), "the title page");
      browser.await(
          () ->
              browser
                  .driver
                  .findElement(By.id("title-name"))
                  .getText()
                  .equals("Tidewater Bells: Arrival"),
          "the title's name");
      // The season's episodes arrive after the title itself.
      browser.await(
          () ->
              browser
                  .driver
                  .findElement(By.id("title-page"))
                  .getText()
                  .contains("S1 E2 · Tidewater Bells: Storm"),
          "the season's episodes on the title page",
          () -> browser.driver.findElement(By.id("title-page")).getText());
      String page = browser.driver.findElement(By.id("title-page")).getText();
      assertThat(page)
          .contains("Tidewater Bells · Season 1, episode 1", "Rated ALL", "1 min", "2026")
          .contains("Tidewater Bells: Arrival, for the viewer app.", "Ada Quay", "The pilot")
          .contains("S1 E2 · Tidewater Bells: Storm");
      assertThat(browser.driver.findElement(By.id("title-play")).getText()).isEqualTo("Play");
      WebElement add = browser.driver.findElement(By.id("title-list"));
      add.click();
      browser.await(() -> "true".equals(add.getDomAttribute("aria-pressed")), "In My list");
      assertThat(
              api.get("/api/catalog/lists?profileId=" + viewer.profileId(), viewer.token())
                  .array()
                  .getJsonObject(0)
                  .getJsonArray("titleIds")
                  .getString(0))
          .isEqualTo(arrival);
      look(browser, "title");

      // Play, then the keyboard: k pauses and plays, m turns the sound on, -> skips 10 s.
      browser.driver.findElement(By.id("title-play")).click();
      browser.await(() -> videoNumber(browser, "currentTime") >= 2.0, "2 s of playback");
      assertThat(video(browser, "paused")).isEqualTo(false);
      press(browser, "k");
      browser.await(() -> Boolean.TRUE.equals(video(browser, "paused")), "paused by k");
      double pausedAt = videoNumber(browser, "currentTime");
      press(browser, Keys.ARROW_RIGHT);
      browser.await(() -> videoNumber(browser, "currentTime") >= pausedAt + 9.5, "10 s further on");
      press(browser, Keys.ARROW_LEFT);
      browser.await(
          () -> Math.abs(videoNumber(browser, "currentTime") - pausedAt) < 0.6, "back 10 s");
      assertThat(video(browser, "muted")).isEqualTo(true);
      press(browser, "m");
      browser.await(() -> Boolean.FALSE.equals(video(browser, "muted")), "sound on by m");
      press(browser, "?");
      browser.await(() -> shows(browser, "shortcuts"), "the shortcuts help");
      assertThat(browser.driver.findElement(By.id("shortcuts")).getText())
          .contains("Play or pause", "Back or forward 10 seconds");
      look(browser, "shortcuts");
      press(browser, Keys.ESCAPE);
      browser.await(() -> !shows(browser, "shortcuts"), "the help closed");
      press(browser, Keys.SPACE);
      browser.await(() -> Boolean.FALSE.equals(video(browser, "paused")), "playing by space");
      browser.driver.findElement(By.id("stop")).click();

      // Played partway: the title page offers to resume, and Home has it in Continue watching.
      browser.await(
          () ->
              shows(browser, "title-page")
                  && browser
                      .driver
                      .findElement(By.id("title-play"))
                      .getText()
                      .startsWith("Resume from 0:"),
          "Resume from where it stopped");
      browser.driver.findElement(By.id("nav-home")).click();
      browser.await(
          () ->
              shows(browser, "home")
                  && ids(browser, "#row-continue").contains(arrival)
                  && !ids(browser, "#row-my-list").isEmpty(),
          "Arrival in Continue watching, and My list",
          () -> "rows: " + browser.driver.findElement(By.id("rows")).getText());
      assertThat(ids(browser, "#row-my-list")).containsExactly(arrival);
      assertThat(ids(browser, "#row-continue")).doesNotContain(storm); // finished on the TV
      openTitle(browser, arrival);

      // The end of an episode offers the next one.
      browser.driver.findElement(By.id("title-play")).click();
      browser.await(() -> videoNumber(browser, "currentTime") > 0.5, "playing again");
      browser.js("const v = document.getElementById('video'); v.currentTime = v.duration - 1;");
      browser.await(() -> shows(browser, "next-episode"), "the next episode offered");
      assertThat(browser.driver.findElement(By.id("next-episode")).getText())
          .contains("season 1, episode 2", "Tidewater Bells: Storm");
      browser.screenshot("viewer-app-next-episode");
      browser.driver.findElement(By.id("next-episode-play")).click();
      browser.await(
          () ->
              storm.equals(browser.js("return window.marquee.title && window.marquee.title.id"))
                  && videoNumber(browser, "currentTime") > 0.3,
          "Storm playing");
      assertThat(browser.driver.findElement(By.id("now-playing")).getText())
          .isEqualTo("Tidewater Bells: Storm");
      assertThat(browser.js("return JSON.stringify(window.marquee.errors)")).isEqualTo("[]");
      browser.driver.findElement(By.id("stop")).click();
      browser.await(
          () -> Boolean.TRUE.equals(browser.js("return window.marquee.session === null")),
          "the player stopped");
    }
  }

  @Test
  void aKidsProfileSeesOnlyWhatItsCapAllows() throws Exception {
    try (Browser browser = new Browser()) {
      signIn(browser);
      choose(browser, kidsProfile);
      assertThat(browser.driver.findElement(By.id("who")).getText()).contains("Little ones (kids)");
      browser.await(() -> ids(browser, "#titles").contains(arrival), "the kids' shelf");
      assertThat(ids(browser, "#titles")).doesNotContain(keeper, nightShift);
      assertThat(ids(browser, "#rows")).doesNotContain(keeper, nightShift);
      browser.driver.findElement(By.id("search")).sendKeys("night shift");
      browser.await(
          () -> browser.driver.findElement(By.id("search-total")).getText().length() > 0,
          "the search's answer");
      assertThat(ids(browser, "#search-results")).doesNotContain(nightShift);
      browser.driver.get(api.baseUrl() + "/player/#/title/" + nightShift);
      browser.await(() -> shows(browser, "message"), "a message");
      assertThat(browser.driver.findElement(By.id("message")).getText())
          .contains("No title " + nightShift + " for this profile");
    }
  }

  @Test
  void onAPhoneSizedScreenEveryPageFitsAndStaysUsable() throws Exception {
    try (Browser browser = new Browser()) {
      browser.driver.executeCdpCommand(
          "Emulation.setDeviceMetricsOverride",
          Map.of("width", 390, "height", 844, "deviceScaleFactor", 3, "mobile", true));
      signIn(browser);
      assertThat(((Number) browser.js("return window.innerWidth")).intValue()).isEqualTo(390);
      choose(browser, viewer.profileId());
      browser.await(() -> ids(browser, "#row-new").contains(arrival), "the New row");
      assertFitsTheScreen(browser, "home");
      browser.screenshot("viewer-app-phone-home");
      openTitle(browser, keeper);
      assertFitsTheScreen(browser, "the title page");
      // The main action is on screen without scrolling sideways.
      assertThat(
              ((Number)
                      browser.js(
                          "return document.getElementById('title-play')"
                              + ".getBoundingClientRect().right"))
                  .doubleValue())
          .isLessThanOrEqualTo(390);
      look(browser, "phone-title");
      browser.driver.findElement(By.id("nav-search")).click();
      browser.driver.findElement(By.id("search")).sendKeys("lighthouse");
      browser.await(() -> ids(browser, "#search-results").contains(keeper), "the Keeper found");
      assertFitsTheScreen(browser, "the search page");
      look(browser, "phone-search");
      openTitle(browser, keeper);
      browser.driver.findElement(By.id("title-play")).click();
      browser.await(() -> videoNumber(browser, "currentTime") > 0.3, "playback on the phone");
      assertFitsTheScreen(browser, "the player");
      browser.screenshot("viewer-app-phone-player");
    }
  }
}
