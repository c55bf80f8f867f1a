package dev.marquee.accounts.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SecretTokensTest {
  @Test
  void secretsAreUrlSafeAndUnique() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 1000; i++) {
      String secret = SecretTokens.newSecret();
      assertThat(secret).matches("[A-Za-z0-9_-]{43}");
      assertThat(seen.add(secret)).isTrue();
    }
  }

  @Test
  void onlyAHashIsStoredAndItIsStable() {
    assertThat(SecretTokens.sha256("abc"))
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  }

  @Test
  void userCodesAvoidVowelsAndReadAsTwoGroups() {
    for (int i = 0; i < 200; i++) {
      assertThat(SecretTokens.newUserCode())
          .matches("[BCDFGHJKLMNPQRSTVWXZ]{4}-[BCDFGHJKLMNPQRSTVWXZ]{4}");
    }
  }

  @Test
  void typedUserCodesAreNormalised() {
    assertThat(SecretTokens.normalizeUserCode(" wdjb mjht ")).isEqualTo("WDJB-MJHT");
    assertThat(SecretTokens.normalizeUserCode("wdjb-mjht")).isEqualTo("WDJB-MJHT");
    assertThat(SecretTokens.normalizeUserCode("WDJ")).isEqualTo("WDJ");
  }
}
