package dev.marquee.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CredentialStoreTest {
  @TempDir Path home;

  private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

  @Test
  void keepsOneSignInPerServer() {
    var store = new CredentialStore(new ConfigDir(home));
    var staging = new Credentials("https://staging.example", "a1", NOW, "r1", "d1");
    var production = new Credentials("https://vod.example", "a2", NOW, "r2", null);
    store.save(staging);
    store.save(production);

    assertThat(store.find("https://staging.example")).contains(staging);
    assertThat(store.find("https://vod.example")).contains(production);
    assertThat(store.remove("https://staging.example")).isTrue();
    assertThat(store.find("https://staging.example")).isEmpty();
    assertThat(store.find("https://vod.example")).contains(production);
    assertThat(store.remove("https://staging.example")).isFalse();
  }

  @Test
  void anAccessTokenCountsAsExpiredShortlyBeforeItsEnd() {
    var credentials =
        Credentials.fromTokenResponse(
            "http://127.0.0.1:9080",
            Json.parseObject(
                "{\"access_token\":\"a\",\"token_type\":\"Bearer\",\"expires_in\":900,"
                    + "\"refresh_token\":\"r\",\"device_id\":\"d\"}"),
            NOW);
    assertThat(credentials.expiresAt()).isEqualTo(NOW.plusSeconds(900));
    assertThat(credentials.expired(Clock.fixed(NOW.plusSeconds(800), ZoneOffset.UTC))).isFalse();
    // Within the margin the server might refuse it by the time it arrives.
    assertThat(credentials.expired(Clock.fixed(NOW.plusSeconds(880), ZoneOffset.UTC))).isTrue();
    assertThat(credentials.expired(Clock.fixed(NOW.plusSeconds(900), ZoneOffset.UTC))).isTrue();
  }
}
