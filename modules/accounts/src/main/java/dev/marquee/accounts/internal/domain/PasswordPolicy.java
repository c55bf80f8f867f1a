package dev.marquee.accounts.internal.domain;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * NIST SP 800-63B style rules: long enough, not a well-known password, not the email. No
 * composition rules (they make passwords worse, not stronger).
 */
public final class PasswordPolicy {
  public static final int MIN_LENGTH = 10;
  public static final int MAX_LENGTH = 128;

  private static final Set<String> COMMON =
      Set.of(
          "password",
          "password1",
          "password12",
          "password123",
          "password1234",
          "1234567890",
          "12345678910",
          "qwertyuiop",
          "qwerty1234",
          "qwerty12345",
          "iloveyou12",
          "letmein123",
          "welcome123",
          "admin12345",
          "administrator",
          "passw0rd12",
          "abc1234567",
          "1q2w3e4r5t",
          "football12",
          "baseball12",
          "monkey1234",
          "dragon1234",
          "sunshine12",
          "princess12",
          "trustno1234",
          "0987654321",
          "1111111111",
          "changeme12",
          "marquee123",
          "netflix123");

  private PasswordPolicy() {}

  /** Why the password is not acceptable, or empty when it is. */
  public static Optional<String> weakness(String password, String email) {
    if (password.length() < MIN_LENGTH) {
      return Optional.of("Password must have at least " + MIN_LENGTH + " characters.");
    }
    if (password.length() > MAX_LENGTH) {
      return Optional.of("Password must have at most " + MAX_LENGTH + " characters.");
    }
    String lower = password.toLowerCase(Locale.ROOT);
    if (COMMON.contains(lower)) {
      return Optional.of("Password is on the list of commonly used passwords.");
    }
    if (lower.chars().distinct().count() < 4) {
      return Optional.of("Password must use at least 4 different characters.");
    }
    String local = email.strip().toLowerCase(Locale.ROOT).split("@", 2)[0];
    if (local.length() >= 4 && lower.contains(local)) {
      return Optional.of("Password must not contain the email address.");
    }
    return Optional.empty();
  }
}
