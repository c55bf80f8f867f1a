package dev.marquee.systemtests;

import static dev.marquee.systemtests.ConsolePages.await;
import static dev.marquee.systemtests.ConsolePages.look;
import static dev.marquee.systemtests.ConsolePages.screenshot;
import static dev.marquee.systemtests.ConsolePages.signIn;
import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.devstack.MarqueeStack;
import dev.marquee.media.testing.SyntheticMaster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The console's ingest page in Chromium (ADR 40): a master hashed in the page and sent in parts
 * through a dropped connection, straight to object storage when the stack allows it, and through
 * the console's own calls when it does not.
 */
@ExtendWith(RunningMarquee.class)
class BrowserIngestIT {
  private static final Api api = RunningMarquee.api();
  private static Browser browser;

  @BeforeAll
  static void openBrowser() {
    // Accepts the stack's own certificate: the browser ingest runs from an HTTPS page.
    browser = new Browser(true);
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

  /** Waits for the page to end the upload, and answers the title it made (failing if none). */
  private static String awaitUploadEnd() {
    await(
        () ->
            browser.byId("ingest").getAttribute("data-title-id") != null
                || browser
                    .byId("status")
                    .getText()
                    .matches("^(Refused|Failed|The master was refused).*"),
        "the upload's end");
    String titleId = browser.byId("ingest").getAttribute("data-title-id");
    assertThat(titleId).as(browser.byId("status").getText()).isNotBlank();
    return titleId;
  }

  @Test
  void anAdminIngestsAMasterFromTheBrowserThroughADroppedConnection() throws Exception {
    // 7 s of 640x360 noise: about 9.6 MB, two 8 MiB parts.
    Path master = Files.createTempDirectory("browser-ingest").resolve("browser-upload.mp4");
    new SyntheticMaster(640, 360, 25, 7, true, List.of("eng")).writeTo(master);
    assertThat(Files.size(master)).isGreaterThan(8L * 1024 * 1024);

    // Over HTTPS, as an operator serves the console; the stack sends parts straight to storage.
    String secure = IngestEvidence.secureBaseUrl();
    signIn(
        browser, new Api(secure), MarqueeStack.ADMIN_EMAIL, RunningMarquee.stack().adminPassword());
    browser.driver.get(secure + "/console/admin/ingest.xhtml");
    await(() -> browser.byId("start").isDisplayed(), "the ingest page");
    look(browser, "ingest");
    browser.type("name", "Carried Through");
    browser.byId("master").sendKeys(master.toAbsolutePath().toString());
    // Slow enough (1 MB/s) that the first part is still on its way when the network goes.
    browser.throttle(1_000_000, Duration.ZERO);
    try {
      browser.byId("start").click();
      await(
          () -> browser.byId("status").getText().startsWith("Sending part 1"),
          "the first part sent");
      browser.offline(true);
      await(
          () -> browser.byId("status").getText().startsWith("Connection lost"),
          "the page noticing the dropped connection");
      screenshot(browser, "ingest-interrupted");
    } finally {
      browser.offline(false);
    }
    String titleId = awaitUploadEnd();
    assertThat(browser.byId("ingest").getAttribute("data-interrupted")).isEqualTo("true");
    assertThat(browser.byId("progress").getAttribute("aria-valuenow")).isEqualTo("100");
    look(browser, "ingest-done");

    // The server joined the parts, checked size and SHA-256 and made the title, owned by the admin.
    Api.Reply title = api.get("/api/catalog/admin/titles/" + titleId, Viewers.admin(api));
    assertThat(title.status()).as(title.toString()).isEqualTo(200);
    assertThat(title.json().getString("name")).isEqualTo("Carried Through");

    // MARQUEE_INGEST_BROWSER_DIRECT_PARTS is on in the stack: from this HTTPS page the browser PUT
    // the parts to the plain-HTTP object store on loopback, and no part's bytes reached Liberty.
    String upload = browser.byId("ingest").getAttribute("data-upload-id");
    assertThat(IngestEvidence.storageFetches(browser))
        .filteredOn(url -> url.contains("partNumber="))
        .hasSizeGreaterThanOrEqualTo(2);
    List<String> calls = IngestEvidence.serverCallsFor(upload);
    assertThat(calls).anyMatch(line -> line.contains(upload + "/parts/2/presigned-url"));
    assertThat(calls).noneMatch(line -> line.contains("\"PUT "));

    // A script's call without the page's token, as another site would send it, is refused.
    Object forged =
        browser.driver.executeAsyncScript(
            "const done = arguments[arguments.length - 1];"
                + "fetch(arguments[0], {method: 'POST', headers: {'X-Console-Token': 'forged',"
                + " 'Content-Type': 'application/json'}, body: '{}'}).then(r => done(r.status));",
            "/console/admin/ingest/uploads");
    assertThat(forged).isEqualTo(403L);
  }

  @Test
  void withTheSwitchOffThePartsGoThroughTheConsole() throws Exception {
    Path master = Files.createTempDirectory("console-ingest").resolve("through-the-console.mp4");
    new SyntheticMaster(320, 180, 25, 1, false, List.of("eng")).writeTo(master);
    signInAsAdmin();
    browser.driver.get(api.baseUrl() + "/console/admin/ingest.xhtml");
    await(() -> browser.byId("start").isDisplayed(), "the ingest page");
    // The page as the console renders it with MARQUEE_INGEST_BROWSER_DIRECT_PARTS off.
    browser.js("document.getElementById('ingest').dataset.directParts = 'false';");
    browser.type("name", "Through The Console");
    browser.byId("master").sendKeys(master.toAbsolutePath().toString());
    browser.byId("start").click();
    String titleId = awaitUploadEnd();
    assertThat(api.get("/api/catalog/admin/titles/" + titleId, Viewers.admin(api)).status())
        .isEqualTo(200);

    String upload = browser.byId("ingest").getAttribute("data-upload-id");
    assertThat(IngestEvidence.serverCallsFor(upload))
        .anyMatch(
            line -> line.contains("\"PUT /console/admin/ingest/uploads/" + upload + "/parts/1 "));
    assertThat(IngestEvidence.storageFetches(browser)).isEmpty();
  }
}
