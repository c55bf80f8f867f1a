package dev.marquee.bench;

import dev.marquee.devstack.MarqueeClient;
import dev.marquee.devstack.MarqueeStack;
import dev.marquee.media.testing.SyntheticMaster;
import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Startup time in a real browser (run it with {@code bash bench/startup-bench.sh}): play pressed to
 * first frame on screen in Debian's Chromium with the web player, over loopback, including the
 * playback session, the per-session manifest, the ClearKey licence and the first segments. The
 * peer, in the same page and the same run, is shaka-player alone on the same encrypted segments: a
 * static manifest (data: URI) and keys handed over up front, so the ratio is what Marquee's control
 * plane (session rules, manifest rendering, licence rules) adds.
 */
public final class StartupBench {
  private static final int PLAYS = Integer.getInteger("bench.plays", 30);
  private static final int WARM_UP = Integer.getInteger("bench.warmUp", 3);

  private StartupBench() {}

  public static void main(String[] args) throws Exception {
    Path home = Files.createTempDirectory("marquee-startup-bench-");
    Teardown teardown = new Teardown(home);
    Runtime.getRuntime().addShutdownHook(new Thread(teardown, "marquee-bench-teardown"));
    MarqueeStack stack = null;
    try {
      stack = BenchStacks.loopback(home).build();
      teardown.stack(stack);
      System.err.println("[bench] Starting the stack in " + home);
      stack.start();
      run(stack, home);
    } catch (Exception | Error e) {
      if (stack != null) {
        PlatformBench.printLogTail(stack.liberty());
      }
      throw e;
    } finally {
      teardown.run();
    }
  }

  private static void run(MarqueeStack stack, Path home) throws Exception {
    MarqueeClient client = new MarqueeClient(stack.baseUrl());
    String admin = client.signIn(MarqueeStack.ADMIN_EMAIL, stack.adminPassword());
    String me = ((JsonObject) client.get("/api/accounts/me", admin)).getString("id");
    client.send(
        "PUT",
        "/api/admin/accounts/" + me + "/subscription",
        admin,
        "{\"plan\":\"HD\",\"days\":30}",
        Map.of(),
        200);
    Path master = home.resolve("master.mp4");
    new SyntheticMaster(1280, 720, 25, 20, false, List.of("eng")).writeTo(master);
    System.err.println("[bench] Ingesting a 20 s 720p title and waiting for its transcode");
    String title = BenchStacks.publishTitle(client, admin, master, "Startup bench");

    try (Chromium browser = new Chromium()) {
      browser.driver.get(stack.baseUrl() + "/player/");
      browser.await(
          () ->
              Boolean.TRUE.equals(
                  browser.js("return document.getElementById('email').offsetParent !== null")));
      browser.js(
          "document.getElementById('email').value = arguments[0];"
              + "document.getElementById('password').value = arguments[1];"
              + "document.getElementById('sign-in-button').click()",
          MarqueeStack.ADMIN_EMAIL,
          stack.adminPassword());
      browser.await(() -> "browsing".equals(browser.js("return window.marquee.state")));

      List<Map<String, Double>> marquee = new ArrayList<>();
      List<Double> peer = new ArrayList<>();
      System.err.printf(
          "[bench] %d plays of each, alternating, after %d warm-up plays of each%n",
          PLAYS, WARM_UP);
      for (int i = 0; i < WARM_UP + PLAYS; i++) {
        Map<String, Double> marks = playWithMarquee(browser, title);
        double alone = playWithShakaAlone(browser, title);
        if (i >= WARM_UP) {
          marquee.add(marks);
          peer.add(alone);
        }
      }
      print(marquee, peer, browser.js("return navigator.userAgent").toString());
      write(marquee, peer);
    }
  }

