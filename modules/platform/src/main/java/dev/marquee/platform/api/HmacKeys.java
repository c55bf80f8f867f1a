package dev.marquee.platform.api;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.logging.Logger;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 keys that every server of a cluster must share (signed URLs, share links, session
 * tokens). Without the configured secret a server makes a random key of its own and says, once,
 * what that breaks.
 */
public final class HmacKeys {
  private static final Logger LOG = Logger.getLogger(HmacKeys.class.getName());

  private HmacKeys() {}

  /**
   * The configured secret's UTF-8 bytes as a key, or a random one with a warning.
   *
   * @param variable the environment variable that sets it, for the warning
   * @param withoutIt what a random per-server key means for users, for the warning
   */
  public static SecretKeySpec of(Optional<String> configured, String variable, String withoutIt) {
    return ofBytes(
        configured
            .map(String::strip)
            .filter(s -> !s.isEmpty())
            .map(s -> s.getBytes(StandardCharsets.UTF_8)),
        variable,
        withoutIt);
  }

  /** As {@link #of}, for a secret already decoded to bytes (e.g. from base64). */
  public static SecretKeySpec ofBytes(
      Optional<byte[]> configured, String variable, String withoutIt) {
    byte[] secret = configured.orElse(null);
    if (secret == null) {
      secret = new byte[32];
      new SecureRandom().nextBytes(secret);
      LOG.warning(variable + " is not set: " + withoutIt);
    }
    return new SecretKeySpec(secret, "HmacSHA256");
  }
}
