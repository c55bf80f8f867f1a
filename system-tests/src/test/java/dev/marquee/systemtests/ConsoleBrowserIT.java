package dev.marquee.systemtests;

import static dev.marquee.systemtests.ConsolePages.await;
import static dev.marquee.systemtests.ConsolePages.fetchStatus;
import static dev.marquee.systemtests.ConsolePages.look;
import static dev.marquee.systemtests.ConsolePages.signIn;
import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.devstack.MarqueeStack;
import dev.marquee.media.testing.SyntheticMaster;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;

/**
 * The admin and job consoles in Chromium: form sign-in against Marquee's accounts, a title edited
 * and a stale edit refused with the admin's input kept, pages and actions refused by role on the
 * server, forged posts refused, a real transcode's rungs x chunks grid, and axe-core on every page.
 */
@ExtendWith(RunningMarquee.class)
class ConsoleBrowserIT {
  private static final Api api = RunningMarquee.api();
  private static String title;
  private static String operatorEmail;
  private static String operatorId;
  private static Browser browser;

  @BeforeAll
  static void aTranscodedTitleAndAnOperator() throws Exception {
    Path master = Files.createTempDirectory("console-it").resolve("master.mp4");
    new SyntheticMaster(320, 180, 25, 5, false, List.of("eng")).writeTo(master);
    String creator = Creators.newCreator(api);
    title = Creators.ingest(api, creator, master);
    Creators.awaitPublished(api, creator, title, Duration.ofMinutes(3));

    operatorEmail = api.registerViewer(Viewers.PASSWORD);
    String admin = Viewers.admin(api);
    operatorId =
        api.get("/api/admin/accounts?email=" + operatorEmail, admin)
            .array()
            .getJsonObject(0)
            .getString("id");
    setOperatorRoles("[\"operator\"]");
    browser = new Browser();
  }

  private static void setOperatorRoles(String roles) {
    Api.Reply reply =
        api.putJson(
            "/api/admin/accounts/" + operatorId + "/roles",
            "{\"roles\":" + roles + "}",
            Viewers.admin(api));
    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
  }

  @AfterAll
  static void closeBrowser() {
    if (browser != null) {
      browser.close();
    }
  }

  private static void signInAsAdmin() {
    signIn(browser, api, MarqueeStack.ADMIN_EMAIL, RunningMarquee.stack().adminPassword());
  }

  private static WebElement field(String id) {
    return browser.driver.findElement(By.id("edit:" + id));
  }

  private static void retype(String id, String text) {
    WebElement input = field(id);
    input.clear();
    input.sendKeys(text);
  }

  private static String apiTitle(String field) {
    return api.get("/api/catalog/admin/titles/" + title, Viewers.admin(api))
        .json()
        .getString(field);
  }

  @Test
  void signInPageIsAccessibleAndWrongPasswordsAreRefused() throws Exception {
    browser.driver.manage().deleteAllCookies();
    browser.driver.get(api.baseUrl() + "/console/sign-in.xhtml");
    look(browser, "sign-in");
    browser.driver.findElement(By.id("signIn:email")).sendKeys(MarqueeStack.ADMIN_EMAIL);
    browser.driver.findElement(By.id("signIn:password")).sendKeys("not the password");
    browser.driver.findElement(By.id("signIn:submit")).click();
    await(
        () -> browser.driver.getPageSource().contains("The email or password is not correct."),
        "the wrong-password message");
    assertThat(browser.driver.getCurrentUrl()).contains("sign-in");
    look(browser, "sign-in-refused");
  }

