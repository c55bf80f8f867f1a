package dev.marquee.console.internal.web.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.catalog.api.TitleEngagement;
import dev.marquee.catalog.api.TitleId;
import dev.marquee.playback.api.QoeTitleDay;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TitleDayRowTest {
  private static final UUID A = UUID.fromString("00000000-0000-0000-0000-00000000000a");
  private static final UUID B = UUID.fromString("00000000-0000-0000-0000-00000000000b");
  private static final UUID C = UUID.fromString("00000000-0000-0000-0000-00000000000c");

  @Test
  void engagementAndQoeAreJoinedByTitleAndATitleWithOnlyOneOfThemIsKept() {
    List<TitleDayRow> rows =
        TitleDayRow.join(
            List.of(
                new TitleEngagement(new TitleId(A), 2, 1),
                new TitleEngagement(new TitleId(B), 5, 0)),
            List.of(new QoeTitleDay(A, 2, 640.4, 0.5), new QoeTitleDay(C, 1, null, 0)),
            id -> "title " + id.value().toString().substring(35));
    assertThat(rows)
        .containsExactly(
            new TitleDayRow(B.toString(), "title b", 5, 0, 0, "", ""),
            new TitleDayRow(A.toString(), "title a", 2, 1, 2, "640", "50.00"),
            new TitleDayRow(C.toString(), "title c", 0, 0, 1, "", "0.00"));
  }
}
