package dev.marquee.systemtests;

import static dev.marquee.systemtests.ConsolePages.await;
import static dev.marquee.systemtests.ConsolePages.fetchHeader;
import static dev.marquee.systemtests.ConsolePages.fetchStatus;
import static dev.marquee.systemtests.ConsolePages.fetchText;
import static dev.marquee.systemtests.ConsolePages.look;
import static dev.marquee.systemtests.ConsolePages.signIn;
import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.devstack.MarqueeStack;
import dev.marquee.media.testing.SyntheticMaster;
import dev.marquee.systemtests.Viewers.Viewer;
import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * The admin's dashboard in Chromium: its figures move by exactly what the test itself causes (a
 * title published, a licence granted and one denied, a view, a QoE report), the charts draw the
 * same figures as the tables beside them, a click on a bar and a click on a figure open the
 * filtered page behind them, an operator is refused it, and axe-core finds no serious or critical
 * violation.
 */
@ExtendWith(RunningMarquee.class)
class DashboardBrowserIT {
  private static final Api api = RunningMarquee.api();

  /** Days on the dashboard's per-day charts, today the last. */
  private static final class DashboardPage {
    static final int DAYS = 14;
  }

  private static Browser browser;

  @BeforeAll
  static void openBrowser() {
    browser = new Browser();
  }

  @AfterAll
  static void closeBrowser() {
    if (browser != null) {
      browser.close();
    }
  }

  private static void openDashboard() {
    browser.driver.get(api.baseUrl() + "/console/admin/dashboard.xhtml");
    await(() -> !browser.driver.findElements(By.id("daysTable")).isEmpty(), "the dashboard");
  }

  private static long figure(String table, String label) {
    return Long.parseLong(
        browser
            .driver
            .findElement(By.cssSelector("#" + table + " tr[data-figure='" + label + "'] .value"))
            .getText());
  }

  private static String today(String column) {
    String day = LocalDate.now(ZoneOffset.UTC).toString();
    return browser
        .driver
        .findElement(By.cssSelector("#daysTable tr[data-day='" + day + "'] ." + column))
        .getText();
  }

  /** What Chart.js drew: the first data set of the chart whose widget is {@code widget}. */
  @SuppressWarnings("unchecked")
  private static List<Long> drawn(String widget) {
    await(
        () -> (Boolean) browser.js("return !!PrimeFaces.widgets['" + widget + "'].chart;"),
        "the " + widget + " drawn");
    return ((List<Number>)
            browser.js("return PrimeFaces.widgets['" + widget + "'].chart.data.datasets[0].data;"))
        .stream().map(Number::longValue).toList();
  }

