package dev.marquee.systemtests;

import static dev.marquee.systemtests.ConsolePages.await;
import static dev.marquee.systemtests.ConsolePages.fetchStatus;
import static dev.marquee.systemtests.ConsolePages.fetchText;
import static dev.marquee.systemtests.ConsolePages.look;
import static dev.marquee.systemtests.ConsolePages.screenshot;
import static dev.marquee.systemtests.ConsolePages.signIn;
import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.devstack.MarqueeStack;
import dev.marquee.media.testing.SyntheticMaster;
import dev.marquee.systemtests.Viewers.Viewer;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The admin console's support pages in Chromium, each checked against the API: an account locked
 * (its sign-in refused, its tokens revoked) and unlocked, a device made hardware-secure, viewers'
 * reports dismissed or their title unpublished from the moderation queue, a real licence decision
 * in the licence audit and its CSV export, an operator refused every one of these pages, subtitles
 * and an audio track added on a title's page, and axe-core on each page.
 */
@ExtendWith(RunningMarquee.class)
class AdminConsoleBrowserIT {
  private static final Api api = RunningMarquee.api();
  private static String title;
  private static String doomed;
  private static String operatorEmail;
  private static Browser browser;

  @BeforeAll
  static void twoPublishedTitlesAndAnOperator() throws Exception {
    Path dir = Files.createTempDirectory("admin-console-it");
    String creator = Creators.newCreator(api);
    title = ingest(creator, dir.resolve("kept.mp4"), "Harbour Lights");
    doomed = ingest(creator, dir.resolve("doomed.mp4"), "Otter Mischief");
    Creators.awaitPublished(api, creator, title, Duration.ofMinutes(3));
    Creators.awaitPublished(api, creator, doomed, Duration.ofMinutes(3));

    operatorEmail = api.registerViewer(Viewers.PASSWORD);
    String id = accountId(operatorEmail);
    Api.Reply roles =
        api.putJson(
            "/api/admin/accounts/" + id + "/roles",
            "{\"roles\":[\"operator\"]}",
            Viewers.admin(api));
    assertThat(roles.status()).as(roles.toString()).isEqualTo(200);
    browser = new Browser();
  }

  private static String ingest(String creator, Path master, String name) throws Exception {
    new SyntheticMaster(320, 180, 25, 1, false, List.of("eng")).writeTo(master);
    return Creators.ingest(
        api,
        creator,
        master,
        """
        {"name":"%s","synopsis":"For the admin console.","language":"en","category":"drama",
         "maturityRating":"ALL","releaseYear":2026,
         "licence":{"regions":["WORLD"],"offlineAllowed":false}}"""
            .formatted(name));
  }

  @AfterAll
  static void closeBrowser() {
    if (browser != null) {
      browser.close();
    }
  }

  private static String accountId(String email) {
    return api.get("/api/admin/accounts?email=" + email, Viewers.admin(api))
        .array()
        .getJsonObject(0)
        .getString("id");
  }

  private static void signInAsAdmin() {
    signIn(browser, api, MarqueeStack.ADMIN_EMAIL, RunningMarquee.stack().adminPassword());
  }

