package dev.marquee.playback.internal.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * URL tickets: the one credential Marquee puts in a URL, for the players that cannot send the
 * {@code X-Playback-Session} header (a DASH licence URL in the MPD, an HLS key URI or media
 * playlist, a manifest handed to a native player). A ticket is {@code
 * <session>.<expiry-epoch-seconds>.<base64url
 * HMAC-SHA256("url-ticket|v1|<path>|<session>|<expiry>")>} under the playback secret: it opens
 * exactly one path, for one session, for minutes, and only while the session is live. The session
 * token's own payload starts with {@code v1|}, so neither signature can stand in for the other.
 */
@ApplicationScoped
public class UrlTickets {
  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

  /** Epoch seconds as {@link #issue} writes them: digits, no sign, no leading zero. */
  private static final Pattern CANONICAL_EXPIRY = Pattern.compile("[1-9][0-9]{0,17}");

  @Inject SessionTokens tokens;

  /** What a genuine ticket says: the session it belongs to and when it stops opening its path. */
  public record Ticket(UUID session, Instant expiresAt) {}

  /** Why a ticket was refused: forged, for another path, expired or malformed. */
  public static final class Rejected extends Exception {
    private static final long serialVersionUID = 1L;
    private final boolean expired;

    Rejected(String reason, boolean expired) {
      super(reason, null, false, false);
      this.expired = expired;
    }

    public boolean expired() {
      return expired;
    }
  }

  public static UrlTickets with(SessionTokens tokens) {
    UrlTickets t = new UrlTickets();
    t.tokens = tokens;
    return t;
  }

  /** A ticket that opens {@code path} (the raw request path, no query) until {@code expiry}. */
  public String issue(String path, UUID session, Instant expiry) {
    long exp = expiry.getEpochSecond();
    return session + "." + exp + "." + sign(path, session.toString(), Long.toString(exp));
  }

  /** The ticket's session, if it is genuine, made for this very path, and not expired at now. */
  public Ticket verify(String path, String ticket, Instant now) throws Rejected {
    String[] parts = ticket == null || ticket.length() > 256 ? new String[0] : ticket.split("\\.");
    if (parts.length != 3 || !CANONICAL_EXPIRY.matcher(parts[1]).matches()) {
      throw new Rejected("The URL ticket is malformed.", false);
    }
    UUID session;
    try {
      session = UUID.fromString(parts[0]);
    } catch (IllegalArgumentException e) {
      throw new Rejected("The URL ticket is malformed.", false);
    }
    // Only the canonical spelling signs: another spelling of the same UUID is another URL.
    if (!session.toString().equals(parts[0])
        || !MessageDigest.isEqual(
            sign(path, parts[0], parts[1]).getBytes(StandardCharsets.US_ASCII),
            parts[2].getBytes(StandardCharsets.US_ASCII))) {
      throw new Rejected("The URL ticket was not issued for this URL.", false);
    }
    Instant expiresAt = Instant.ofEpochSecond(Long.parseLong(parts[1]));
    if (!now.isBefore(expiresAt)) {
      throw new Rejected("The URL ticket has expired; ask the session for a fresh URL.", true);
    }
    return new Ticket(session, expiresAt);
  }

  private String sign(String path, String session, String exp) {
    String payload = String.join("|", "url-ticket", "v1", path, session, exp);
    return B64.encodeToString(tokens.mac(payload.getBytes(StandardCharsets.UTF_8)));
  }
}
