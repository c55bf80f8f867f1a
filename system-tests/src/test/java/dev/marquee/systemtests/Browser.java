package dev.marquee.systemtests;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium, headless, driven by chromium-driver: the real browser of the playback tests.
 */
final class Browser implements AutoCloseable {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path DRIVER = Path.of("/usr/bin/chromedriver");

  final ChromeDriver driver;

  Browser() {
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

  /** DevTools: this browser's pages lose (true) or regain (false) the network. */
  void offline(boolean offline) {
    driver.executeCdpCommand("Network.enable", java.util.Map.of());
    driver.executeCdpCommand(
        "Network.emulateNetworkConditions",
        java.util.Map.of(
            "offline", offline, "latency", 0, "downloadThroughput", -1, "uploadThroughput", -1));
  }

  @Override
  public void close() {
    driver.quit();
  }
}