  @Test
  void anAdminLocksAnAccountSoItsSignInIsRefusedAndUnlocksIt() throws Exception {
    Viewer v = Viewers.newViewer(api, "TV", null);
    assertThat(api.get("/api/accounts/me", v.token()).status()).isEqualTo(200);

    signInAsAdmin();
    browser.driver.get(api.baseUrl() + "/console/admin/accounts.xhtml");
    browser.type("find:query", v.email());
    browser.byId("find:search").click();
    await(
        () ->
            !browser
                .driver
                .findElements(By.cssSelector("a[href*='" + v.accountId() + "']"))
                .isEmpty(),
        "the account in the search results");
    look(browser, "accounts");
    browser.driver.findElement(By.cssSelector("a[href*='" + v.accountId() + "']")).click();
    await(() -> browser.byId("signInState").getText().equals("May sign in"), "the account page");
    assertThat(browser.byId("email").getText()).isEqualTo(v.email());
    assertThat(
            browser.driver.findElements(By.cssSelector("tr[data-device='" + v.deviceId() + "']")))
        .hasSize(1);
    look(browser, "account");

    // A lock needs a reason: refused with a message, nothing changes.
    browser.byId("account:lock").click();
    ConsolePages.confirm(browser, "account");
    await(() -> browser.pageSays("it is kept with the decision"), "the reason-required message");
    assertThat(browser.byId("signInState").getText()).isEqualTo("May sign in");
    assertThat(api.get("/api/accounts/me", v.token()).status()).isEqualTo(200);

    browser.type("account:reason", "Password seen in a public paste (ticket 4411)");
    browser.byId("account:lock").click();
    ConsolePages.confirm(browser, "account");
    await(() -> browser.byId("signInState").getText().equals("Locked"), "the locked state");
    assertThat(browser.byId("activeSignIns").getText()).isEqualTo("0");
    assertThat(browser.byId("lockHistory").getText())
        .contains("Locked", MarqueeStack.ADMIN_EMAIL, "Password seen in a public paste");
    look(browser, "account-locked");

    // Over the API: the token it had is revoked, and signing in gets the documented problem.
    assertThat(api.get("/api/accounts/me", v.token()).status()).isEqualTo(401);
    Api.Reply refused = api.passwordGrant("marquee-web", v.email(), Viewers.PASSWORD, null);
    assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
    assertThat(refused.problemType()).isEqualTo("account-locked");
    Api.Reply wrong = api.passwordGrant("marquee-web", v.email(), "not the password", null);
    assertThat(wrong.status()).as("a wrong password still says only that").isEqualTo(401);

    // The device is made hardware-secure, with a reason, recorded with who decided.
    new Select(browser.byId("account:device")).selectByValue(v.deviceId());
    new Select(browser.byId("account:level")).selectByValue("HARDWARE");
    browser.type("account:deviceReason", "Checked the TV's DRM certificate");
    browser.byId("account:changeLevel").click();
    await(
        () ->
            browser
                .driver
                .findElement(By.cssSelector("tr[data-device='" + v.deviceId() + "'] .level"))
                .getText()
                .equals("HARDWARE"),
        "the device's new level");
    JsonObject device =
        api.get("/api/admin/accounts/" + v.accountId() + "/devices", Viewers.admin(api))
            .array()
            .getJsonObject(0);
    assertThat(device.getString("securityLevel")).isEqualTo("HARDWARE");
    JsonObject decision =
        api.get(
                "/api/admin/accounts/"
                    + v.accountId()
                    + "/devices/"
                    + v.deviceId()
                    + "/security-level/history",
                Viewers.admin(api))
            .array()
            .getJsonObject(0);
    assertThat(decision.getString("reason")).isEqualTo("Checked the TV's DRM certificate");
    assertThat(decision.getString("changedBy")).isEqualTo(accountId(MarqueeStack.ADMIN_EMAIL));

    browser.type("account:reason", "Owner confirmed and changed the password");
    browser.byId("account:unlock").click();
    await(() -> browser.byId("signInState").getText().equals("May sign in"), "the unlocked state");
    assertThat(browser.byId("lockHistory").getText()).contains("Unlocked", "Owner confirmed");
    Api.Reply again = api.passwordGrant("marquee-web", v.email(), Viewers.PASSWORD, null);
    assertThat(again.status()).as(again.toString()).isEqualTo(200);
    assertThat(api.get("/api/accounts/me", again.json().getString("access_token")).status())
        .isEqualTo(200);
  }

