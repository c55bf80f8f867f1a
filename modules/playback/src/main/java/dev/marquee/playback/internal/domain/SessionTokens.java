package dev.marquee.playback.internal.domain;

import dev.marquee.platform.api.HmacKeys;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Playback-session tokens: {@code base64url(claims) "." base64url(HMAC-SHA256(claims))}, with the
 * claims {@code v1|session|account|profile|device|title|expiry-epoch-seconds}. Every server of a
 * deployment shares the secret ({@code MARQUEE_PLAYBACK_TOKEN_SECRET}), so any of them verifies a
 * token without a database round trip; the session row then says whether it is still live.
 */
@ApplicationScoped
public class SessionTokens {
  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder D64 = Base64.getUrlDecoder();

  @Inject
  @ConfigProperty(name = "marquee.playback.token-secret")
  Optional<String> configuredSecret;

  private volatile SecretKeySpec key;

  /** What a genuine token says. */
  public record Claims(
      UUID session, UUID account, UUID profile, UUID device, UUID title, long expiresEpochSecond) {}

  /** Why a token was refused before its session was looked at. */
  public static final class Rejected extends Exception {
    private static final long serialVersionUID = 1L;

    Rejected(String reason) {
      super(reason, null, false, false);
    }
  }

  public static SessionTokens withSecret(byte[] secret) {
    SessionTokens t = new SessionTokens();
    t.key = new SecretKeySpec(secret, "HmacSHA256");
    return t;
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
      var secret = configuredSecret.map(SessionTokens::decode);
      key =
          HmacKeys.ofBytes(
              secret,
              "MARQUEE_PLAYBACK_TOKEN_SECRET",
              "playback tokens are signed with a random key of this server alone; other servers"
                  + " will refuse them.");
    }
    return key;
  }

  private static byte[] decode(String text) {
    String t = text.strip();
    try {
      return t.contains("-") || t.contains("_") ? D64.decode(t) : Base64.getDecoder().decode(t);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("MARQUEE_PLAYBACK_TOKEN_SECRET is not base64.");
    }
  }

  public String issue(Claims c) {
    String claims =
        String.join(
            "|",
            "v1",
            c.session().toString(),
            c.account().toString(),
            c.profile().toString(),
            c.device().toString(),
            c.title().toString(),
            Long.toString(c.expiresEpochSecond()));
    byte[] payload = claims.getBytes(StandardCharsets.US_ASCII);
    return B64.encodeToString(payload) + "." + B64.encodeToString(mac(payload));
  }

  /** The claims of a genuine token; {@link Rejected} for anything forged, altered or malformed. */
  public Claims verify(String token) throws Rejected {
    int dot = token.indexOf('.');
    if (dot < 1 || token.length() > 1024) {
      throw new Rejected("The playback token is malformed.");
    }
    byte[] payload;
    byte[] signature;
    try {
      payload = D64.decode(token.substring(0, dot));
      signature = D64.decode(token.substring(dot + 1));
    } catch (IllegalArgumentException e) {
      throw new Rejected("The playback token is malformed.");
    }
    if (!MessageDigest.isEqual(mac(payload), signature)) {
      throw new Rejected("The playback token's signature does not match.");
    }
    String[] parts = new String(payload, StandardCharsets.US_ASCII).split("\\|");
    if (parts.length != 7 || !parts[0].equals("v1")) {
      throw new Rejected("The playback token has an unknown layout.");
    }
    try {
      return new Claims(
          UUID.fromString(parts[1]),
          UUID.fromString(parts[2]),
          UUID.fromString(parts[3]),
          UUID.fromString(parts[4]),
          UUID.fromString(parts[5]),
          Long.parseLong(parts[6]));
    } catch (IllegalArgumentException e) {
      throw new Rejected("The playback token's claims are malformed.");
    }
  }

  /** HMAC-SHA256 with the deployment's playback secret (also signs {@link UrlTickets}). */
  public byte[] mac(byte[] payload) {
    return HmacKeys.sign(key(), payload);
  }
}
