package dev.marquee.systemtests;

import static dev.marquee.systemtests.ConsolePages.await;
import static dev.marquee.systemtests.ConsolePages.fetchStatus;
import static dev.marquee.systemtests.ConsolePages.look;
import static dev.marquee.systemtests.ConsolePages.signIn;
import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.devstack.MarqueeStack;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The admin's keys page in Chromium, on the stack's KEKs as configured (kek-1 active, kek-0 still
 * listed): the KEK ids and the content keys under each, as the database counts them, and no key
 * material; a key put under kek-0 is re-wrapped under kek-1 after a confirmation (a "No" changes
 * nothing), the page says how many moved, the counts move and the audit names the admin; a key
 * under a KEK that is not configured is said to be unreadable, and a re-wrap is then refused with a
 * message naming that KEK, nothing re-wrapped (a kek-0 key stays under kek-0). An operator is
 * refused the page and its action; axe-core finds no serious or critical violation.
 */
@ExtendWith(RunningMarquee.class)
class KeysBrowserIT {
  private static final Api api = RunningMarquee.api();
  private static Browser browser;
  private final List<UUID> keysOfTheTest = new ArrayList<>();

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

  /** The test's own content keys go, whatever happened: others re-wrap after this test. */
  @AfterEach
  void removeTheTestsKeys() {
    for (UUID title : keysOfTheTest) {
      Database.update("DELETE FROM drm.content_keys WHERE title_id = ?", title);
    }
  }

  @Test
  void anAdminSeesTheKeksAndReWrapsTheContentKeysUnderTheActiveOne() throws Exception {
    Map<String, String> ring = ring();
    assertThat(ring.keySet()).containsExactly("kek-1", "kek-0");
    putKeyUnder("kek-0", ring.get("kek-0"));

    signIn(browser, api, MarqueeStack.ADMIN_EMAIL, RunningMarquee.stack().adminPassword());
    browser.driver.findElement(By.cssSelector("nav a[href$='/console/admin/keys.xhtml']")).click();
    await(() -> !browser.driver.findElements(By.id("keks")).isEmpty(), "the keys page");
    Map<String, String> counted = countedByKek();
    String underKek1 = counted.getOrDefault("kek-1", "0");
    assertThat(keys("kek-1")).isEqualTo(underKek1);
    assertThat(keys("kek-0")).isEqualTo("1");
    assertThat(state("kek-1")).startsWith("Active");
    assertThat(state("kek-0")).isEqualTo("Configured, not active");
    assertThat(browser.driver.findElements(By.cssSelector("tr[data-configured='false']")))
        .isEmpty();
    assertThat(browser.driver.findElements(By.id("unreadable"))).isEmpty();
    String page = browser.driver.getPageSource();
    for (String material : ring.values()) {
      assertThat(page).doesNotContain(material);
    }
    look(browser, "keys");

    // "No" in the confirmation changes nothing.
    rewrapButton().click();
    WebElement dialog = confirmation();
    assertThat(dialog.getText()).contains("Re-wrap all content keys?", "kek-1");
    browser.driver.findElement(By.id("keys:confirmNo")).click();
    await(
        () -> !browser.driver.findElement(By.cssSelector(".ui-confirm-dialog")).isDisplayed(),
        "the confirmation closed");
    assertThat(browser.driver.findElements(By.id("rewrapResult"))).isEmpty();
    assertThat(countedByKek()).isEqualTo(counted);

    rewrapButton().click();
    confirmation();
    look(browser, "keys-confirm");
    browser.driver.findElement(By.id("keys:confirmYes")).click();
    await(() -> !browser.driver.findElements(By.id("rewrapResult")).isEmpty(), "the result");
    long underActive = Long.parseLong(underKek1) + 1;
    assertThat(browser.driver.findElement(By.id("rewrapResult")).getText())
        .isEqualTo(
            "Re-wrapped 1 content key under kek-1; "
                + underActive
                + " of "
                + underActive
                + " content keys are now under it.");
    assertThat(keys("kek-0")).isEqualTo("0");
    assertThat(keys("kek-1")).isEqualTo(Long.toString(underActive));
    assertThat(countedByKek()).containsOnlyKeys("kek-1");
    WebElement done = latestAction();
    assertThat(text(done, ".by")).isEqualTo(MarqueeStack.ADMIN_EMAIL);
    assertThat(text(done, ".via")).isEqualTo("Console");
    assertThat(text(done, ".outcome")).isEqualTo("Done");
    assertThat(text(done, ".rewrapped")).isEqualTo("1");
    look(browser, "keys-rewrapped");

    // A key under a KEK no longer configured: said plainly, and a re-wrap is refused whole.
    putKeyUnder("kek-0", ring.get("kek-0"));
    putKeyUnder("kek-retired", Base64.getEncoder().encodeToString(new byte[32]));
    browser.driver.navigate().refresh();
    await(() -> !browser.driver.findElements(By.id("unreadable")).isEmpty(), "the warning");
    assertThat(keys("kek-retired")).isEqualTo("1");
    assertThat(state("kek-retired")).contains("Not configured", "cannot be unwrapped");
    assertThat(browser.driver.findElement(By.id("unreadable")).getText())
        .startsWith("1 content key is wrapped by kek-retired")
        .contains("cannot be unwrapped");
    look(browser, "keys-unreadable");

    rewrapButton().click();
    confirmation();
    browser.driver.findElement(By.id("keys:confirmYes")).click();
    By refusal = By.id("rewrapRefused");
    await(() -> !browser.driver.findElements(refusal).isEmpty(), "the refusal");
    assertThat(browser.driver.findElement(refusal).getText())
        .startsWith("Nothing was re-wrapped: 1 content key is wrapped by key-encryption key")
        .contains("kek-retired", "MARQUEE_DRM_KEKS");
    assertThat(browser.driver.getPageSource()).doesNotContain("Exception", "at dev.marquee");
    assertThat(countedByKek()).containsEntry("kek-0", "1").containsEntry("kek-retired", "1");
    assertThat(keys("kek-0")).isEqualTo("1");
    WebElement failed = latestAction();
    assertThat(text(failed, ".outcome"))
        .as(
            browser.driver.findElement(By.id("keyActions")).getText()
                + " / in the database: "
                + Database.pairs("SELECT id, outcome FROM drm.key_actions ORDER BY id"))
        .isEqualTo("Failed");
    assertThat(text(failed, ".rewrapped")).isEqualTo("0");
    assertThat(text(failed, ".detail")).contains("kek-retired");
    look(browser, "keys-rewrap-refused");
  }