  @Test
  void viewersReportsAreDismissedOrTheirTitleUnpublishedFromTheQueue() throws Exception {
    Viewer v = Viewers.newViewer(api, "WEB", null);
    String admin = Viewers.admin(api);
    String marker = UUID.randomUUID().toString().substring(0, 8);
    String dismissed = report(v, title, "OTHER", "Audio drifts " + marker);
    String raced = report(v, title, "BROKEN", "Stutters " + marker);
    String acted = report(v, doomed, "ABUSIVE", "Offensive " + marker);

    signInAsAdmin();
    browser.driver.get(api.baseUrl() + "/console/admin/moderation.xhtml");
    for (String report : List.of(dismissed, raced, acted)) {
      await(() -> row(report).size() == 1, "report " + report + " in the queue");
    }
    // Newest first, as the API pages it.
    List<String> order =
        browser.driver.findElements(By.cssSelector("tr[data-report]")).stream()
            .map(e -> e.getAttribute("data-report"))
            .toList();
    assertThat(order.indexOf(acted)).isLessThan(order.indexOf(raced));
    assertThat(order.indexOf(raced)).isLessThan(order.indexOf(dismissed));
    look(browser, "moderation");

    browser.type("queue:note", "Not a fault of the title");
    row(dismissed).get(0).findElement(By.cssSelector("button[id$='dismiss']")).click();
    await(() -> row(dismissed).isEmpty(), "the dismissed report leaving the open queue");
    assertThat(browser.pageSays("Dismissed the report on Harbour Lights.")).isTrue();
    String adminId = accountId(MarqueeStack.ADMIN_EMAIL);
    JsonObject done = reportIn("DISMISSED", dismissed, admin);
    assertThat(done.getString("resolvedBy")).isEqualTo(adminId);
    assertThat(done.getString("resolution")).isEqualTo("Not a fault of the title");

    // Another moderator resolves a report while this page shows it: the click is refused.
    Api.Reply elsewhere =
        api.postJson("/api/catalog/moderation/reports/" + raced + "/dismiss", "{}", admin);
    assertThat(elsewhere.status()).as(elsewhere.toString()).isEqualTo(200);
    row(raced).get(0).findElement(By.cssSelector("button[id$='dismiss']")).click();
    await(() -> browser.pageSays("The report was already DISMISSED."), "the refusal message");
    look(browser, "moderation-refused");

    row(acted).get(0).findElement(By.cssSelector("button[id$='unpublish']")).click();
    ConsolePages.confirm(browser, "queue");
    await(() -> row(acted).isEmpty(), "the actioned report leaving the open queue");
    assertThat(reportIn("ACTIONED", acted, admin).getString("resolvedBy")).isEqualTo(adminId);
    assertThat(api.get("/api/catalog/admin/titles/" + doomed, admin).json().getString("state"))
        .isEqualTo("UNPUBLISHED");
    Viewers.subscribe(api, admin, v, "HD");
    Api.Reply play = Viewers.startSession(api, v, v.deviceId(), doomed);
    assertThat(play.status()).as(play.toString()).isEqualTo(403);
    assertThat(play.problemType()).isEqualTo("title-unavailable");
  }

  private static List<WebElement> row(String report) {
    return browser.driver.findElements(By.cssSelector("tr[data-report='" + report + "']"));
  }

  private static String report(Viewer v, String titleId, String reason, String text) {
    Api.Reply filed =
        api.postJson(
            "/api/catalog/reports",
            "{\"titleId\":\"%s\",\"profileId\":\"%s\",\"reason\":\"%s\",\"text\":\"%s\"}"
                .formatted(titleId, v.profileId(), reason, text),
            v.token());
    assertThat(filed.status()).as(filed.toString()).isEqualTo(201);
    return filed.json().getString("id");
  }

  private static JsonObject reportIn(String state, String id, String admin) {
    return api
        .get("/api/catalog/moderation/reports?limit=200&state=" + state, admin)
        .array()
        .stream()
        .map(JsonValue::asJsonObject)
        .filter(r -> r.getString("id").equals(id))
        .findFirst()
        .orElseThrow(() -> new AssertionError("report " + id + " is not " + state));
  }

