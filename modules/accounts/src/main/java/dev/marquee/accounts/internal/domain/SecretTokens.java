package dev.marquee.accounts.internal.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Opaque secrets handed to clients (refresh tokens, device codes) and user codes typed by people.
 * Only hashes of secrets are stored, so a database leak does not leak usable tokens.
 */
public final class SecretTokens {
  /** RFC 8628 section 6.1: no vowels (no words), no easily confused characters. */
  private static final String USER_CODE_ALPHABET = "BCDFGHJKLMNPQRSTVWXZ";

  private static final SecureRandom RANDOM = new SecureRandom();

  private SecretTokens() {}

  /** 256 random bits, URL-safe. */
  public static String newSecret() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  public static String sha256(String secret) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  /** Eight letters shown as {@code BCDF-GHJK}: 20^8 (about 2^34.6) combinations. */
  public static String newUserCode() {
    StringBuilder code = new StringBuilder(9);
    for (int i = 0; i < 8; i++) {
      if (i == 4) {
        code.append('-');
      }
      code.append(USER_CODE_ALPHABET.charAt(RANDOM.nextInt(USER_CODE_ALPHABET.length())));
    }
    return code.toString();
  }

  /** Accepts what people type: any case, with or without the dash or spaces. */
  public static String normalizeUserCode(String typed) {
    String letters = typed.toUpperCase(Locale.ROOT).replaceAll("[^A-Z]", "");
    if (letters.length() != 8) {
      return letters;
    }
    return letters.substring(0, 4) + "-" + letters.substring(4);
  }
}
