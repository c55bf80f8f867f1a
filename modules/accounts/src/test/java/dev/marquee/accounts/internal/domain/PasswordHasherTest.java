package dev.marquee.accounts.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {
  // Small cost: the algorithm is the same, the test stays quick.
  private final PasswordHasher hasher = new PasswordHasher(1024, 1, 1);

  @Test
  void aHashVerifiesOnlyItsOwnPassword() {
    String phc = hasher.hash("correct horse battery staple");
    assertThat(phc).startsWith("$argon2id$v=19$m=1024,t=1,p=1$");
    assertThat(hasher.matches("correct horse battery staple", phc)).isTrue();
    assertThat(hasher.matches("correct horse battery stapler", phc)).isFalse();
    assertThat(hasher.matches("", phc)).isFalse();
  }

  @Test
  void theSamePasswordHashesDifferentlyEachTime() {
    assertThat(hasher.hash("same password here")).isNotEqualTo(hasher.hash("same password here"));
  }

  @Test
  void costParametersAreReadFromTheStoredHashNotTheCurrentSetting() {
    String old = new PasswordHasher(2048, 2, 1).hash("legacy password 1");
    assertThat(hasher.matches("legacy password 1", old)).isTrue();
  }

  @Test
  void garbageIsNeverAMatch() {
    assertThat(hasher.matches("x", "plaintext")).isFalse();
    assertThat(hasher.matches("x", "$bcrypt$whatever$a$b$c")).isFalse();
  }

  @Test
  void theOwaspDefaultProducesItsDocumentedCost() {
    assertThat(PasswordHasher.owaspDefault().hash("whatever it is")).contains("$m=19456,t=2,p=1$");
  }
}