  @Test
  void theLicenceAuditShowsARealDecisionAndItsCsvExportHoldsIt() throws Exception {
    Viewer v = Viewers.newViewer(api, "WEB", null);
    Viewers.subscribe(api, Viewers.admin(api), v, "HD");
    Api.Reply started = Viewers.startSession(api, v, v.deviceId(), title);
    assertThat(started.status()).as(started.toString()).isEqualTo(201);
    JsonObject session = started.json();
    String[] kids =
        session.getJsonObject("keyIds").values().stream()
            .map(x -> ((jakarta.json.JsonString) x).getString())
            .toArray(String[]::new);
    Api.Reply licence =
        api.send(
            "POST",
            "/api/drm/licenses/clearkey",
            Viewers.clearKeyRequest("temporary", kids),
            Map.of("X-Playback-Session", session.getString("token"), "X-Viewer-Country", "GB"));
    assertThat(licence.status()).as(licence.toString()).isEqualTo(200);

    signInAsAdmin();
    browser.driver.get(api.baseUrl() + "/console/admin/licences.xhtml");
    browser.type("audit:account", v.email());
    new Select(browser.byId("audit:outcome")).selectByValue("GRANTED");
    browser.byId("audit:search").click();
    By mine = By.cssSelector("tr[data-account='" + v.accountId() + "']");
    // The unfiltered page may already show the viewer's decision (alone, or among others): wait
    // until the search has answered (the export link then carries the filters) and the table
    // holds that one decision only.
    await(
        () ->
            browser.byId("audit:csv").getAttribute("href").contains("outcome=GRANTED")
                && browser.driver.findElements(mine).size() == 1
                && browser.driver.findElements(By.cssSelector("tr[data-decision]")).size() == 1,
        "the viewer's licence decision alone in the filtered table");
    WebElement decision = browser.driver.findElement(mine);
    assertThat(decision.getAttribute("data-title")).isEqualTo(title);
    assertThat(decision.findElement(By.cssSelector(".outcome")).getText()).isEqualTo("GRANTED");
    assertThat(decision.findElement(By.cssSelector(".rule")).getText()).isEqualTo("granted");
    assertThat(decision.findElement(By.cssSelector(".device")).getText()).isEqualTo(v.deviceId());
    assertThat(decision.findElement(By.cssSelector(".level")).getText()).isEqualTo("SOFTWARE");
    assertThat(decision.getText()).contains("Harbour Lights", v.email());
    look(browser, "licences");

    String csvLink = browser.byId("audit:csv").getAttribute("href");
    assertThat(csvLink).contains("outcome=GRANTED");
    String csv = fetchText(browser, csvLink);
    List<String> lines = csv.lines().toList();
    assertThat(lines.get(0)).startsWith("at,kind,outcome,rule,account_id,account_email");
    assertThat(lines).hasSize(2);
    assertThat(lines.get(1))
        .contains(
            ",STREAMING,GRANTED,granted," + v.accountId() + "," + v.email() + ",",
            v.deviceId() + ",SOFTWARE," + title + ",Harbour Lights,");

    // A filter that cannot be read is named beside its field, and the table keeps its rows.
    browser.type("audit:title", "Harbour Lights");
    browser.byId("audit:search").click();
    await(() -> browser.pageSays("Title must be a title id"), "the title filter's message");
    assertThat(browser.driver.findElements(mine)).hasSize(1);
    look(browser, "licences-invalid-filter");
  }

