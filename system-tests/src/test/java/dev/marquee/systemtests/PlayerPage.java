package dev.marquee.systemtests;

import dev.marquee.systemtests.Viewers.Viewer;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** What a viewer does on the web player's page at {@code /player/}: sign in, press Play. */
final class PlayerPage {
  private PlayerPage() {}

  /** Opens {@code baseUrl}/player/{@code query} and signs {@code viewer} in, up to the shelf. */
  static void signIn(Browser browser, String baseUrl, Viewer viewer, String query) {
    browser.driver.get(baseUrl + "/player/" + query);
    browser.await(
        () -> browser.driver.findElement(By.id("email")).isDisplayed(), "the sign-in form");
    browser.driver.findElement(By.id("email")).sendKeys(viewer.email());
    browser.driver.findElement(By.id("password")).sendKeys(Viewers.PASSWORD);
    browser.driver.findElement(By.id("sign-in-button")).click();
    browser.await(
        () -> "browsing".equals(browser.js("return window.marquee.state")),
        "the shelf",
        () -> "player: " + state(browser));
  }

  /** Presses Play on {@code title}'s card on the shelf. */
  static void play(Browser browser, String title) {
    WebElement card =
        browser.driver.findElement(By.cssSelector("#titles li[data-title-id='" + title + "']"));
    card.findElement(By.cssSelector("button.play")).click();
  }

  static double currentTime(Browser browser) {
    return ((Number) browser.js("return document.getElementById('video').currentTime"))
        .doubleValue();
  }

  /** The player's state and the errors it showed, for failure messages. */
  static String state(Browser browser) {
    return String.valueOf(
        browser.js(
            "return JSON.stringify({state: window.marquee.state, errors: window.marquee.errors,"
                + " time: document.getElementById('video').currentTime})"));
  }
}
