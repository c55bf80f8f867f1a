package dev.marquee.playback.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.playback.internal.domain.OriginSigner.Verdict;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OriginSignerTest {
  private static final String PREFIX =
      "titles/0b8e7a52-2d5c-4c0e-9a57-4b1f3c2d1e0f/6a1f0e3b-5c4d-4e2f-8a9b-0c1d2e3f4a5b/";
  private static final String SEGMENT = PREFIX + "video/360p/cenc/seg-3.m4s";

  private static OriginSigner signer() {
    OriginSigner signer = new OriginSigner();
    signer.configuredSecret = Optional.of("an origin secret of at least thirty-two bytes");
    signer.validity = Duration.ofHours(6);
    return signer;
  }

  private static String param(String query, String name) {
    for (String pair : query.split("&")) {
      if (pair.startsWith(name + "=")) {
        return pair.substring(name.length() + 1);
      }
    }
    throw new AssertionError(name + " missing from " + query);
  }

  @Test
  void aUrlItSignedOpensEverySegmentOfTheTitle() {
    OriginSigner signer = signer();
    String query = signer.queryFor(PREFIX);
    assertThat(signer.verify(SEGMENT, param(query, "exp"), param(query, "sig")))
        .isEqualTo(Verdict.OK);
    assertThat(
            signer.verify(
                PREFIX + "audio/aac-eng/cbcs/init.mp4", param(query, "exp"), param(query, "sig")))
        .isEqualTo(Verdict.OK);
  }

  @Test
  void onlyTheCanonicalExpiryVerifies() {
    OriginSigner signer = signer();
    String query = signer.queryFor(PREFIX);
    String exp = param(query, "exp");
    String sig = param(query, "sig");
    assertThat(signer.verify(SEGMENT, "+" + exp, sig)).isEqualTo(Verdict.BAD_SIGNATURE);
    assertThat(signer.verify(SEGMENT, "000" + exp, sig)).isEqualTo(Verdict.BAD_SIGNATURE);
    assertThat(signer.verify(SEGMENT, exp + " ", sig)).isEqualTo(Verdict.BAD_SIGNATURE);
    assertThat(signer.verify(SEGMENT, null, sig)).isEqualTo(Verdict.BAD_SIGNATURE);
  }

  @Test
  void aCorrectlySignedUrlPastItsExpiryIsExpiredNotForged() {
    OriginSigner signer = signer();
    long past = Instant.parse("2026-01-01T00:00:00Z").getEpochSecond();
    String query = signer.query(PREFIX, past);
    assertThat(signer.verify(SEGMENT, param(query, "exp"), param(query, "sig")))
        .isEqualTo(Verdict.EXPIRED);
    assertThat(signer.verify(SEGMENT, Long.toString(past + 3600), param(query, "sig")))
        .isEqualTo(Verdict.BAD_SIGNATURE);
  }

  @Test
  void keysOutsideATitlesOutputAreNotServed() {
    OriginSigner signer = signer();
    String query = signer.queryFor(PREFIX);
    assertThat(signer.verify("masters/secret.mov", param(query, "exp"), param(query, "sig")))
        .isEqualTo(Verdict.NOT_SERVED);
    assertThat(
            signer.verify(
                PREFIX + "video/../../x/cenc/init.mp4", param(query, "exp"), param(query, "sig")))
        .isEqualTo(Verdict.NOT_SERVED);
  }
}