  /** Clicks Play, waits for the first frame, stops; the player's marks (ms after the click). */
  private static Map<String, Double> playWithMarquee(Chromium browser, String title) {
    if (Boolean.getBoolean("bench.timeline")) {
      browser.js(
          "window.benchEvents = [];"
              + "if (!shaka.Player.prototype.benchWrapped) { shaka.Player.prototype.benchWrapped = true;"
              + " const d = shaka.Player.prototype.dispatchEvent;"
              + " shaka.Player.prototype.dispatchEvent = function (e) {"
              + "  if (window.marquee.clickedAt) window.benchEvents.push(e.type + '@' + Math.round(performance.now() - window.marquee.clickedAt)"
              + " + (e.error ? '[' + e.error.code + ' ' + JSON.stringify(e.error.data).slice(0, 300) + ']' : '') + (e.request ? '<' + e.request.uris[0].slice(0, 60) + '>' : ''));"
              + "  return d.call(this, e); }; }");
    }
    browser.js(
        "window.marquee.startupMs = undefined;"
            + "document.querySelector(\"#titles li[data-title-id='\" + arguments[0] + \"'] button.play\").click()",
        title);
    browser.await(() -> browser.js("return window.marquee.startupMs") != null);
    @SuppressWarnings("unchecked")
    Map<String, Object> marks = (Map<String, Object>) browser.js("return window.marquee.marks");
    if (Boolean.getBoolean("bench.timeline")) {
      System.err.println(
          "[bench] timeline "
              + marks
              + " "
              + browser.js(
                  "const t0 = window.marquee.clickedAt;"
                      + "return performance.getEntriesByType('resource')"
                      + ".filter(e => e.startTime >= t0)"
                      + ".map(e => e.name.replace(location.origin, '').replace(/\\?.*/, '').slice(-40)"
                      + " + ' ' + Math.round(e.startTime - t0) + '-' + Math.round(e.requestStart - t0)"
                      + " + '-' + Math.round(e.responseStart - t0) + '-' + Math.round(e.responseEnd - t0)).join(' | ')"));
      browser.js("performance.clearResourceTimings()");
      System.err.println("[bench] events " + browser.js("return window.benchEvents.join(' ')"));
    }
    Map<String, Double> ms = new LinkedHashMap<>();
    marks.forEach((k, v) -> ms.put(k, ((Number) v).doubleValue()));
    browser.js("document.getElementById('stop').click()");
    browser.await(
        () ->
            Boolean.TRUE.equals(
                browser.js("return !window.marquee.session && !window.marquee.player")));
    if (!"[]".equals(browser.js("return JSON.stringify(window.marquee.errors)"))) {
      throw new IllegalStateException(
          "player errors: " + browser.js("return JSON.stringify(window.marquee.errors)"));
    }
    return ms;
  }

  /**
   * The peer: the same shaka-player on the same segments, with a static manifest and the keys given
   * up front (fetched before the clock starts), timed from load to first frame.
   */
  private static double playWithShakaAlone(Chromium browser, String title) {
    Object result =
        browser.driver.executeAsyncScript(
            """
            const done = arguments[arguments.length - 1];
            const titleId = arguments[0];
            (async () => {
              const m = window.marquee;
              const auth = { Authorization: 'Bearer ' + sessionStorage.getItem('marquee.accessToken') };
              const s = await (await fetch('/api/playback/sessions', { method: 'POST',
                headers: Object.assign({ 'Content-Type': 'application/json' }, auth),
                body: JSON.stringify({ titleId, profileId: m.profile, deviceId: m.device }) })).json();
              let mpd = await (await fetch(s.manifests.dash, { headers: { 'X-Playback-Session': s.token } })).text();
              mpd = mpd.split('"/api/origin/').join('"' + location.origin + '/api/origin/');
              const kids = Object.values(s.keyIds).map((k) => OfflineDownloads.base64url(k));
              const licence = await (await fetch(s.licence.clearKeyUrl, { method: 'POST',
                headers: { 'X-Playback-Session': s.token },
                body: JSON.stringify({ kids, type: 'temporary' }) })).json();
              const clearKeys = {};
              for (const k of licence.keys) clearKeys[OfflineDownloads.hex(k.kid)] = OfflineDownloads.hex(k.k);
              await fetch('/api/playback/sessions/' + s.sessionId, { method: 'DELETE', headers: auth });
              const uri = 'data:application/dash+xml;base64,' + btoa(mpd);
              document.getElementById('watch').hidden = false;
              const video = document.getElementById('video');
              const t0 = performance.now();
              const player = new shaka.Player();
              await player.attach(video);
              player.configure({ drm: { clearKeys } });
              await player.load(uri);
              video.muted = true;
              const first = new Promise((r) => video.requestVideoFrameCallback(() => r()));
              await video.play();
              await first;
              const ms = performance.now() - t0;
              await player.destroy();
              document.getElementById('watch').hidden = true;
              done(ms);
            })().catch((e) => done('error: ' + e));
            """,
            title);
    if (!(result instanceof Number n)) {
      throw new IllegalStateException("the shaka-player-alone play failed: " + result);
    }
    return n.doubleValue();
  }

