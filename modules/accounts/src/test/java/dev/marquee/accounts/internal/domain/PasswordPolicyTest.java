package dev.marquee.accounts.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordPolicyTest {
  @Test
  void acceptsALongUncommonPassphrase() {
    assertThat(PasswordPolicy.weakness("purple elephant umbrella", "ann@example.com")).isEmpty();
  }

  @Test
  void namesTheRuleThatIsBroken() {
    assertThat(PasswordPolicy.weakness("short", "a@example.com"))
        .hasValueSatisfying(r -> assertThat(r).contains("at least 10"));
    assertThat(PasswordPolicy.weakness("x".repeat(129), "a@example.com"))
        .hasValueSatisfying(r -> assertThat(r).contains("at most 128"));
    assertThat(PasswordPolicy.weakness("Password123", "a@example.com"))
        .hasValueSatisfying(r -> assertThat(r).contains("commonly used"));
    assertThat(PasswordPolicy.weakness("aaaaaaaaaaaaaa", "a@example.com"))
        .hasValueSatisfying(r -> assertThat(r).contains("4 different"));
    assertThat(PasswordPolicy.weakness("my-jonathan-pass", "Jonathan@example.com"))
        .hasValueSatisfying(r -> assertThat(r).contains("email"));
  }
}
