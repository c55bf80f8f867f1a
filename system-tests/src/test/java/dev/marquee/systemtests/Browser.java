package dev.marquee.systemtests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Supplier;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;

/**
 * Debian's Chromium, headless, driven by chromium-driver: the real browser of the playback tests.
 */
final class Browser implements AutoCloseable {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path DRIVER = Path.of("/usr/bin/chromedriver");

  final ChromeDriver driver;

  Browser() {
    this(false);
  }

  /**
   * {@code trustDevstackCertificate}: pages over HTTPS with the devstack's self-signed certificate
   * (the two-server stack's balancer) open without the interstitial a user would have to accept.
   */
  Browser(boolean trustDevstackCertificate) {
    if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(DRIVER)) {
      throw new AssertionError(
          "The playback tests need Chromium and its driver: apt-get install chromium"
              + " chromium-driver (.ci/run does this).");
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-dev-shm-usage",
        "--autoplay-policy=no-user-gesture-required",
        "--mute-audio",
        "--window-size=1280,900");
    options.setAcceptInsecureCerts(trustDevstackCertificate);
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).build();
    driver = new ChromeDriver(service, options);
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
  }

  Object js(String script, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(script, args);
  }

  /** DevTools network emulation for this browser's pages: download and upload in bytes/s. */
  void throttle(long bytesPerSecond, Duration latency) {
    driver.executeCdpCommand("Network.enable", java.util.Map.of());
    driver.executeCdpCommand(
        "Network.emulateNetworkConditions",
        java.util.Map.of(
            "offline",
            false,
            "latency",
            latency.toMillis(),
            "downloadThroughput",
            bytesPerSecond,
            "uploadThroughput",
            bytesPerSecond));
  }

  /**
   * DevTools: every request of this browser's pages carries these headers, as if an edge in front
   * of Marquee had added them (the viewer's country, for instance).
   */
  void addHeaders(java.util.Map<String, String> headers) {
    driver.executeCdpCommand("Network.enable", java.util.Map.of());
    driver.executeCdpCommand("Network.setExtraHTTPHeaders", java.util.Map.of("headers", headers));
  }

  /** DevTools: this browser's pages lose (true) or regain (false) the network. */
  void offline(boolean offline) {
    driver.executeCdpCommand("Network.enable", java.util.Map.of());
    driver.executeCdpCommand(
        "Network.emulateNetworkConditions",
        java.util.Map.of(
            "offline", offline, "latency", 0, "downloadThroughput", -1, "uploadThroughput", -1));
  }

  /**
   * Polls {@code condition} every 200 ms for up to 60 s; fails with {@code state} if it never
   * holds.
   */
  void await(Supplier<Boolean> condition, String what, Supplier<String> state) {
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
    screenshot("timed-out");
    throw new AssertionError("waited 60 s for " + what + "; " + state.get());
  }

  void await(Supplier<Boolean> condition, String what) {
    await(condition, what, () -> "page: " + driver.getCurrentUrl());
  }

  /** The element with id {@code id} on the current page. */
  WebElement byId(String id) {
    return driver.findElement(By.id(id));
  }

  /** Whether the current page's source holds {@code text}. */
  boolean pageSays(String text) {
    return driver.getPageSource().contains(text);
  }

  /** Replaces the text of input {@code id} with {@code text}, as a user typing it. */
  void type(String id, String text) {
    WebElement input = byId(id);
    input.clear();
    input.sendKeys(text);
  }

  /**
   * Chooses option {@code value} of the select {@code target} finds, again if the page re-rendered
   * the select meanwhile, until the select shows that option.
   */
  void select(By target, String value) {
    await(
        () -> {
          Select select = new Select(driver.findElement(target));
          select.selectByValue(value);
          return value.equals(
              new Select(driver.findElement(target))
                  .getFirstSelectedOption()
                  .getDomProperty("value"));
        },
        "option " + value + " chosen in " + target);
  }

  /**
   * Clicks what {@code target} finds, finding it again if the page re-rendered it between the
   * look-up and the click (a stale element), as a live list does while results settle.
   */
  void click(By target) {
    await(
        () -> {
          driver.findElement(target).click();
          return true;
        },
        "a click on " + target);
  }

  /** Saves what the browser shows as target/browser-screenshots/{name}.png. */
  void screenshot(String name) {
    try {
      Path folder = Files.createDirectories(Path.of("target", "browser-screenshots"));
      Files.write(folder.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
    } catch (IOException | RuntimeException e) {
      // A screenshot is evidence, not the test: a failure to take one must not hide the result.
      System.err.println("no screenshot " + name + ": " + e);
    }
  }

  @Override
  public void close() {
    driver.quit();
  }
}