  @Test
  void adminEditsATitleAndAStaleEditIsRefusedKeepingTheInput() throws Exception {
    signInAsAdmin();
    browser.driver.get(api.baseUrl() + "/console/admin/titles.xhtml");
    browser.driver.findElement(By.id("find:query")).sendKeys("Night Train");
    browser.driver.findElement(By.id("find:search")).click();
    await(
        () -> !browser.driver.findElements(By.cssSelector("a[href*='" + title + "']")).isEmpty(),
        "the title in the search results");
    look(browser, "titles");

    browser.driver.findElement(By.cssSelector("a[href*='" + title + "']")).click();
    await(() -> field("name").isDisplayed(), "the edit form");
    look(browser, "title-edit");
    long version = Long.parseLong(browser.driver.findElement(By.id("version")).getText());

    // A rule of the API, shown beside its field.
    retype("language", "xx-not-a-language");
    browser.driver.findElement(By.id("edit:save")).click();
    await(
        () -> browser.driver.getPageSource().contains("is not an ISO 639-1 or ISO 639-2 code"),
        "the language rule's message");
    assertThat(
            browser
                .driver
                .findElement(By.cssSelector("[id='edit:language'] ~ .ui-message"))
                .getText())
        .contains("xx-not-a-language");
    look(browser, "title-edit-invalid");

    retype("language", "en");
    retype("name", "Night Train (director's cut)");
    browser.driver.findElement(By.id("edit:save")).click();
    await(
        () -> browser.driver.findElement(By.id("version")).getText().equals("" + (version + 1)),
        "the saved version");
    assertThat(apiTitle("name")).isEqualTo("Night Train (director's cut)");

    // Someone else changes the title through the API while this form is open...
    String etag =
        api.get("/api/catalog/admin/titles/" + title, Viewers.admin(api))
            .header("ETag")
            .orElseThrow();
    Api.Reply other =
        api.send(
            "PATCH",
            "/api/catalog/admin/titles/" + title,
            "{\"synopsis\":\"Changed by another admin.\"}",
            Map.of(
                "Authorization",
                "Bearer " + Viewers.admin(api),
                "Content-Type",
                "application/merge-patch+json",
                "If-Match",
                etag));
    assertThat(other.status()).as(other.toString()).isEqualTo(200);

    // ...so this admin's edit is stale: refused, nothing written, the typed text kept.
    retype("synopsis", "My own synopsis, typed in the console.");
    browser.driver.findElement(By.id("edit:save")).click();
    await(
        () -> browser.driver.getPageSource().contains("Someone else changed this title"),
        "the stale-edit message");
    assertThat(field("synopsis").getAttribute("value"))
        .isEqualTo("My own synopsis, typed in the console.");
    assertThat(apiTitle("synopsis")).isEqualTo("Changed by another admin.");
    look(browser, "title-edit-stale");
  }

