package dev.marquee.accounts.internal.application;

import dev.marquee.accounts.internal.application.AccessTokenVerifier.Verdict;
import dev.marquee.platform.api.AccessToken;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Verifies the bearer access tokens of incoming requests against the public keys of the signing
 * keystore (ADR 38), the same keys the JWKS publishes. The keys are read from the keystore at most
 * every five minutes, and again when a token names a key id not yet read (at most once a second, so
 * tokens with made-up key ids cannot make the server read the file on every request): a key added
 * during a rotation verifies at once, a removed one stops within five minutes.
 */
@ApplicationScoped
public class BearerTokens {
  static final String AUDIENCE = "marquee";
  static final Duration CLOCK_SKEW = Duration.ofSeconds(30);
  private static final long REFRESH_NANOS = Duration.ofMinutes(5).toNanos();
  private static final long UNKNOWN_KID_NANOS = Duration.ofSeconds(1).toNanos();
  static final int REMEMBERED = 10_000;

  private final Map<String, AccessToken> verified = new ConcurrentHashMap<>();

  @Inject SigningKeys signingKeys;

  @Inject
  @ConfigProperty(name = "jwt.issuer", defaultValue = "https://marquee.local")
  String issuer;

  private volatile Map<String, RSAPublicKey> keys = Map.of();
  private volatile long readAt = System.nanoTime() - REFRESH_NANOS;
  private AccessTokenVerifier verifier;

  @PostConstruct
  void createVerifier() {
    verifier = new AccessTokenVerifier(issuer, AUDIENCE, CLOCK_SKEW, Clock.systemUTC(), this::key);
  }

  /** The issuer every accepted token names: the realm its caller belongs to. */
  public String issuer() {
    return issuer;
  }

  public Verdict verify(String compact) {
    AccessTokenVerifier current = verifier;
    AccessToken known = verified.get(compact);
    if (known != null) {
      if (current.stillValid(known)) {
        return new Verdict(known, null);
      }
      verified.remove(compact);
    }
    Verdict verdict = current.verify(compact);
    if (verdict.accepted()) {
      if (verified.size() >= REMEMBERED) {
        verified.clear();
      }
      verified.put(compact, verdict.token());
    }
    return verdict;
  }

  private Optional<RSAPublicKey> key(String kid) {
    long age = System.nanoTime() - readAt;
    if (age >= REFRESH_NANOS || (!keys.containsKey(kid) && age >= UNKNOWN_KID_NANOS)) {
      reload();
    }
    return Optional.ofNullable(keys.get(kid));
  }

  private synchronized void reload() {
    if (System.nanoTime() - readAt < UNKNOWN_KID_NANOS) {
      return; // another request read the keystore a moment ago
    }
    try {
      Map<String, RSAPublicKey> read = new HashMap<>();
      for (SigningKeys.SigningKey key : signingKeys.all()) {
        read.put(key.kid(), key.key());
      }
      if (!read.equals(keys)) {
        keys = Map.copyOf(read);
        verified.clear();
      }
    } catch (IOException e) {
      // Keep the keys read before; the readiness check reports an unreadable keystore.
    }
    readAt = System.nanoTime();
  }
}
