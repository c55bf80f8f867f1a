package dev.marquee.playback.internal.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The JSON bodies of the playback sessions API ({@link SessionResource}): requests and answers. */
public final class SessionMessages {
  private SessionMessages() {}

  /** What the device can play: the tallest picture it can show (default: no limit). */
  public record Capabilities(@Min(144) @Max(4320) Integer maxHeight) {}

  /** A request to watch a title on a device for a profile. */
  public record StartRequest(
      @NotBlank String titleId,
      @NotBlank String profileId,
      @NotBlank String deviceId,
      @Valid Capabilities capabilities) {}

  /** Where the player goes next. */
  public record Licence(String clearKeyUrl, String offlineUrl, String hlsKeyUrlTemplate) {}

  /**
   * The session's manifests: {@code dash} and {@code hls} open with the token in the {@code
   * X-Playback-Session} header; {@code dashTicketed} and {@code hlsTicketed} carry a URL ticket for
   * players that cannot send headers (a native HLS player, a third-party DASH player), valid until
   * {@code ticketsExpireAt}; {@code GET /api/playback/sessions/{id}/manifests} gives fresh ones.
   */
  public record Manifests(
      String dash, String hls, String dashTicketed, String hlsTicketed, Instant ticketsExpireAt) {}

  /**
   * An audio track or a subtitle language of the title; an audio track's role is {@code main} or
   * {@code description} (audio description), a subtitle's is {@code subtitle}.
   */
  public record Track(String language, String name, String role) {}

  /** Where to start: the profile's newest position on any device, 0 if none or watched. */
  public record Resume(double positionSeconds, String fromDeviceId, Instant at) {}

  /**
   * A session as its device sees it; {@code dashManifest} is the session's DASH manifest when it
   * was started with {@code ?inline=dash}, and {@code clearKeyLicence} the licence server's answer
   * (a JWK set, as text) for all its key ids when started with {@code ?inline=licence} and granted
   * (absent otherwise).
   */
  public record SessionResponse(
      String sessionId,
      String token,
      Instant tokenExpiresAt,
      Instant expiresAt,
      int heartbeatSeconds,
      String titleId,
      int maxHeight,
      String securityLevel,
      Map<String, String> keyIds,
      Licence licence,
      Manifests manifests,
      Resume resume,
      List<Track> audio,
      List<Track> subtitles,
      String dashManifest,
      String clearKeyLicence) {}
}
