package dev.marquee.catalog.internal.domain;

import dev.marquee.platform.api.HmacKeys;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Share links: {@code <title uuid>.<expiry epoch seconds>.<base64url HMAC-SHA256>}, verifiable by
 * any server with the shared secret and no database; they open the title's page, not the video.
 */
@ApplicationScoped
public class ShareLinks {
  @Inject
  @ConfigProperty(name = "marquee.catalog.share-secret")
  Optional<String> configuredSecret;

  @Inject
  @ConfigProperty(name = "marquee.catalog.share-validity", defaultValue = "P30D")
  Duration validity;

  private volatile SecretKeySpec key;

  /** A verified link's title, or why it is refused. */
  public sealed interface Verdict {
    /** A genuine, unexpired link to this title. */
    record Valid(UUID title, Instant expiresAt) implements Verdict {}

    /** Genuine, but past its expiry. */
    record Expired(Instant expiredAt) implements Verdict {}

    /** Not made by Marquee (or tampered with). */
    record Forged() implements Verdict {}
  }

  /** A new link token for the title and its expiry. */
  public Verdict.Valid issue(UUID title) {
    Instant expires = Instant.now().plus(validity).truncatedTo(ChronoUnit.SECONDS);
    return new Verdict.Valid(title, expires);
  }

  public String token(Verdict.Valid link) {
    String body = link.title() + "." + link.expiresAt().getEpochSecond();
    return body + "." + sign(body);
  }

  public Verdict verify(String token) {
    String[] parts = token == null ? new String[0] : token.strip().split("\\.");
    if (parts.length != 3) {
      return new Verdict.Forged();
    }
    String body = parts[0] + "." + parts[1];
    if (!MessageDigest.isEqual(
        sign(body).getBytes(StandardCharsets.US_ASCII),
        parts[2].getBytes(StandardCharsets.US_ASCII))) {
      return new Verdict.Forged();
    }
    try {
      UUID title = UUID.fromString(parts[0]);
      Instant expires = Instant.ofEpochSecond(Long.parseLong(parts[1]));
      return Instant.now().isBefore(expires)
          ? new Verdict.Valid(title, expires)
          : new Verdict.Expired(expires);
    } catch (IllegalArgumentException e) {
      return new Verdict.Forged();
    }
  }

  private String sign(String body) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(
            HmacKeys.sign(key(), ("share|" + body).getBytes(StandardCharsets.US_ASCII)));
  }

  /** Checks the configured secret when the application starts (a short one keeps it not ready). */
  void checkSecretAtStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
    try {
      key();
    } catch (IllegalStateException refused) {
      // Logged once by HmacKeys, naming the variable; the readiness check "secrets" is DOWN.
    }
  }

  /** Made once, at first use; read without a lock afterwards (every request signs or checks). */
  private SecretKeySpec key() {
    SecretKeySpec k = key;
    return k != null ? k : makeKey();
  }

  private synchronized SecretKeySpec makeKey() {
    if (key == null) {
      key =
          HmacKeys.of(
              configuredSecret,
              "MARQUEE_CATALOG_SHARE_SECRET",
              "share links are signed with a random key of this server alone and die with it.");
    }
    return key;
  }
}