  @Test
  void anOperatorIsRefusedEveryAdminSupportPage() throws Exception {
    signIn(browser, api, operatorEmail, Viewers.PASSWORD);
    String someone = accountId(operatorEmail);
    for (String page :
        List.of(
            "/console/admin/accounts.xhtml",
            "/console/admin/account.xhtml?id=" + someone,
            "/console/admin/moderation.xhtml",
            "/console/admin/licences.xhtml",
            "/console/admin/licence-audit.csv")) {
      assertThat(fetchStatus(browser, "GET", page, null)).as(page).isEqualTo(403);
    }
    // Dot segments do not carry an admin page past the check (a browser would remove them, a
    // client of its own sends them as they are), with the operator's own console session.
    String session =
        "MARQUEE_CONSOLE=" + browser.driver.manage().getCookieNamed("MARQUEE_CONSOLE").getValue();
    for (String page :
        List.of("/console/jobs/../admin/licences.xhtml", "/console/./admin/moderation.xhtml")) {
      Api.Reply sneaked = api.send("GET", page, null, Map.of("Cookie", session));
      // The container resolves the dot segments; the access filter judges the admin page it maps.
      assertThat(sneaked.status()).as(page + " " + sneaked).isEqualTo(403);
    }
    browser.driver.get(api.baseUrl() + "/console/admin/moderation.xhtml");
    assertThat(browser.driver.findElement(By.tagName("h1")).getText()).isEqualTo("Not allowed");
    look(browser, "moderation-refused-to-operator");
  }

  @Test
  void anAdminAddsSubtitlesAndAnAudioTrackOnTheTitlePage() throws Exception {
    Path dir = Files.createTempDirectory("title-files");
    Path bad = Files.writeString(dir.resolve("notes.srt"), "Just some notes, no cues.\n");
    Path srt =
        Files.writeString(dir.resolve("fr.srt"), "1\n00:00:00,000 --> 00:00:00,800\nBonjour\n");
    Path wav = Files.write(dir.resolve("described.wav"), AddedAudioIT.wav(1.0, 440));
    signInAsAdmin();
    browser.driver.get(api.baseUrl() + "/console/admin/title.xhtml?id=" + title);
    await(() -> browser.byId("subtitles:addSubtitles").isDisplayed(), "the title's subtitles form");

    // A file that is not SRT or WebVTT: refused beside the file input with the API's own reason.
    browser.type("subtitles:subtitleLanguage", "fr");
    browser.byId("subtitles:subtitleFile").sendKeys(bad.toString());
    browser.byId("subtitles:addSubtitles").click();
    By beside = By.xpath("//input[@id='subtitles:subtitleFile']/following-sibling::*[1]");
    await(
        () -> browser.driver.findElement(beside).getText().contains("not valid SRT or WebVTT"),
        "the refusal next to the subtitle file");
    browser.js("arguments[0].scrollIntoView()", browser.byId("files"));
    screenshot(browser, "title-subtitles-refused");

    browser.byId("subtitles:subtitleFile").sendKeys(srt.toString());
    browser.byId("subtitles:addSubtitles").click();
    await(
        () -> browser.byId("subtitleList").getText().contains("fr"), "the French subtitles listed");
    assertThat(browser.byId("filesStatus").getText()).isEqualTo("Subtitles fr kept (1 cue).");

    browser.type("audio:audioLanguage", "en");
    new Select(browser.byId("audio:audioRole")).selectByValue("description");
    browser.byId("audio:audioFile").sendKeys(wav.toString());
    browser.byId("audio:addAudio").click();
    await(
        () -> browser.byId("audioList").getText().contains("description"),
        "the audio description listed");
    String row = browser.byId("audioList").findElement(By.cssSelector("tbody tr")).getText();
    assertThat(row).startsWith("en description pcm_s16le, 2 ch, 1.0 s").contains("add-audio job");
    browser.js("arguments[0].scrollIntoView()", browser.byId("files"));
    look(browser, "title-subtitles-audio");

    // The API lists what the page added.
    Api.Reply subtitles = api.get("/api/ingest/titles/" + title + "/subtitles", Viewers.admin(api));
    assertThat(subtitles.array().getJsonObject(0).getString("language")).isEqualTo("fr");
    Api.Reply audio = api.get("/api/ingest/titles/" + title + "/audio", Viewers.admin(api));
    assertThat(audio.array().getJsonObject(0).getString("role")).isEqualTo("description");
  }
}
