package dev.marquee.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.systemtests.Viewers.Viewer;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The account's devices as a viewer meets them in the web player (Chromium): the list with name,
 * type and last use, removing one (with the password again), a returning browser recognised instead
 * of registered again, and at the 10-device limit the offer to replace the least recently used one.
 */
@ExtendWith(RunningMarquee.class)
class DevicesBrowserIT {
  private static final Api api = RunningMarquee.api();

  private static void signIn(Browser browser, Viewer viewer) {
    browser.driver.get(api.baseUrl() + "/player/");
    browser.await(() -> browser.driver.findElement(By.id("email")).isDisplayed(), "sign-in form");
    browser.driver.findElement(By.id("email")).sendKeys(viewer.email());
    browser.driver.findElement(By.id("password")).sendKeys(Viewers.PASSWORD);
    browser.driver.findElement(By.id("sign-in-button")).click();
  }

  private static void awaitShelf(Browser browser) {
    browser.await(
        () -> "browsing".equals(browser.js("return window.marquee.state")),
        "the shelf",
        () -> "state " + browser.js("return JSON.stringify(window.marquee)"));
  }

  private static List<WebElement> listed(Browser browser) {
    return browser.driver.findElements(By.cssSelector("#device-list li"));
  }

  private static JsonArray devices(Viewer viewer) {
    return api.get("/api/accounts/me/devices", viewer.token()).array();
  }

  private static JsonObject device(Viewer viewer, String id) {
    return devices(viewer).stream()
        .map(JsonValue::asJsonObject)
        .filter(d -> d.getString("id").equals(id))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no device " + id + " in " + devices(viewer)));
  }

  private static void confirmWithPassword(Browser browser) {
    browser.await(
        () -> browser.driver.findElement(By.id("confirm-password")).isDisplayed(),
        "the password confirmation");
    browser.driver.findElement(By.id("confirm-password-input")).sendKeys(Viewers.PASSWORD);
    browser.driver.findElement(By.id("confirm-password-button")).click();
  }

  @Test
  void theViewerSeesTheDevicesAReturningBrowserIsRecognisedAndADeviceIsRemoved() {
    Viewer viewer = Viewers.newViewer(api, "TV", null); // a TV registered through the API
    try (Browser browser = new Browser()) {
      signIn(browser, viewer);
      awaitShelf(browser);
      String thisBrowser = (String) browser.js("return window.marquee.device");
      browser.await(() -> listed(browser).size() == 2, "both devices listed");
      WebElement mine =
          browser.driver.findElement(
              By.cssSelector("#device-list li[data-device-id='" + thisBrowser + "']"));
      assertThat(mine.getText()).contains("WEB", "last used", "this browser");
      WebElement tv =
          browser.driver.findElement(
              By.cssSelector("#device-list li[data-device-id='" + viewer.deviceId() + "']"));
      assertThat(tv.getText()).contains("TV", "last used").doesNotContain("this browser");
      Instant firstSeen = Instant.parse(device(viewer, thisBrowser).getString("lastSeenAt"));

      // The viewer comes back in the same browser: the same device, used again, not a new one.
      browser.driver.get(api.baseUrl() + "/player/");
      awaitShelf(browser);
      assertThat(browser.js("return window.marquee.device")).isEqualTo(thisBrowser);
      assertThat(devices(viewer)).hasSize(2);
      assertThat(Instant.parse(device(viewer, thisBrowser).getString("lastSeenAt")))
          .isAfter(firstSeen);

      // Remove the TV: the password again, then it is gone from the page and the account.
      browser.await(() -> listed(browser).size() == 2, "both devices listed again");
      browser
          .driver
          .findElement(
              By.cssSelector(
                  "#device-list li[data-device-id='" + viewer.deviceId() + "'] .remove-device"))
          .click();
      confirmWithPassword(browser);
      browser.await(() -> listed(browser).size() == 1, "the TV gone from the list");
      browser.screenshot("devices-after-removing-the-tv");
      assertThat(devices(viewer).stream().map(d -> d.asJsonObject().getString("id")))
          .containsExactly(thisBrowser);
      assertThat(browser.js("return JSON.stringify(window.marquee.errors)")).isEqualTo("[]");
    }
  }

  @Test
  void atTheLimitTheViewerReplacesTheLeastRecentlyUsedDeviceWithThisBrowser() {
    Viewer viewer = Viewers.newViewer(api, "TV", null);
    for (int i = 0; i < 9; i++) {
      Viewers.device(api, viewer.token(), "MOBILE", null);
    }
    List<String> registered =
        devices(viewer).stream().map(d -> d.asJsonObject().getString("id")).toList();
    assertThat(registered).hasSize(10);
    // The first TV is used again; the least recently used is now the first mobile registered.
    String firstMobile =
        devices(viewer).stream()
            .map(JsonValue::asJsonObject)
            .filter(d -> d.getString("type").equals("MOBILE"))
            .min((a, b) -> a.getString("registeredAt").compareTo(b.getString("registeredAt")))
            .orElseThrow()
            .getString("id");
    Api.Reply seen =
        api.send(
            "POST",
            "/api/accounts/me/devices/" + viewer.deviceId() + "/seen",
            null,
            Map.of("Authorization", "Bearer " + viewer.token()));
    assertThat(seen.status()).as(seen.toString()).isEqualTo(200);
    String firstMobileName = device(viewer, firstMobile).getString("name");

    try (Browser browser = new Browser()) {
      signIn(browser, viewer);
      browser.await(
          () -> browser.driver.findElement(By.id("device-limit")).isDisplayed(),
          "the offer to replace a device");
      assertThat(browser.js("return window.marquee.state")).isEqualTo("device-limit");
      assertThat(browser.driver.findElement(By.id("device-limit")).getText())
          .contains("already has 10 devices", firstMobileName, "last used");
      assertThat(listed(browser)).hasSize(10);
      browser.screenshot("devices-at-the-limit");
      browser.driver.findElement(By.id("replace-device")).click();
      confirmWithPassword(browser);
      awaitShelf(browser);
      String thisBrowser = (String) browser.js("return window.marquee.device");
      List<String> now =
          devices(viewer).stream().map(d -> d.asJsonObject().getString("id")).toList();
      assertThat(now)
          .hasSize(10)
          .contains(thisBrowser, viewer.deviceId())
          .doesNotContain(firstMobile);
      assertThat(device(viewer, thisBrowser).getString("type")).isEqualTo("WEB");
      browser.await(() -> listed(browser).size() == 10, "the list with this browser in it");
      browser.screenshot("devices-after-replacing");
    }
  }
}
