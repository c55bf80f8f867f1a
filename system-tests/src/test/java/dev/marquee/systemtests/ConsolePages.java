package dev.marquee.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;

/**
 * Drives the console in Chromium: signs in through the form, checks each page with axe-core (from
 * npm, fetched by the build) and saves a screenshot of it under {@code target/console-screens}.
 */
final class ConsolePages {
  private static final Path SCREENS = Path.of("target", "console-screens");

  private ConsolePages() {}

  static void signIn(Browser browser, Api api, String email, String password) {
    browser.driver.manage().deleteAllCookies();
    browser.driver.get(api.baseUrl() + "/console/sign-in.xhtml");
    await(() -> browser.driver.findElement(By.id("signIn:email")).isDisplayed(), "sign-in form");
    browser.driver.findElement(By.id("signIn:email")).sendKeys(email);
    browser.driver.findElement(By.id("signIn:password")).sendKeys(password);
    browser.driver.findElement(By.id("signIn:submit")).click();
    await(
        () -> !browser.driver.getCurrentUrl().contains("sign-in"),
        "leaving the sign-in page as " + email);
  }

  /** Runs axe-core on the page; no serious or critical violation may be found. */
  @SuppressWarnings("unchecked")
  static void assertAccessible(Browser browser, String page) throws IOException {
    String axePath = System.getProperty("marquee.axe.js");
    if (axePath == null || !Files.isRegularFile(Path.of(axePath))) {
      throw new AssertionError(
          "axe-core is missing (" + axePath + "): the build installs it from npm; run mvn verify.");
    }
    browser.js(Files.readString(Path.of(axePath)));
    Object result =
        browser.driver.executeAsyncScript(
            "const done = arguments[arguments.length - 1];"
                + "axe.run(document).then(r => done(r.violations.map(v =>"
                + " ({id: v.id, impact: v.impact, nodes: v.nodes.length,"
                + " help: v.help, target: v.nodes[0].target.join(' ')}))));");
    List<Map<String, Object>> violations = (List<Map<String, Object>>) result;
    assertThat(
            violations.stream()
                .filter(v -> List.of("serious", "critical").contains(v.get("impact")))
                .toList())
        .as("serious or critical accessibility violations on " + page)
        .isEmpty();
  }

  static void screenshot(Browser browser, String name) throws IOException {
    Files.createDirectories(SCREENS);
    Files.write(SCREENS.resolve(name + ".png"), browser.driver.getScreenshotAs(OutputType.BYTES));
  }

  /** Checks the page and keeps its picture. */
  static void look(Browser browser, String name) throws IOException {
    screenshot(browser, name);
    assertAccessible(browser, name);
  }

  /** The HTTP status of a same-origin request the page makes with its session cookie. */
  static long fetchStatus(Browser browser, String method, String path, String form) {
    return (Long)
        browser.driver.executeAsyncScript(
            "const done = arguments[arguments.length - 1];"
                + "fetch(arguments[1], {method: arguments[0], redirect: 'manual',"
                + " headers: arguments[2] ? {'Content-Type': 'application/x-www-form-urlencoded'}"
                + " : {}, body: arguments[2] || undefined}).then(r => done(r.status));",
            method,
            path,
            form);
  }

  /** The body of a same-origin GET the page makes with its session cookie (a download, say). */
  static String fetchText(Browser browser, String path) {
    return (String)
        browser.driver.executeAsyncScript(
            "const done = arguments[arguments.length - 1];"
                + "fetch(arguments[0], {redirect: 'manual'}).then(r => r.text()).then(done);",
            path);
  }

  /** A response header of a same-origin GET the page makes with its session cookie. */
  static String fetchHeader(Browser browser, String path, String header) {
    return (String)
        browser.driver.executeAsyncScript(
            "const done = arguments[arguments.length - 1];"
                + "fetch(arguments[0], {redirect: 'manual'})"
                + ".then(r => done(r.headers.get(arguments[1])));",
            path,
            header);
  }

  /** Answers yes in the confirmation dialog of form {@code form}. */
  static void confirm(Browser browser, String form) {
    await(() -> browser.byId(form + ":confirmYes").isDisplayed(), "the confirmation dialog");
    browser.byId(form + ":confirmYes").click();
  }

  static void await(Supplier<Boolean> condition, String what) {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    RuntimeException last = null;
    while (System.nanoTime() < deadline) {
      try {
        if (Boolean.TRUE.equals(condition.get())) {
          return;
        }
      } catch (RuntimeException e) {
        last = e;
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted waiting for " + what, e);
      }
    }
    throw new AssertionError("timed out waiting for " + what, last);
  }
}
