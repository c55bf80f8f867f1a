package dev.marquee.accounts.internal.application;

import dev.marquee.platform.api.AccessToken;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Checks a compact RS256 access token the way Marquee issues them (ADR 38): the header names RS256
 * and a key id of the signing keystore, the signature verifies under that key, and the claims say
 * Marquee issued it for Marquee, now. A refusal says why in words that never quote the token, so
 * nothing a client sends ends up in a log.
 */
public final class AccessTokenVerifier {
  /** A token longer than this is refused before anything is decoded. */
  static final int MAX_LENGTH = 8 * 1024;

  /**
   * Made once: {@code Json.createReader} looks the provider up through a service loader per call.
   */
  private static final JsonReaderFactory JSON = Json.createReaderFactory(Map.of());

  private static final Pattern COMPACT =
      Pattern.compile("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");

  /** The outcome: a verified token, or why the token was refused. */
  public record Verdict(AccessToken token, String refusal) {
    static Verdict refused(String why) {
      return new Verdict(null, why);
    }

    public boolean accepted() {
      return token != null;
    }
  }

  private final String issuer;
  private final String audience;
  private final Duration clockSkew;
  private final Clock clock;
  private final Function<String, Optional<RSAPublicKey>> keyById;

  /**
   * @param keyById the public key a key id names, empty for a key id Marquee does not hold
   */
  public AccessTokenVerifier(
      String issuer,
      String audience,
      Duration clockSkew,
      Clock clock,
      Function<String, Optional<RSAPublicKey>> keyById) {
    this.issuer = issuer;
    this.audience = audience;
    this.clockSkew = clockSkew;
    this.clock = clock;
    this.keyById = keyById;
  }

  public Verdict verify(String compact) {
    if (compact == null || compact.length() > MAX_LENGTH || !COMPACT.matcher(compact).matches()) {
      return Verdict.refused("The bearer token is not a signed JWT.");
    }
    int firstDot = compact.indexOf('.');
    int secondDot = compact.indexOf('.', firstDot + 1);
    Optional<JsonObject> header = json(compact.substring(0, firstDot));
    Optional<JsonObject> claims = json(compact.substring(firstDot + 1, secondDot));
    if (header.isEmpty() || claims.isEmpty()) {
      return Verdict.refused("The bearer token is not a signed JWT.");
    }
    if (!"RS256".equals(text(header.get(), "alg")) || header.get().containsKey("crit")) {
      return Verdict.refused("The bearer token is not signed with RS256.");
    }
    Optional<RSAPublicKey> key =
        Optional.ofNullable(text(header.get(), "kid")).flatMap(keyById::apply);
    if (key.isEmpty()) {
      return Verdict.refused("The bearer token is signed with a key Marquee does not hold.");
    }
    if (!signatureHolds(compact, firstDot, secondDot, key.get())) {
      return Verdict.refused("The bearer token's signature does not verify.");
    }
    return checkClaims(claims.get());
  }

  /** Whether a token verified before is still within its lifetime (expiry plus clock skew). */
  public boolean stillValid(AccessToken token) {
    return clock.instant().isBefore(token.expiresAt().plus(clockSkew));
  }

  private Verdict checkClaims(JsonObject claims) {
    if (!issuer.equals(text(claims, "iss")) || !isForAudience(claims.get("aud"))) {
      return Verdict.refused("The bearer token was not issued by Marquee for Marquee.");
    }
    Instant now = clock.instant();
    Optional<Instant> expires = instant(claims, "exp");
    if (expires.isEmpty()) {
      return Verdict.refused("The bearer token has no expiry.");
    }
    if (!now.isBefore(expires.get().plus(clockSkew))) {
      return Verdict.refused("The bearer token has expired.");
    }
    boolean early =
        instant(claims, "nbf").map(nbf -> now.plus(clockSkew).isBefore(nbf)).orElse(false)
            || instant(claims, "iat").map(iat -> now.plus(clockSkew).isBefore(iat)).orElse(false);
    if (early) {
      return Verdict.refused("The bearer token is not valid yet.");
    }
    Optional<UUID> account = uuid(claims, "sub");
    Optional<UUID> session = uuid(claims, "sid");
    Optional<Set<String>> roles = roles(claims.get("groups"));
    if (account.isEmpty() || session.isEmpty() || roles.isEmpty()) {
      return Verdict.refused("The bearer token lacks the account, sign-in or roles it must carry.");
    }
    return new Verdict(
        new AccessToken(
            account.get(), session.get(), expires.get(), roles.get(), text(claims, "client_id")),
        null);
  }

  private static boolean signatureHolds(
      String compact, int firstDot, int secondDot, RSAPublicKey key) {
    try {
      Signature rsa = Signature.getInstance("SHA256withRSA");
      rsa.initVerify(key);
      rsa.update(compact.substring(0, secondDot).getBytes(StandardCharsets.US_ASCII));
      return rsa.verify(Base64.getUrlDecoder().decode(compact.substring(secondDot + 1)));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      return false;
    }
  }

  private boolean isForAudience(JsonValue aud) {
    if (aud instanceof JsonString one) {
      return audience.equals(one.getString());
    }
    if (aud instanceof JsonArray many) {
      return many.stream()
          .anyMatch(v -> v instanceof JsonString s && audience.equals(s.getString()));
    }
    return false;
  }

  private static Optional<JsonObject> json(String part) {
    try (var reader =
        JSON.createReader(
            new StringReader(
                new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8)))) {
      return Optional.of(reader.readObject());
    } catch (JsonException | IllegalArgumentException | IllegalStateException e) {
      return Optional.empty();
    }
  }

  private static String text(JsonObject object, String name) {
    return object.get(name) instanceof JsonString s ? s.getString() : null;
  }

  private static Optional<Instant> instant(JsonObject claims, String name) {
    return claims.get(name) instanceof JsonNumber n && n.isIntegral()
        ? Optional.of(Instant.ofEpochSecond(n.longValue()))
        : Optional.empty();
  }

  private static Optional<UUID> uuid(JsonObject claims, String name) {
    String value = text(claims, name);
    try {
      return value == null ? Optional.empty() : Optional.of(UUID.fromString(value));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static Optional<Set<String>> roles(JsonValue groups) {
    if (!(groups instanceof JsonArray array)) {
      return Optional.empty();
    }
    Set<String> roles = new LinkedHashSet<>();
    for (JsonValue value : array) {
      if (!(value instanceof JsonString role)) {
        return Optional.empty();
      }
      roles.add(role.getString());
    }
    return Optional.of(roles);
  }
}