  @Test
  void anOperatorIsRefusedTheKeysPageAndItsAction() throws Exception {
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
    long actions =
        Long.parseLong(Database.pairs("SELECT 1, count(*) FROM drm.key_actions").get("1"));

    signIn(browser, api, operator, Viewers.PASSWORD);
    assertThat(fetchStatus(browser, "GET", "/console/admin/keys.xhtml", null)).isEqualTo(403);
    assertThat(
            fetchStatus(
                browser,
                "POST",
                "/console/admin/keys.xhtml",
                "keys=keys&keys%3Arewrap=keys%3Arewrap&jakarta.faces.ViewState=1"))
        .isEqualTo(403);
    assertThat(browser.driver.findElements(By.cssSelector("a[href$='keys.xhtml']"))).isEmpty();
    browser.driver.get(api.baseUrl() + "/console/admin/keys.xhtml");
    assertThat(browser.driver.findElement(By.tagName("h1")).getText()).isEqualTo("Not allowed");
    assertThat(Database.pairs("SELECT 1, count(*) FROM drm.key_actions").get("1"))
        .isEqualTo(Long.toString(actions));
  }

  /** The stack's KEKs, id to base64 material, in configuration order. */
  private static Map<String, String> ring() {
    Map<String, String> ring = new LinkedHashMap<>();
    for (String entry :
        RunningMarquee.stack().liberty().environment("MARQUEE_DRM_KEKS").split(",")) {
      int colon = entry.indexOf(':');
      ring.put(entry.substring(0, colon).strip(), entry.substring(colon + 1).strip());
    }
    return ring;
  }

  /** A content key of a title of the test's own, wrapped as drm wraps (AES-256-GCM, its AAD). */
  private void putKeyUnder(String kekId, String material) throws Exception {
    UUID title = UUID.randomUUID();
    UUID kid = UUID.randomUUID();
    byte[] key = new byte[16];
    byte[] nonce = new byte[12];
    SecureRandom random = new SecureRandom();
    random.nextBytes(key);
    random.nextBytes(nonce);
    Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
    c.init(
        Cipher.ENCRYPT_MODE,
        new SecretKeySpec(Base64.getDecoder().decode(material), "AES"),
        new GCMParameterSpec(128, nonce));
    c.updateAAD((title + "|SD|" + kid).getBytes(StandardCharsets.US_ASCII));
    byte[] sealed = c.doFinal(key);
    byte[] wrapped = new byte[nonce.length + sealed.length];
    System.arraycopy(nonce, 0, wrapped, 0, nonce.length);
    System.arraycopy(sealed, 0, wrapped, nonce.length, sealed.length);
    keysOfTheTest.add(title);
    Database.update(
        "INSERT INTO drm.content_keys (title_id, track_type, key_id, wrapped, kek_id, created_at)"
            + " VALUES (?, 'SD', ?, ?, ?, ?)",
        title,
        kid,
        wrapped,
        kekId,
        Timestamp.from(Instant.now()));
  }

  private static Map<String, String> countedByKek() {
    return Database.pairs(
        "SELECT kek_id, count(*) FROM drm.content_keys GROUP BY kek_id ORDER BY kek_id");
  }

  private static WebElement rewrapButton() {
    return browser.driver.findElement(By.id("keys:rewrap"));
  }

  private static WebElement confirmation() {
    By dialog = By.cssSelector(".ui-confirm-dialog");
    await(() -> browser.driver.findElement(dialog).isDisplayed(), "the confirmation dialog");
    return browser.driver.findElement(dialog);
  }

  private static String keys(String kek) {
    return text(row(kek), ".keys");
  }

  private static String state(String kek) {
    return text(row(kek), ".state");
  }

  private static WebElement row(String kek) {
    return browser.driver.findElement(By.cssSelector("#keks tr[data-kek='" + kek + "']"));
  }

  private static WebElement latestAction() {
    return browser.driver.findElement(By.cssSelector("#keyActions tbody tr"));
  }

  private static String text(WebElement in, String css) {
    return in.findElement(By.cssSelector(css)).getText();
  }
}