  @Test
  void theDashboardCountsWhatTheTestCausedAndEachChartOpensItsDetail() throws Exception {
    signIn(browser, api, MarqueeStack.ADMIN_EMAIL, RunningMarquee.stack().adminPassword());
    // The admin lands on the dashboard.
    await(
        () -> browser.driver.getCurrentUrl().contains("/console/admin/dashboard.xhtml"), "landing");
    openDashboard();
    long publishedBefore = figure("titlesTable", "PUBLISHED");
    long processingBefore = figure("titlesTable", "PROCESSING");
    long grantedBefore = figure("licencesTable", "granted");
    long deniedBefore = figure("licencesTable", "denied");
    long viewsBefore = Long.parseLong(today("views"));
    long sessionsBefore = Long.parseLong(today("sessions"));

    // A title published, a session (a view), a licence granted and one denied, a QoE report.
    Path dir = Files.createTempDirectory("dashboard-it");
    String creator = Creators.newCreator(api);
    Path master = dir.resolve("dawn.mp4");
    new SyntheticMaster(320, 180, 25, 1, false, List.of("eng")).writeTo(master);
    String title =
        Creators.ingest(
            api,
            creator,
            master,
            """
            {"name":"Dashboard Dawn","synopsis":"For the dashboard.","language":"en",
             "category":"drama","maturityRating":"ALL","releaseYear":2026,
             "licence":{"regions":["WORLD"],"offlineAllowed":false}}""");
    Creators.awaitPublished(api, creator, title, Duration.ofMinutes(3));
    Viewer v = Viewers.newViewer(api, "WEB", null);
    Viewers.subscribe(api, Viewers.admin(api), v, "HD");
    Api.Reply started = Viewers.startSession(api, v, v.deviceId(), title);
    assertThat(started.status()).as(started.toString()).isEqualTo(201);
    JsonObject session = started.json();
    String token = session.getString("token");
    String[] kids =
        session.getJsonObject("keyIds").values().stream()
            .map(x -> ((jakarta.json.JsonString) x).getString())
            .toArray(String[]::new);
    assertThat(licence(token, kids).status()).isEqualTo(200);
    String like = "/api/catalog/likes/" + title + "?profileId=" + v.profileId();
    assertThat(api.put(like, v.token()).status()).isEqualTo(200);
    Api.Reply denied = licence(token, UUID.randomUUID().toString());
    assertThat(denied.status()).as(denied.toString()).isEqualTo(403);
    Api.Reply qoe =
        api.send(
            "POST",
            "/api/playback/qoe",
            "{\"events\":[{\"seq\":0,\"type\":\"STARTUP\",\"clientTime\":\""
                + Instant.now()
                + "\",\"valueMs\":640}]}",
            Map.of("Content-Type", "application/json", "X-Playback-Session", token));
    assertThat(qoe.status()).as(qoe.toString()).isEqualTo(202);

    openDashboard();
    assertThat(figure("titlesTable", "PUBLISHED")).isEqualTo(publishedBefore + 1);
    assertThat(figure("titlesTable", "PROCESSING")).isEqualTo(processingBefore);
    assertThat(figure("licencesTable", "granted")).isEqualTo(grantedBefore + 1);
    assertThat(figure("licencesTable", "denied")).isEqualTo(deniedBefore + 1);
    assertThat(Long.parseLong(today("views"))).isEqualTo(viewsBefore + 1);
    assertThat(Long.parseLong(today("sessions"))).isEqualTo(sessionsBefore + 1);
    assertThat(today("startup")).isNotEmpty();

    // The charts draw the tables' figures, and each canvas is named by them.
    List<String> states = List.of("INGESTED", "PROCESSING", "PUBLISHED", "FAILED", "UNPUBLISHED");
    assertThat(drawn("titlesChart"))
        .isEqualTo(states.stream().map(s -> figure("titlesTable", s)).toList());
    assertThat(drawn("licencesChart"))
        .containsExactly(figure("licencesTable", "granted"), figure("licencesTable", "denied"));
    assertThat(drawn("jobsChart"))
        .containsExactly(figure("jobsTable", "running"), figure("jobsTable", "failed"));
    WebElement canvas =
        browser.driver.findElement(By.cssSelector("#dashboard\\:licencesChart canvas"));
    assertThat(canvas.getAttribute("role")).isEqualTo("img");
    assertThat(canvas.getAttribute("aria-label"))
        .contains(figure("licencesTable", "denied") + " denied");
    look(browser, "dashboard");

    // A click on the PUBLISHED bar opens the catalog filtered by that state.
    clickBar("titlesChart", states.indexOf("PUBLISHED"));
    await(() -> browser.driver.getCurrentUrl().contains("titles.xhtml?state=PUBLISHED"), "titles");
    await(
        () -> !browser.driver.findElements(By.cssSelector("a[href*='" + title + "']")).isEmpty(),
        "the published title in the filtered catalog");
    List<String> shownStates =
        browser
            .driver
            .findElements(By.cssSelector("[id$='titles_data'] tr td:nth-child(2)"))
            .stream()
            .map(WebElement::getText)
            .toList();
    assertThat(shownStates).isNotEmpty().allMatch("PUBLISHED"::equals);
    look(browser, "titles-published");

    // Today's views bar opens each title's figures of today: the test's title, its view, its QoE.
    openDashboard();
    clickBar("engagementChart", DashboardPage.DAYS - 1);
    String day = LocalDate.now(ZoneOffset.UTC).toString();
    await(() -> browser.driver.getCurrentUrl().contains("day.xhtml?day=" + day), "the day page");
    By dawn = By.cssSelector("#titlesOfDay tr[data-title='" + title + "']");
    await(() -> browser.driver.findElements(dawn).size() == 1, "the test's title on the day page");
    WebElement row = browser.driver.findElement(dawn);
    assertThat(row.findElement(By.cssSelector("a")).getText()).isEqualTo("Dashboard Dawn");
    assertThat(row.findElement(By.cssSelector(".views")).getText()).isEqualTo("1");
    assertThat(row.findElement(By.cssSelector(".sessions")).getText()).isEqualTo("1");
    assertThat(row.findElement(By.cssSelector(".startup")).getText()).isEqualTo("640");
    look(browser, "day");

    // The title's analytics over the last 14 days, from its row: today holds what the test caused,
    // and the CSV of the same days (one title, and every title) has the same figures.
    row.findElement(By.cssSelector("a.analytics")).click();
    await(
        () -> browser.driver.getCurrentUrl().contains("analytics.xhtml?id=" + title), "analytics");
    By todayRow = By.cssSelector("#titleDays tr[data-day='" + day + "']");
    await(() -> browser.driver.findElements(todayRow).size() == 1, "today's analytics");
    assertThat(browser.driver.findElements(By.cssSelector("#titleDays tbody tr")))
        .hasSize(DashboardPage.DAYS);
    WebElement todays = browser.driver.findElement(todayRow);
    assertThat(
            List.of(".views", ".completions", ".likes", ".sessions", ".startup").stream()
                .map(c -> todays.findElement(By.cssSelector(c)).getText())
                .toList())
        .containsExactly("1", "0", "1", "1", "640");
    assertThat(drawn("titleEngagementChart")).last().isEqualTo(1L);
    look(browser, "title-analytics");
    String line = day + "," + title + ",Dashboard Dawn,1,0,1,1,640,0.00";
    for (String link : List.of("csvTitle", "csvAll")) {
      String csv = browser.driver.findElement(By.id(link)).getAttribute("href");
      assertThat(fetchHeader(browser, csv, "Content-Type")).startsWith("text/csv");
      List<String> lines = fetchText(browser, csv).lines().toList();
      assertThat(lines.get(0))
          .isEqualTo(
              "day,title_id,title_name,views,completions,likes,qoe_sessions,startup_p95_ms,"
                  + "rebuffer_pct");
      assertThat(lines).contains(line);
    }
    browser.driver.get(api.baseUrl() + "/console/admin/title.xhtml?id=" + title);
    await(() -> !browser.driver.findElements(By.id("analytics")).isEmpty(), "the title's page");
    assertThat(browser.driver.findElement(By.id("analytics")).getAttribute("href"))
        .endsWith("analytics.xhtml?id=" + title);

    // The denied figure opens the licence audit of the last 24 h, denials only: the test's is
    // there.
    openDashboard();
    browser.driver.findElement(By.cssSelector("#licencesTable tr[data-figure='denied'] a")).click();
    await(() -> browser.driver.getCurrentUrl().contains("outcome=DENIED"), "the licence audit");
    assertThat(browser.driver.getCurrentUrl()).contains("since=");
    By mine = By.cssSelector("tr[data-account='" + v.accountId() + "']");
    await(() -> browser.driver.findElements(mine).size() == 1, "the test's denial in the audit");
    assertThat(browser.driver.findElement(mine).findElement(By.cssSelector(".rule")).getText())
        .isEqualTo("unknown-key-id");
    assertThat(browser.driver.findElements(By.cssSelector("tr[data-decision] .outcome")))
        .extracting(WebElement::getText)
        .allMatch("DENIED"::equals);
    look(browser, "licences-denied-last-day");

    // The failed jobs figure opens the job console with failed jobs only, as many as it said.
    openDashboard();
    long failed = figure("jobsTable", "failed");
    browser.driver.findElement(By.cssSelector("#jobsTable tr[data-figure='failed'] a")).click();
    await(() -> browser.driver.getCurrentUrl().contains("jobs/index.xhtml?state=failed"), "jobs");
    await(
        () -> browser.driver.findElement(By.id("showing")).getText().startsWith("Only failed jobs"),
        "the filtered job list");
    assertThat(browser.driver.findElements(By.cssSelector(".job-state")))
        .hasSize((int) failed)
        .extracting(WebElement::getText)
        .allMatch("FAILED"::equals);
    look(browser, "jobs-failed");
  }

