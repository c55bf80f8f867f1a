package dev.marquee.ingest.internal.application;

import dev.marquee.ingest.internal.domain.MasterRules;
import dev.marquee.media.api.EmbeddedSubtitles;
import dev.marquee.media.api.FrameGrab;
import dev.marquee.media.api.MediaInfo;
import dev.marquee.media.api.MediaProbe;
import dev.marquee.media.api.MediaProbeException;
import dev.marquee.platform.api.ObjectStorage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * Reads the assembled master back from object storage once, streaming: its SHA-256 is computed on
 * the way to a temporary file, which FFmpeg then probes. Nothing is held in memory.
 */
@ApplicationScoped
public class MasterVerifier {
  @Inject ObjectStorage storage;

  /**
   * A verified master: its probe, a still from a tenth of the way in (null if none could be
   * grabbed) and its subtitle streams as text (empty if they could not be read). Neither is a
   * reason to refuse a master.
   */
  public record Verified(MediaInfo media, byte[] still, List<EmbeddedSubtitles.Track> subtitles) {}

  /** The probe of a master whose bytes matched the declared checksum and size. */
  public Verified verify(String key, String expectedSha256, long expectedSize) {
    Path local = null;
    try {
      local = Files.createTempFile("marquee-master-", ".bin");
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      long copied;
      try (InputStream in = new DigestInputStream(storage.open(key), sha256)) {
        copied = Files.copy(in, local, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      }
      if (copied != expectedSize) {
        throw MasterRules.rejected(
            "size-mismatch",
            "The master has " + copied + " bytes, not the declared " + expectedSize + ".");
      }
      String actual = HexFormat.of().formatHex(sha256.digest());
      if (!actual.equalsIgnoreCase(expectedSha256)) {
        throw MasterRules.rejected(
            "checksum-mismatch",
            "The master's SHA-256 is "
                + actual
                + ", not the declared "
                + expectedSha256.toLowerCase()
                + ".");
      }
      MediaInfo media;
      try {
        media = MediaProbe.probe(local);
      } catch (MediaProbeException e) {
        throw MasterRules.rejected(
            e.reason() == MediaProbeException.Reason.NOT_MEDIA ? "not-a-video" : "corrupt-master",
            e.getMessage());
      }
      MasterRules.check(media);
      byte[] still = null;
      try {
        still = FrameGrab.jpeg(local, media.durationSeconds() / 10, 640);
      } catch (RuntimeException e) {
        java.util.logging.Logger.getLogger(MasterVerifier.class.getName())
            .warning("No still from master " + key + ": " + e.getMessage());
      }
      List<EmbeddedSubtitles.Track> subtitles = List.of();
      if (!media.subtitles().isEmpty()) {
        try {
          subtitles = EmbeddedSubtitles.read(local);
        } catch (RuntimeException e) {
          java.util.logging.Logger.getLogger(MasterVerifier.class.getName())
              .warning("Subtitles of master " + key + " unreadable: " + e.getMessage());
        }
      }
      return new Verified(media, still, subtitles);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read master " + key + " back from object storage", e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    } finally {
      if (local != null) {
        try {
          Files.deleteIfExists(local);
        } catch (IOException e) {
          // A temp file left behind is cleaned by the OS; the upload's outcome does not depend on
          // it.
        }
      }
    }
  }
}
