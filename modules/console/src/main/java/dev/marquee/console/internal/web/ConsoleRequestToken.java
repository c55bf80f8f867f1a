package dev.marquee.console.internal.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The console's token for requests its own scripts send (the browser ingest's parts): a random
 * value kept in the server-side session, written into the page, and sent back in the {@link
 * #HEADER} header. Another site can neither read it nor make a browser send a custom header without
 * a CORS preflight the console never answers, so a forged request carries no valid token; it plays
 * the part Faces' view state plays for forms.
 */
public final class ConsoleRequestToken {
  public static final String HEADER = "X-Console-Token";
  private static final String KEY = ConsoleRequestToken.class.getName();
  private static final SecureRandom RANDOM = new SecureRandom();

  private ConsoleRequestToken() {}

  /** The session's token, made on first use. */
  public static String of(HttpSession session) {
    synchronized (session) {
      if (session.getAttribute(KEY) instanceof String kept) {
        return kept;
      }
      byte[] bytes = new byte[32];
      RANDOM.nextBytes(bytes);
      String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
      session.setAttribute(KEY, token);
      return token;
    }
  }

  /** Whether the request carries its session's token. */
  public static boolean carriedBy(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    String sent = request.getHeader(HEADER);
    if (session == null || sent == null || !(session.getAttribute(KEY) instanceof String token)) {
      return false;
    }
    return MessageDigest.isEqual(
        token.getBytes(StandardCharsets.US_ASCII), sent.getBytes(StandardCharsets.US_ASCII));
  }
}
