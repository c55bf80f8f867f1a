package dev.marquee.ingest.internal.application;

import dev.marquee.ingest.internal.domain.MasterLimits;
import dev.marquee.ingest.internal.domain.MasterRules;
import dev.marquee.media.api.AcceptedContainers;
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
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Reads the assembled master back from object storage once, streaming: its SHA-256 is computed on
 * the way to a temporary file, which FFmpeg then probes. Nothing is held in memory.
 */
@ApplicationScoped
public class MasterVerifier {
  @Inject ObjectStorage storage;

  @Inject
  @ConfigProperty(name = "marquee.ingest.master.max-width", defaultValue = "8192")
  int maxWidth;

  @Inject
  @ConfigProperty(name = "marquee.ingest.master.max-height", defaultValue = "8192")
  int maxHeight;

  @Inject
  @ConfigProperty(name = "marquee.ingest.master.max-frame-rate", defaultValue = "120")
  double maxFrameRate;

  @Inject
  @ConfigProperty(name = "marquee.ingest.master.max-duration-seconds", defaultValue = "21600")
  double maxDurationSeconds;

  @Inject
  @ConfigProperty(name = "marquee.ingest.master.max-streams", defaultValue = "32")
  int maxStreams;

  /** The configured limits (checked at every verify: a bad setting fails loudly, not silently). */
  MasterLimits limits() {
    return new MasterLimits(maxWidth, maxHeight, maxFrameRate, maxDurationSeconds, maxStreams);
  }

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
        copied = Files.copy(in, local, StandardCopyOption.REPLACE_EXISTING);
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
      MasterLimits limits = limits();
      MediaInfo media;
      try {
        // Only the containers Marquee accepts are opened, and the limits are checked on the
        // header before FFmpeg decodes anything.
        media = MediaProbe.probe(local, AcceptedContainers.MASTERS, limits::check);
      } catch (MediaProbeException e) {
        throw MasterRules.rejected(e);
      }
      limits.check(media);
      MasterRules.check(media);
      byte[] still = null;
      try {
        still = FrameGrab.jpeg(local, media.durationSeconds() / 10, 640);
      } catch (RuntimeException e) {
        Logger.getLogger(MasterVerifier.class.getName())
            .warning("No still from master " + key + ": " + e.getMessage());
      }
      List<EmbeddedSubtitles.Track> subtitles = List.of();
      if (!media.subtitles().isEmpty()) {
        try {
          subtitles = EmbeddedSubtitles.read(local);
        } catch (RuntimeException e) {
          Logger.getLogger(MasterVerifier.class.getName())
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
