package dev.marquee.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class DevStackBannerTest {
  @Test
  void tellsWhereToGoWhoTheAdminIsAndWhereTheDemoTitleIs() {
    String banner =
        DevStack.banner(
            "http://127.0.0.1:9080",
            "s3cret",
            Path.of("/home/ada/.marquee"),
            "title-42",
            "ingested now, transcoding in the background");
    assertThat(banner)
        .contains("Marquee is up: http://127.0.0.1:9080")
        .contains("http://127.0.0.1:9080/openapi/ui/")
        .contains("admin@marquee.local  /  s3cret")
        .contains("/home/ada/.marquee/secrets/admin-password")
        .contains("Demo title:     title-42 (ingested now, transcoding in the background")
        .contains("Console        http://127.0.0.1:9080/console/")
        .contains("follow it as the admin at\n   http://127.0.0.1:9080/console/jobs/")
        .doesNotContain("%");
  }

  @Test
  void saysSoWhenThereIsNoDemoTitle() {
    assertThat(DevStack.banner("http://127.0.0.1:9080", "pw", Path.of("/tmp/m"), null, null))
        .contains("Demo title:     none");
  }

  @Test
  void aDemoTitleFromAnEarlierStartIsNotSaidToBeTranscoding() {
    assertThat(
            DemoTitle.describe(Json.createObjectBuilder().add("batchStatus", "COMPLETED").build()))
        .isEqualTo("from an earlier start, transcoded and ready to play");
    assertThat(
            DemoTitle.describe(
                Json.createObjectBuilder().add("id", "j-1").add("batchStatus", "FAILED").build()))
        .contains("FAILED")
        .contains("POST /api/transcode/jobs/j-1/restart")
        .doesNotContain("transcoding in the background");
  }
}