  private static void print(List<Map<String, Double>> marquee, List<Double> peer, String agent) {
    double[] total = marquee.stream().mapToDouble(m -> m.get("firstFrame")).sorted().toArray();
    double[] alone = peer.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    System.out.println();
    System.out.println("Marquee startup benchmark (play pressed -> first frame, loopback)");
    System.out.println("=================================================================");
    System.out.printf("Machine  %d CPUs (nproc)%n", Runtime.getRuntime().availableProcessors());
    System.out.printf("Browser  %s (headless)%n", agent);
    System.out.printf(
        "Plays    %d measured per side, alternating, after %d warm-up%n", total.length, WARM_UP);
    System.out.println();
    System.out.printf("%-58s %8s %8s %8s%n", "", "p50 ms", "p95 ms", "max ms");
    row("Marquee web player (session, manifest, licence, segments)", total);
    for (String mark : List.of("session", "manifest", "licence")) {
      row(
          "  of which: until the " + mark + " answered",
          marquee.stream()
              .filter(m -> m.containsKey(mark))
              .mapToDouble(m -> m.get(mark))
              .sorted()
              .toArray());
    }
    row("shaka-player alone (static manifest, keys given)", alone);
    System.out.println();
    System.out.printf(
        "Ratio Marquee / shaka alone: p50 %.2fx, p95 %.2fx%n",
        percentile(total, 0.50) / percentile(alone, 0.50),
        percentile(total, 0.95) / percentile(alone, 0.95));
    System.out.printf(
        "Target p95 < 1000 ms: %s (p95 %.0f ms)%n",
        percentile(total, 0.95) < 1000 ? "met" : "NOT met", percentile(total, 0.95));
  }

  /** {@code bench/results/startup.json}: the figures and the 1.5x target at p95. */
  private static void write(List<Map<String, Double>> marquee, List<Double> peer)
      throws java.io.IOException {
    double[] total = marquee.stream().mapToDouble(m -> m.get("firstFrame")).sorted().toArray();
    double[] alone = peer.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    ResultsFile results = new ResultsFile("startup", "bash bench/startup-bench.sh");
    results
        .figure("plays", total.length)
        .figure("marqueeP50Ms", percentile(total, 0.50))
        .figure("marqueeP95Ms", percentile(total, 0.95))
        .figure("shakaAloneP50Ms", percentile(alone, 0.50))
        .figure("shakaAloneP95Ms", percentile(alone, 0.95));
    for (String mark : List.of("session", "manifest", "licence")) {
      double[] at =
          marquee.stream()
              .filter(m -> m.containsKey(mark))
              .mapToDouble(m -> m.get(mark))
              .sorted()
              .toArray();
      results.figure(mark + "AnsweredP50Ms", percentile(at, 0.50));
    }
    double p95 = percentile(total, 0.95) / percentile(alone, 0.95);
    results
        .ratio("p50MarqueeVsShakaAlone", percentile(total, 0.50) / percentile(alone, 0.50))
        .ratio("p95MarqueeVsShakaAlone", p95)
        .target(
            "playToFirstFrame",
            "play pressed to first frame, p95, at most 1.5x shaka-player alone's",
            p95 <= 1.5)
        .target(
            "underOneSecond",
            "play pressed to first frame, p95, under 1 s",
            percentile(total, 0.95) < 1000)
        .write();
  }

  private static void row(String name, double[] sorted) {
    System.out.printf(
        "%-58s %8.0f %8.0f %8.0f%n",
        name, percentile(sorted, 0.50), percentile(sorted, 0.95), sorted[sorted.length - 1]);
  }

  /** Nearest-rank percentile of sorted values. */
  static double percentile(double[] sorted, double p) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    return sorted[(int) Math.max(0, Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1))];
  }

  /** Debian's Chromium, headless, as the browser tests run it. */
  private static final class Chromium implements AutoCloseable {
    final ChromeDriver driver;

    Chromium() {
      Path binary = Path.of("/usr/bin/chromium");
      Path chromedriver = Path.of("/usr/bin/chromedriver");
      if (!Files.isExecutable(binary) || !Files.isExecutable(chromedriver)) {
        throw new IllegalStateException(
            "The startup bench needs Chromium and its driver: apt-get install chromium chromium-driver");
      }
      ChromeOptions options = new ChromeOptions();
      options.setBinary(binary.toFile());
      options.addArguments(
          "--headless=new",
          "--no-sandbox",
          "--disable-dev-shm-usage",
          "--autoplay-policy=no-user-gesture-required",
          "--mute-audio",
          "--window-size=1280,900");
      driver =
          new ChromeDriver(
              new ChromeDriverService.Builder()
                  .usingDriverExecutable(chromedriver.toFile())
                  .build(),
              options);
      driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
    }

    Object js(String script, Object... args) {
      return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    void await(Supplier<Boolean> condition) {
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
          Thread.sleep(20);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException(e);
        }
      }
      throw new IllegalStateException(
          "waited 60 s; player: "
              + js(
                  "return JSON.stringify({state: window.marquee.state, errors: window.marquee.errors})"));
    }

    @Override
    public void close() {
      driver.quit();
    }
  }
}
