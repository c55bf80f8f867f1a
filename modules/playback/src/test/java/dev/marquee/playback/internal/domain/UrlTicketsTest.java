package dev.marquee.playback.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class UrlTicketsTest {
  private static final String PATH = "/api/playback/manifests/x/manifest.mpd";
  private final SessionTokens tokens = SessionTokens.withSecret(new byte[32]);
  private final UrlTickets tickets = UrlTickets.with(tokens);
  private final UUID session = UUID.randomUUID();
  private final Instant now = Instant.parse("2026-03-01T12:00:00Z");

  @Test
  void aTicketOpensItsPathForItsSessionUntilItExpires() throws Exception {
    String ticket = tickets.issue(PATH, session, now.plusSeconds(600));
    UrlTickets.Ticket t = tickets.verify(PATH, ticket, now);
    assertThat(t.session()).isEqualTo(session);
    assertThat(t.expiresAt()).isEqualTo(now.plusSeconds(600));
    assertThat(tickets.verify(PATH, ticket, now.plusSeconds(599)).session()).isEqualTo(session);
  }

  @Test
  void anExpiredTicketIsRefusedAsExpired() {
    String ticket = tickets.issue(PATH, session, now.minusSeconds(1));
    assertThatThrownBy(() -> tickets.verify(PATH, ticket, now))
        .isInstanceOfSatisfying(UrlTickets.Rejected.class, r -> assertThat(r.expired()).isTrue());
    String atExpiry = tickets.issue(PATH, session, now);
    assertThatThrownBy(() -> tickets.verify(PATH, atExpiry, now))
        .isInstanceOf(UrlTickets.Rejected.class);
  }

  @Test
  void aTicketOpensNoOtherPathSessionOrExpiry() {
    String ticket = tickets.issue(PATH, session, now.plusSeconds(600));
    String[] parts = ticket.split("\\.");
    for (String other :
        new String[] {
          UUID.randomUUID() + "." + parts[1] + "." + parts[2],
          parts[0] + "." + (Long.parseLong(parts[1]) + 3600) + "." + parts[2],
          parts[0] + ".0" + parts[1] + "." + parts[2],
          parts[0].toUpperCase() + "." + parts[1] + "." + parts[2],
          parts[0] + "." + parts[1] + "." + parts[2] + "x",
          "not-a-ticket",
          "",
        }) {
      assertThatThrownBy(() -> tickets.verify(PATH, other, now))
          .as(other)
          .isInstanceOfSatisfying(
              UrlTickets.Rejected.class, r -> assertThat(r.expired()).isFalse());
    }
    assertThatThrownBy(() -> tickets.verify(PATH.replace(".mpd", ".m3u8"), ticket, now))
        .hasMessageContaining("not issued for this URL");
  }

  @Test
  void aSessionTokenSignatureIsNoTicket() {
    String token =
        tokens.issue(
            new SessionTokens.Claims(
                session, session, session, session, session, now.getEpochSecond() + 600));
    String signature = token.substring(token.indexOf('.') + 1);
    assertThatThrownBy(
            () ->
                tickets.verify(
                    PATH, session + "." + (now.getEpochSecond() + 600) + "." + signature, now))
        .isInstanceOf(UrlTickets.Rejected.class);
  }
}
