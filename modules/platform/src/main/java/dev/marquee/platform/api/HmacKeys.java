package dev.marquee.platform.api;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.logging.Logger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 keys that every server of a cluster must share (signed URLs, share links, session
 * tokens). Without the configured secret a server makes a random key of its own and says, once,
 * what that breaks. A configured secret shorter than 32 bytes is refused: the key is not made, the
 * server logs why, naming the variable, and the readiness check {@code secrets} stays DOWN.
 */
public final class HmacKeys {
  /** RFC 2104 and NIST SP 800-107: an HMAC-SHA256 key shorter than the hash weakens it. */
  public static final int MINIMUM_BYTES = 32;

  private static final Logger LOG = Logger.getLogger(HmacKeys.class.getName());

  /** Variable name to why its secret was refused; read by the readiness check. */
  private static final Map<String, String> REFUSED = new ConcurrentSkipListMap<>();

  private HmacKeys() {}

  /**
   * The configured secret's UTF-8 bytes as a key, or a random one with a warning.
   *
   * @param variable the environment variable that sets it, for the warning
   * @param withoutIt what a random per-server key means for users, for the warning
   * @throws IllegalStateException if the configured secret is shorter than {@link #MINIMUM_BYTES}
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
      secret = new byte[MINIMUM_BYTES];
      new SecureRandom().nextBytes(secret);
      LOG.warning(variable + " is not set: " + withoutIt);
    } else if (secret.length < MINIMUM_BYTES) {
      String why =
          variable
              + " holds "
              + secret.length
              + " bytes; an HMAC-SHA256 secret needs at least "
              + MINIMUM_BYTES
              + " random bytes. Set a longer one (e.g. openssl rand -base64 32).";
      if (REFUSED.put(variable, why) == null) {
        LOG.severe(why);
      }
      throw new IllegalStateException(why);
    }
    REFUSED.remove(variable);
    return new SecretKeySpec(secret, "HmacSHA256");
  }

  /** The secrets refused so far (variable to reason), for the readiness check. */
  public static Map<String, String> refused() {
    return Map.copyOf(REFUSED);
  }

  /**
   * One HMAC-SHA256 engine per thread: {@code Mac.getInstance} searches the providers each time.
   */
  private static final ThreadLocal<Mac> MACS =
      ThreadLocal.withInitial(
          () -> {
            try {
              return Mac.getInstance("HmacSHA256");
            } catch (NoSuchAlgorithmException e) {
              throw new IllegalStateException("HMAC-SHA256 is not available", e);
            }
          });

  /** HMAC-SHA256 of {@code payload} under {@code key}, on this thread's engine. */
  public static byte[] sign(SecretKeySpec key, byte[] payload) {
    Mac mac = MACS.get();
    try {
      mac.init(key);
    } catch (InvalidKeyException e) {
      throw new IllegalStateException("not an HMAC-SHA256 key: " + e.getMessage(), e);
    }
    return mac.doFinal(payload);
  }
}
