package dev.marquee.catalog.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ShareLinksTest {
  private static ShareLinks links(String secret) {
    ShareLinks links = new ShareLinks();
    links.configuredSecret = Optional.of(secret);
    links.validity = Duration.ofDays(30);
    return links;
  }

  private final ShareLinks links = links("a share-link secret of at least 32 bytes");
  private final UUID title = UUID.fromString("0b6f3a52-6c1e-4d8e-a4a5-2d9b1c0e7f11");

  @Test
  void aLinkOpensItsTitleUntilItExpires() {
    ShareLinks.Verdict.Valid issued = links.issue(title);

    assertThat(issued.expiresAt())
        .isBetween(
            Instant.now().plus(Duration.ofDays(29)), Instant.now().plus(Duration.ofDays(31)));
    assertThat(links.verify(links.token(issued))).isEqualTo(issued);
  }

  @Test
  void aGenuineLinkPastItsExpiryIsExpiredNotForged() {
    Instant past = Instant.now().minus(Duration.ofMinutes(1)).truncatedTo(ChronoUnit.SECONDS);
    String token = links.token(new ShareLinks.Verdict.Valid(title, past));

    assertThat(links.verify(token)).isEqualTo(new ShareLinks.Verdict.Expired(past));
  }

  @Test
  void aChangedTitleExpiryOrSignatureIsForged() {
    String token = links.token(links.issue(title));
    String[] parts = token.split("\\.");

    String otherTitle = UUID.randomUUID() + "." + parts[1] + "." + parts[2];
    String longer = parts[0] + "." + (Long.parseLong(parts[1]) + 86_400) + "." + parts[2];
    String resigned = parts[0] + "." + parts[1] + "." + parts[2].substring(1) + "A";
    for (String forged : new String[] {otherTitle, longer, resigned, "", "a.b", null}) {
      assertThat(links.verify(forged))
          .as(String.valueOf(forged))
          .isInstanceOf(ShareLinks.Verdict.Forged.class);
    }
  }

  @Test
  void anotherServersSecretDoesNotOpenTheLink() {
    String token = links.token(links.issue(title));

    assertThat(links("another secret, also at least 32 bytes long").verify(token))
        .isInstanceOf(ShareLinks.Verdict.Forged.class);
  }
}