  @Test
  void anOperatorIsRefusedTheDashboard() throws Exception {
    String operator = api.registerViewer(Viewers.PASSWORD);
    String id =
        api.get("/api/admin/accounts?email=" + operator, Viewers.admin(api))
            .array()
            .getJsonObject(0)
            .getString("id");
    Api.Reply roles =
        api.putJson(
            "/api/admin/accounts/" + id + "/roles",
            "{\"roles\":[\"operator\"]}",
            Viewers.admin(api));
    assertThat(roles.status()).as(roles.toString()).isEqualTo(200);
    signIn(browser, api, operator, Viewers.PASSWORD);
    assertThat(fetchStatus(browser, "GET", "/console/admin/dashboard.xhtml", null)).isEqualTo(403);
    assertThat(fetchStatus(browser, "GET", "/console/admin/analytics.xhtml", null)).isEqualTo(403);
    assertThat(fetchStatus(browser, "GET", "/console/admin/analytics.csv", null)).isEqualTo(403);
    assertThat(browser.driver.findElements(By.cssSelector("a[href$='dashboard.xhtml']"))).isEmpty();
  }

  private static Api.Reply licence(String token, String... kids) {
    return api.send(
        "POST",
        "/api/drm/licenses/clearkey",
        Viewers.clearKeyRequest("temporary", kids),
        Map.of("X-Playback-Session", token, "X-Viewer-Country", "GB"));
  }

  /** Clicks the middle of a bar, where Chart.js drew it, as a mouse would. */
  @SuppressWarnings("unchecked")
  private static void clickBar(String widget, int index) {
    drawn(widget);
    Map<String, Number> at =
        (Map<String, Number>)
            browser.js(
                "const c = PrimeFaces.widgets[arguments[0]].chart;"
                    + "const bar = c.getDatasetMeta(0).data[arguments[1]];"
                    + "return {x: bar.x - c.canvas.clientWidth / 2,"
                    + " y: (bar.y + bar.base) / 2 - c.canvas.clientHeight / 2};",
                widget,
                index);
    WebElement canvas =
        browser.driver.findElement(By.cssSelector("#dashboard\\:" + widget + " canvas"));
    new Actions(browser.driver)
        .moveToElement(canvas, at.get("x").intValue(), at.get("y").intValue())
        .click()
        .perform();
  }
}
