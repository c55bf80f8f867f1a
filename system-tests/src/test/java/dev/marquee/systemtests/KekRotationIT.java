package dev.marquee.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.media.testing.SyntheticMaster;
import jakarta.json.JsonObject;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * An operator rotates the key-encryption key: lists a new KEK first (keeping the old one), re-wraps
 * every content key, then removes the old KEK. Every title stays playable with the same content
 * keys. Restarts Liberty, so it runs late.
 */
@ExtendWith(RunningMarquee.class)
@Order(Integer.MAX_VALUE - 2)
class KekRotationIT {
  @TempDir Path folder;
  private final Api api = RunningMarquee.api();

  @Test
  void reWrappingUnderANewKekKeepsEveryTitlePlayableWithItsKeys() throws Exception {
    Path master = folder.resolve("master.mp4");
    new SyntheticMaster(320, 180, 25, 1, false, List.of("eng")).writeTo(master);
    String creator = Creators.newCreator(api);
    String title = Creators.ingest(api, creator, master);
    Creators.awaitPublished(api, creator, title, Duration.ofMinutes(3));
    Map<String, String> before = Viewers.keysOf(api, title, "GB");

    var liberty = RunningMarquee.stack().liberty();
    String old = liberty.environment("MARQUEE_DRM_KEKS");
    assertThat(old).startsWith("kek-1:");
    byte[] material = new byte[32];
    new SecureRandom().nextBytes(material);
    String fresh = "kek-2:" + Base64.getEncoder().encodeToString(material);

    restartWith(fresh + "," + old);
    String operator = Viewers.admin(api);
    JsonObject status = api.get("/api/drm/keys", operator).json();
    assertThat(status.getString("activeKek")).isEqualTo("kek-2");
    long underOld = status.getJsonObject("keysByKek").getJsonNumber("kek-1").longValue();
    assertThat(underOld).isGreaterThanOrEqualTo(2);
    // Until re-wrapped, keys under the old KEK still open.
    assertThat(Viewers.keysOf(api, title, "GB")).isEqualTo(before);

    JsonObject rewrap = api.post("/api/drm/keys/rewrap", operator).json();
    assertThat(rewrap.getInt("rewrapped")).isEqualTo((int) underOld);
    assertThat(rewrap.getJsonObject("keysByKek").keySet()).containsExactly("kek-2");

    restartWith(fresh);
    assertThat(Viewers.keysOf(api, title, "GB")).isEqualTo(before);
    JsonObject after = api.get("/api/drm/keys", Viewers.admin(api)).json();
    assertThat(after.getJsonObject("keysByKek").keySet()).containsExactly("kek-2");
  }

  private void restartWith(String keks) throws Exception {
    var liberty = RunningMarquee.stack().liberty();
    liberty.stop();
    liberty.environment("MARQUEE_DRM_KEKS", keks);
    liberty.start();
    liberty.awaitReady(Duration.ofMinutes(3));
  }
}