  @Test
  void anOperatorCannotOpenAdminPagesAndStrangersAreSentToSignIn() throws Exception {
    HttpResponse<Void> anonymous =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(api.baseUrl() + "/console/admin/titles.xhtml"))
                    .build(),
                HttpResponse.BodyHandlers.discarding());
    assertThat(anonymous.statusCode()).isEqualTo(302);
    assertThat(anonymous.headers().firstValue("Location").orElseThrow())
        .endsWith("/console/sign-in.xhtml");
    // The job grid's push channel is a console URL like the pages: no session, no events.
    HttpResponse<String> stream =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(api.baseUrl() + "/console/jobs/live?id=" + UUID.randomUUID()))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(stream.statusCode()).isEqualTo(302);
    assertThat(stream.body()).doesNotContain("data:");

    signIn(browser, api, operatorEmail, Viewers.PASSWORD);
    assertThat(browser.driver.getCurrentUrl()).endsWith("/console/jobs/index.xhtml");
    look(browser, "jobs-as-operator");
    assertThat(fetchStatus(browser, "GET", "/console/admin/titles.xhtml", null)).isEqualTo(403);
    assertThat(fetchStatus(browser, "GET", "/console/admin/title.xhtml?id=" + title, null))
        .isEqualTo(403);
    browser.driver.get(api.baseUrl() + "/console/admin/titles.xhtml");
    assertThat(browser.driver.findElement(By.tagName("h1")).getText()).isEqualTo("Not allowed");
    look(browser, "admin-page-refused-to-operator");
  }

  @Test
  void aPostWithoutValidViewStateRunsNothing() throws Exception {
    signInAsAdmin();
    browser.driver.get(api.baseUrl() + "/console/admin/title.xhtml?id=" + title);
    await(() -> field("name").isDisplayed(), "the edit form");
    String before = apiTitle("name");
    String forged =
        "edit=edit&edit%3Aname=Forged&edit%3Alanguage=en&edit%3Acategory=drama"
            + "&edit%3AmaturityRating=13%2B&edit%3AreleaseYear=2024&edit%3Asave=edit%3Asave";
    String page = "/console/admin/title.xhtml?id=" + title;
    assertThat(fetchStatus(browser, "POST", page, forged)).isEqualTo(403);
    assertThat(
            fetchStatus(
                browser, "POST", page, forged + "&jakarta.faces.ViewState=-1234567890%3A42"))
        .isEqualTo(403);
    assertThat(apiTitle("name")).isEqualTo(before);
  }

  @Test
  void anAdminEndsAnAccountsSessionsWithoutLockingIt() throws Exception {
    // An operator with an API token and a console session of its own.
    String email = api.registerViewer(Viewers.PASSWORD);
    String admin = Viewers.admin(api);
    String id =
        api.get("/api/admin/accounts?email=" + email, admin)
            .array()
            .getJsonObject(0)
            .getString("id");
    assertThat(
            api.putJson("/api/admin/accounts/" + id + "/roles", "{\"roles\":[\"operator\"]}", admin)
                .status())
        .isEqualTo(200);
    String token = api.signIn(email, Viewers.PASSWORD).getString("access_token");
    assertThat(api.get("/api/accounts/me", token).status()).isEqualTo(200);
    signIn(browser, api, email, Viewers.PASSWORD);
    Set<Cookie> operatorSession = browser.driver.manage().getCookies();

    signInAsAdmin();
    browser.driver.get(api.baseUrl() + "/console/admin/account.xhtml?id=" + id);
    await(() -> !browser.driver.findElements(By.id("account:endSessions")).isEmpty(), "account");
    browser.driver.findElement(By.id("account:reason")).sendKeys("Shared password (ticket 5120)");
    browser.driver.findElement(By.id("account:endSessions")).click();
    await(() -> browser.driver.findElement(By.id("account:confirmYes")).isDisplayed(), "confirm");
    browser.driver.findElement(By.id("account:confirmYes")).click();
    await(
        () -> browser.driver.findElement(By.id("sessionEndings")).getText().contains("ticket 5120"),
        "the recorded ending");
    assertThat(browser.driver.findElement(By.id("sessionEndings")).getText())
        .contains(MarqueeStack.ADMIN_EMAIL);
    assertThat(browser.driver.findElement(By.id("signInState")).getText()).isEqualTo("May sign in");
    assertThat(browser.driver.findElement(By.id("activeSignIns")).getText()).isEqualTo("0");
    look(browser, "account-sessions-ended");

    // The token fails on its next call, the console session is over, and signing in works again.
    assertThat(api.get("/api/accounts/me", token).status()).isEqualTo(401);
    browser.driver.manage().deleteAllCookies();
    operatorSession.forEach(c -> browser.driver.manage().addCookie(c));
    browser.driver.get(api.baseUrl() + "/console/jobs/index.xhtml");
    await(() -> browser.driver.getCurrentUrl().contains("sign-in.xhtml"), "sent to sign in");
    String fresh = api.signIn(email, Viewers.PASSWORD).getString("access_token");
    assertThat(api.get("/api/accounts/me", fresh).status()).isEqualTo(200);
    signIn(browser, api, email, Viewers.PASSWORD);
    assertThat(browser.driver.getCurrentUrl()).contains("/console/jobs/index.xhtml");
  }

  @Test
  void theJobGridShowsEveryChunkOfARealTranscodeAndWhoEncodedIt() throws Exception {
    String admin = Viewers.admin(api);
    String job =
        api.get("/api/transcode/titles/" + title + "/jobs", admin)
            .array()
            .getJsonObject(0)
            .getString("id");
    signIn(browser, api, operatorEmail, Viewers.PASSWORD);
    await(
        () -> !browser.driver.findElements(By.cssSelector("a[href*='" + job + "']")).isEmpty(),
        "the job in the list");
    // The list is pushed too: it holds a stream open and has no poll.
    assertThat(browser.driver.getPageSource()).doesNotContain("Poll");
    await(
        () -> Long.valueOf(1).equals(browser.js("return window.marqueeJobStream.readyState;")),
        "the jobs list's push stream open");
    // A job started meanwhile shows up in the open list, the page itself not loaded again.
    browser.js("window.sameListPage = true;");
    By purges = By.xpath("//tr[td[normalize-space()='expired credentials']]");
    int before = browser.driver.findElements(purges).size();
    Api.Reply started = api.post("/api/operations/housekeeping/expired-credentials", admin);
    assertThat(started.status()).as(started.toString()).isEqualTo(202);
    await(
        () -> browser.driver.findElements(purges).size() == before + 1,
        "the new purge job pushed into the list");
    assertThat(browser.js("return window.sameListPage === true;")).isEqualTo(true);
    browser.driver.findElement(By.cssSelector("a[href*='" + job + "']")).click();
    await(() -> browser.driver.findElement(By.id("chunkGrid")).isDisplayed(), "the chunk grid");
    List<WebElement> cells = browser.driver.findElements(By.cssSelector("#chunkGrid td"));
    List<WebElement> rungs = browser.driver.findElements(By.cssSelector("#chunkGrid tbody th"));
    List<WebElement> chunks = browser.driver.findElements(By.cssSelector("#chunkGrid thead th"));
    // A 5 s master in 2 s chunks is 3 chunks; at 180p the ladder has one rung (240p and up are
    // above the master, so only the lowest rung at or below it is planned).
    assertThat(chunks).hasSize(1 + 3);
    assertThat(rungs).isNotEmpty();
    assertThat(cells).hasSize(rungs.size() * 3);
    for (WebElement cell : cells) {
      assertThat(cell.getAttribute("data-state")).isIn("DONE", "RETRIED");
      assertThat(cell.getAttribute("data-server")).isNotBlank();
    }
    assertThat(browser.driver.findElement(By.id("jobState")).getText()).isEqualTo("COMPLETED");
    // A finished job is neither restartable nor stoppable: the server refuses as the page shows.
    assertThat(browser.driver.findElement(By.id("job:restart")).isEnabled()).isFalse();
    assertThat(browser.driver.findElement(By.id("job:stop")).isEnabled()).isFalse();
    look(browser, "job-grid");

    // The worker servers page, linked from the job list, lists the server that encoded them:
    // it takes partitions, its last heartbeat said ready, and it has at least these chunks.
    String server = cells.get(0).getAttribute("data-server");
    long mine = cells.stream().filter(c -> server.equals(c.getAttribute("data-server"))).count();
    chunkChangesArePushedWithoutPolling(job, cells.get(0));
    browser.driver.get(api.baseUrl() + "/console/jobs/index.xhtml");
    browser.driver.findElement(By.id("serversLink")).click();
    By row = By.cssSelector("#servers tr[data-server='" + server + "']");
    await(
        () -> {
          browser.driver.navigate().refresh();
          return browser
              .driver
              .findElement(row)
              .findElement(By.cssSelector(".readiness"))
              .getText()
              .equals("ready");
        },
        "the server listed and ready");
    WebElement listed = browser.driver.findElement(row);
    assertThat(listed.findElement(By.cssSelector(".takes")).getText()).isEqualTo("yes");
    assertThat(Long.parseLong(listed.findElement(By.cssSelector(".chunks")).getText()))
        .isGreaterThanOrEqualTo(mine);
    assertThat(Long.parseLong(listed.findElement(By.cssSelector(".chunks-day")).getText()))
        .isGreaterThanOrEqualTo(mine);
    look(browser, "worker-servers");
  }

  /**
   * A committed change of a chunk's record (as a partition on another server would make) reaches
   * the open page over the push stream: the cell turns failed with its reason, then retried, then
   * back, while the page sends no request at all (no poll, no Faces Ajax). An operator whose role
   * is taken away loses the stream.
   */
  private static void chunkChangesArePushedWithoutPolling(String job, WebElement first) {
    String key = first.getAttribute("data-cell");
    String rung = key.substring(0, key.indexOf('/'));
    String where = " WHERE job_id = ?::uuid AND rung = ? AND chunk_index = 0";
    String attempts =
        Database.pairs("SELECT attempts, state FROM transcode.chunk_tasks" + where, job, rung)
            .keySet()
            .iterator()
            .next();
    assertThat(browser.driver.getPageSource()).doesNotContain("Poll");
    String cell = "#chunkGrid td[data-cell='" + key + "']";
    String requests =
        "return performance.getEntriesByType('resource').filter(e =>"
            + " e.initiatorType === 'xmlhttprequest' || e.initiatorType === 'fetch').length;";
    await(
        () -> Long.valueOf(1).equals(browser.js("return window.marqueeJobStream.readyState;")),
        "the grid's push stream open");
    try {
      Database.update(
          "UPDATE transcode.chunk_tasks SET state = 'PENDING', attempts = 1" + where, job, rung);
      await(
          () ->
              "FAILED"
                  .equals(
                      browser.driver.findElement(By.cssSelector(cell)).getAttribute("data-state")),
          "the cell pushed as failed");
      assertThat(
              browser
                  .driver
                  .findElement(By.cssSelector(cell + " .sr-only"))
                  .getAttribute("textContent"))
          .contains("the job ended before this chunk was encoded");
      Database.update(
          "UPDATE transcode.chunk_tasks SET state = 'DONE', attempts = 3" + where, job, rung);
      await(
          () ->
              "RETRIED"
                  .equals(
                      browser.driver.findElement(By.cssSelector(cell)).getAttribute("data-state")),
          "the cell pushed as retried");
      assertThat(
              browser
                  .driver
                  .findElement(By.cssSelector(cell + " .sr-only"))
                  .getAttribute("textContent"))
          .contains("3 attempts");
      assertThat(browser.js(requests))
          .as("requests the page made while cells changed")
          .isEqualTo(0L);

      setOperatorRoles("[]");
      await(
          () -> Long.valueOf(2).equals(browser.js("return window.marqueeJobStream.readyState;")),
          "the stream closed once the operator role was taken away");
    } finally {
      Database.update(
          "UPDATE transcode.chunk_tasks SET state = 'DONE', attempts = ?" + where,
          Integer.parseInt(attempts),
          job,
          rung);
      setOperatorRoles("[\"operator\"]");
    }
  }
}
