package dev.marquee.accounts.internal.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.accounts.internal.application.AccessTokenVerifier.Verdict;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AccessTokenVerifierTest {
  private static final String ISSUER = "https://marquee.test";
  private static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");
  private static final KeyPair SIGNING = rsa();
  private static final KeyPair OTHER = rsa();
  private static final String KID = SigningKeys.keyId(SIGNING.getPublic());

  private final UUID account = UUID.randomUUID();
  private final UUID session = UUID.randomUUID();

  private Verdict verifyAt(Instant now, String token) {
    return verifierAt(now).verify(token);
  }

  private static AccessTokenVerifier verifierAt(Instant now) {
    Map<String, RSAPublicKey> keys = Map.of(KID, (RSAPublicKey) SIGNING.getPublic());
    return new AccessTokenVerifier(
        ISSUER,
        "marquee",
        Duration.ofSeconds(30),
        Clock.fixed(now, ZoneOffset.UTC),
        kid -> Optional.ofNullable(keys.get(kid)));
  }

  private Verdict verify(String token) {
    return verifyAt(NOW, token);
  }

  @Test
  void aTokenMarqueeIssuedIsAcceptedWithItsAccountSignInAndRoles() {
    Verdict verdict = verify(sign(header(), claims().build(), SIGNING.getPrivate()));

    assertThat(verdict.accepted()).as(verdict.refusal()).isTrue();
    assertThat(verdict.token().accountId()).isEqualTo(account);
    assertThat(verdict.token().sessionId()).isEqualTo(session);
    assertThat(verdict.token().roles()).containsExactlyInAnyOrder("viewer", "admin");
    assertThat(verdict.token().expiresAt()).isEqualTo(NOW.plusSeconds(900));
    assertThat(verdict.token().clientId()).isEqualTo("marquee-web");
    assertThat(verdict.token().getName()).isEqualTo(account.toString());
  }

  @Test
  void anAudienceListNamingMarqueeIsAccepted() {
    JsonObject claims =
        claims().add("aud", Json.createArrayBuilder().add("other").add("marquee")).build();
    assertThat(verify(sign(header(), claims, SIGNING.getPrivate())).accepted()).isTrue();
  }

  @Test
  void aForgedSignatureIsRefusedWithoutQuotingTheToken() {
    String genuine = sign(header(), claims().build(), SIGNING.getPrivate());
    String forged = genuine.substring(0, genuine.lastIndexOf('.') + 1) + "AAAA" + "B".repeat(338);

    Verdict verdict = verify(forged);

    assertThat(verdict.accepted()).isFalse();
    assertThat(verdict.refusal()).isEqualTo("The bearer token's signature does not verify.");
  }

  @Test
  void claimsChangedUnderAGenuineSignatureAreRefused() {
    String genuine = sign(header(), claims().build(), SIGNING.getPrivate());
    String[] parts = genuine.split("\\.");
    String admin = part(claims().add("groups", Json.createArrayBuilder().add("admin")).build());

    Verdict verdict = verify(parts[0] + "." + admin + "." + parts[2]);

    assertThat(verdict.refusal()).isEqualTo("The bearer token's signature does not verify.");
  }

  @Test
  void aTokenSignedWithAKeyMarqueeDoesNotHoldIsRefused() {
    String otherKid = SigningKeys.keyId(OTHER.getPublic());
    JsonObject header = Json.createObjectBuilder().add("alg", "RS256").add("kid", otherKid).build();

    assertThat(verify(sign(header, claims().build(), OTHER.getPrivate())).refusal())
        .isEqualTo("The bearer token is signed with a key Marquee does not hold.");
    // The same key id as Marquee's, but signed with another key: the signature tells.
    assertThat(verify(sign(header(), claims().build(), OTHER.getPrivate())).refusal())
        .isEqualTo("The bearer token's signature does not verify.");
  }

  @Test
  void unsignedAndOtherAlgorithmsAreRefusedBeforeAnyKeyIsLookedUp() {
    String claims = part(claims().build());
    String none = part(Json.createObjectBuilder().add("alg", "none").add("kid", KID).build());
    String hs256 = part(Json.createObjectBuilder().add("alg", "HS256").add("kid", KID).build());

    assertThat(verify(none + "." + claims + ".").accepted()).isFalse();
    assertThat(verify(none + "." + claims + ".c2ln").refusal())
        .isEqualTo("The bearer token is not signed with RS256.");
    assertThat(verify(hs256 + "." + claims + ".c2ln").refusal())
        .isEqualTo("The bearer token is not signed with RS256.");
  }

  @Test
  void aTokenIsAcceptedUntilItsExpiryPlusTheClockSkewAndRefusedFromThen() {
    String token = sign(header(), claims().build(), SIGNING.getPrivate());
    Instant expiry = NOW.plusSeconds(900);

    assertThat(verifyAt(expiry.plusSeconds(29), token).accepted()).isTrue();
    assertThat(verifyAt(expiry.plusSeconds(30), token).refusal())
        .isEqualTo("The bearer token has expired.");
  }

  @Test
  void aRememberedTokenStaysValidOnlyUntilItsExpiryPlusTheClockSkew() {
    Verdict verdict = verify(sign(header(), claims().build(), SIGNING.getPrivate()));
    Instant expiry = NOW.plusSeconds(900);

    assertThat(verifierAt(expiry.plusSeconds(29)).stillValid(verdict.token())).isTrue();
    assertThat(verifierAt(expiry.plusSeconds(30)).stillValid(verdict.token())).isFalse();
  }

  @Test
  void aTokenIssuedInTheFutureIsNotValidYet() {
    String token =
        sign(header(), claims().add("iat", NOW.plusSeconds(120).getEpochSecond()).build(), key());

    assertThat(verify(token).refusal()).isEqualTo("The bearer token is not valid yet.");
    assertThat(verifyAt(NOW.plusSeconds(91), token).accepted()).isTrue();
  }

  @Test
  void anotherIssuerOrAudienceIsRefused() {
    assertThat(verify(sign(header(), claims().add("iss", "https://evil").build(), key())).refusal())
        .isEqualTo("The bearer token was not issued by Marquee for Marquee.");
    assertThat(verify(sign(header(), claims().add("aud", "other").build(), key())).refusal())
        .isEqualTo("The bearer token was not issued by Marquee for Marquee.");
  }

  @Test
  void aSignedTokenWithoutAccountSignInRolesOrExpiryIsRefused() {
    for (String claim : new String[] {"sub", "sid", "groups"}) {
      JsonObject claims = Json.createObjectBuilder(claims().build()).remove(claim).build();
      assertThat(verify(sign(header(), claims, key())).refusal())
          .as(claim)
          .isEqualTo("The bearer token lacks the account, sign-in or roles it must carry.");
    }
    JsonObject noExpiry = Json.createObjectBuilder(claims().build()).remove("exp").build();
    assertThat(verify(sign(header(), noExpiry, key())).refusal())
        .isEqualTo("The bearer token has no expiry.");
    JsonObject notAnAccount = claims().add("sub", "someone").build();
    assertThat(verify(sign(header(), notAnAccount, key())).accepted()).isFalse();
  }

  @Test
  void garbageAndOversizedTokensAreRefusedAsNotAJwt() {
    for (String garbage :
        new String[] {
          "",
          "abc",
          "a.b",
          "a.b.c.d",
          "a b.c.d",
          "e30.e30.",
          "W10.W10.c2ln",
          "!!!.e30.c2ln",
          "a".repeat(AccessTokenVerifier.MAX_LENGTH) + ".e30.c2ln"
        }) {
      Verdict verdict = verify(garbage);
      assertThat(verdict.accepted()).as(garbage).isFalse();
    }
    assertThat(verify("W10.W10.c2ln").refusal()).isEqualTo("The bearer token is not a signed JWT.");
  }

  @Test
  void noRefusalQuotesAnythingTheClientSent() {
    String genuine = sign(header(), claims().build(), SIGNING.getPrivate());
    String signature = genuine.substring(genuine.lastIndexOf('.') + 1);
    String[] tokens = {
      genuine.substring(0, genuine.lastIndexOf('.') + 1) + "QUFB" + signature.substring(4),
      sign(header(), claims().add("iss", "https://evil").build(), key()),
      sign(header(), claims().add("sub", "marker-123").build(), key())
    };
    for (String token : tokens) {
      String refusal = verify(token).refusal();
      assertThat(refusal).isNotNull().doesNotContain("evil").doesNotContain("marker-123");
      for (String part : token.split("\\.")) {
        assertThat(refusal).doesNotContain(part);
      }
    }
  }

  private JsonObjectBuilder claims() {
    return Json.createObjectBuilder()
        .add("iss", ISSUER)
        .add("aud", "marquee")
        .add("sub", account.toString())
        .add("sid", session.toString())
        .add("groups", Json.createArrayBuilder().add("viewer").add("admin"))
        .add("client_id", "marquee-web")
        .add("iat", NOW.getEpochSecond())
        .add("exp", NOW.plusSeconds(900).getEpochSecond());
  }

  private static JsonObject header() {
    return Json.createObjectBuilder().add("alg", "RS256").add("typ", "JWT").add("kid", KID).build();
  }

  private static PrivateKey key() {
    return SIGNING.getPrivate();
  }

  private static String sign(JsonObject header, JsonObject claims, PrivateKey key) {
    String signed = part(header) + "." + part(claims);
    try {
      Signature rsa = Signature.getInstance("SHA256withRSA");
      rsa.initSign(key);
      rsa.update(signed.getBytes(StandardCharsets.US_ASCII));
      return signed + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(rsa.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String part(JsonObject json) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(json.toString().getBytes(StandardCharsets.UTF_8));
  }

  private static KeyPair rsa() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
