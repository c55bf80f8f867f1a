package dev.marquee.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(RunningMarquee.class)
class OperationsIT {
  private final Api api = RunningMarquee.api();

  @Test
  void livenessAndReadinessAreUpWithTheDatabaseCheckNamed() {
    var live = api.get("/health/live");
    assertThat(live.status()).isEqualTo(200);
    assertThat(live.json().getString("status")).isEqualTo("UP");

    var ready = api.get("/health/ready");
    assertThat(ready.status()).isEqualTo(200);
    assertThat(
            ready.json().getJsonArray("checks").stream()
                .map(c -> c.asJsonObject().getString("name")))
        .contains("database");
  }

  @Test
  void readinessSaysHowPartitionsAreDispatched() {
    var ready = api.get("/health/ready");
    assertThat(ready.status()).isEqualTo(200);
    // The test stack encodes partitions on its own threads: no messaging needed, so UP.
    assertThat(
            ready.json().getJsonArray("checks").stream()
                .map(JsonValue::asJsonObject)
                .filter(c -> c.getString("name").equals("batch-partitions")))
        .as(ready.toString())
        .singleElement()
        .satisfies(
            check -> {
              assertThat(check.getString("status")).isEqualTo("UP");
              assertThat(check.getJsonObject("data").getString("mode")).isEqualTo("local");
            });
  }

  @Test
  void metricsAreExposedForScrapers() {
    api.get("/api/platform/info");
    var metrics = api.get("/metrics");
    assertThat(metrics.status()).isEqualTo(200);
    assertThat(metrics.body()).contains("jvm_uptime_seconds").contains("connectionpool");
  }

  @Test
  void theOpenApiDocumentDescribesTheApiAndHasABrowsableUi() {
    var document = api.get("/openapi");
    assertThat(document.status()).isEqualTo(200);
    assertThat(document.body())
        .contains("/api/oauth/token")
        .contains("/api/accounts/me/profiles")
        .contains("/api/oauth/device_authorization")
        .contains("bearer");
    var ui = api.get("/openapi/ui/");
    assertThat(ui.status()).isEqualTo(200);
    assertThat(ui.body()).containsIgnoringCase("<html");
  }

  @Test
  void thePlatformInfoIsPublic() {
    var info = api.get("/api/platform/info");
    assertThat(info.status()).isEqualTo(200);
    assertThat(info.json().getString("name")).isEqualTo("Marquee");
  }

  @Test
  void theLandingAndActivationPagesAreServed() {
    assertThat(api.get("/").body()).contains("Marquee").contains("/openapi/ui/");
    assertThat(api.get("/activate.html").body()).contains("Activate a device");
  }
}
