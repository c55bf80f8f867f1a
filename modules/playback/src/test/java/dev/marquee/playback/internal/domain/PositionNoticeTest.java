package dev.marquee.playback.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PositionNoticeTest {
  @Test
  void readsThePositionTheTriggerWrote() {
    UUID profile = UUID.randomUUID();
    UUID title = UUID.randomUUID();
    UUID device = UUID.randomUUID();
    Position p =
        PositionNotice.parse(
            profile + "," + title + "," + device + ",61500,1796418000123456,1796418000200001,t");
    assertThat(p.profileId()).isEqualTo(profile);
    assertThat(p.titleId()).isEqualTo(title);
    assertThat(p.deviceId()).isEqualTo(device);
    assertThat(p.positionMs()).isEqualTo(61_500);
    assertThat(p.clientTime()).isEqualTo(Instant.parse("2026-12-04T21:00:00.123456Z"));
    assertThat(p.updatedAt()).isEqualTo(Instant.parse("2026-12-04T21:00:00.200001Z"));
    assertThat(p.watched()).isTrue();
  }

  @Test
  void refusesAPayloadOfAnotherShape() {
    assertThatThrownBy(() -> PositionNotice.parse("a,b"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
