package dev.marquee.playback.internal.domain;

import dev.marquee.platform.api.HmacKeys;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Signed segment URLs: {@code /api/origin/<object key>?exp=<epoch seconds>&sig=<base64url
 * HMAC-SHA256(secret, "<title prefix>|<exp>")>}, where the title prefix is the object key's first
 * three path segments ({@code titles/<title>/<job>/}). One signature covers every segment of a
 * title's output, so a manifest signs once; an edge holding the secret verifies a request with one
 * HMAC and no database. Expiries are rounded up to the hour so URLs stay stable for caches.
 */
@ApplicationScoped
public class OriginSigner {
  /** The object keys the origin serves (1): a title's CMAF output. */
  static final Pattern SEGMENT_KEY =
      Pattern.compile(
          "^(titles/[0-9a-f-]{36}/[0-9a-f-]{36}/)(video|audio)/[A-Za-z0-9_-][A-Za-z0-9_.-]{0,39}/(cenc|cbcs)/"
              + "(init\\.mp4|seg-[0-9]{1,6}\\.m4s)$");

  /**
   * The object keys the origin serves (2): a title's WebVTT files, named by their content (files
   * added before content naming have no hash in their name).
   */
  static final Pattern SUBTITLE_KEY =
      Pattern.compile("^(titles/[0-9a-f-]{36}/subtitles/)[a-z]{2,3}(-[0-9a-f]{16})?\\.vtt$");

  /** The object keys the origin serves (3): a title's trick-play thumbnail sheets. */
  static final Pattern THUMBNAIL_KEY =
      Pattern.compile("^(titles/[0-9a-f-]{36}/[0-9a-f-]{36}/)thumbs/sheet-[0-9]{1,6}\\.jpg$");

  /** Epoch seconds as {@link #queryFor} writes them: digits, no sign, no leading zero. */
  static final Pattern CANONICAL_EXPIRY = Pattern.compile("[1-9][0-9]{0,17}");

  @Inject
  @ConfigProperty(name = "marquee.origin.secret")
  Optional<String> configuredSecret;

  @Inject
  @ConfigProperty(name = "marquee.origin.url-validity", defaultValue = "PT6H")
  Duration validity;

  private volatile SecretKeySpec key;

  /** Why a request was refused: 404 for keys outside what the origin serves, 403 otherwise. */
  public enum Verdict {
    OK,
    NOT_SERVED,
    EXPIRED,
    BAD_SIGNATURE
  }

  /** The title prefix of a servable object key, or null. */
  static String prefixOf(String objectKey) {
    Matcher m = SEGMENT_KEY.matcher(objectKey);
    if (m.matches()) {
      return m.group(1);
    }
    m = SUBTITLE_KEY.matcher(objectKey);
    if (m.matches()) {
      return m.group(1);
    }
    m = THUMBNAIL_KEY.matcher(objectKey);
    return m.matches() ? m.group(1) : null;
  }

  /** The query string ({@code exp=..&sig=..}) that opens every object under the prefix. */
  public String queryFor(String titlePrefix) {
    long exp = Instant.now().plus(validity).getEpochSecond();
    return query(titlePrefix, (exp / 3600 + 1) * 3600);
  }

  /** The query string for an explicit expiry (epoch seconds). */
  String query(String titlePrefix, long exp) {
    return "exp=" + exp + "&sig=" + sign(titlePrefix, exp);
  }

  public Verdict verify(String objectKey, String exp, String sig) {
    String prefix = prefixOf(objectKey);
    if (prefix == null) {
      return Verdict.NOT_SERVED;
    }
    // Only the canonical form signs: "+E" or "000E" would be other URLs (other cache keys) opened
    // by the same signature.
    if (exp == null || !CANONICAL_EXPIRY.matcher(exp).matches()) {
      return Verdict.BAD_SIGNATURE;
    }
    long expiry = Long.parseLong(exp);
    if (sig == null
        || !MessageDigest.isEqual(
            sign(prefix, expiry).getBytes(StandardCharsets.US_ASCII),
            sig.getBytes(StandardCharsets.US_ASCII))) {
      return Verdict.BAD_SIGNATURE;
    }
    return Instant.now().getEpochSecond() >= expiry ? Verdict.EXPIRED : Verdict.OK;
  }

  private String sign(String prefix, long exp) {
    byte[] tag = HmacKeys.sign(key(), (prefix + "|" + exp).getBytes(StandardCharsets.US_ASCII));
    return Base64.getUrlEncoder().withoutPadding().encodeToString(tag);
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
              "MARQUEE_ORIGIN_SECRET",
              "segment URLs are signed with a random key of this server alone; other servers and"
                  + " edges will refuse them.");
    }
    return key;
  }
}
