package dev.marquee.ingest.api;

/**
 * An audio track added to a title after its master: the file as sent (object storage key), the
 * audio stream to take from it, its language and role ({@code main} or {@code description}).
 */
public record AddedAudio(
    String language,
    String role,
    String storageKey,
    int streamIndex,
    String codec,
    int channels,
    long durationMillis) {
  public static final String MAIN = "main";
  public static final String DESCRIPTION = "description";
}
