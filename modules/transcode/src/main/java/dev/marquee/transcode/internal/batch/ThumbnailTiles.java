package dev.marquee.transcode.internal.batch;

import dev.marquee.platform.api.ObjectRead;
import dev.marquee.platform.api.ObjectStorage;
import dev.marquee.transcode.internal.domain.FrameRate;
import dev.marquee.transcode.internal.domain.ThumbnailLayout;
import dev.marquee.transcode.internal.domain.TranscodeJob;
import dev.marquee.transcode.internal.encode.ThumbnailSheets;
import dev.marquee.transcode.internal.encode.ThumbnailTap;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import javax.imageio.ImageIO;

/**
 * The trick-play thumbnails the encode partitions take on their way (ADR 47): each is stored as a
 * PNG under the job's output ({@code thumbs/tiles/K.png}) before its chunk is checkpointed, so a
 * restarted job finds the thumbnails of the chunks it kept; the thumbnails step draws the sheets
 * from them and deletes them.
 */
final class ThumbnailTiles {
  private ThumbnailTiles() {}

  /** How the job's thumbnails are laid out at one every {@code intervalMillis}. */
  static ThumbnailLayout layout(TranscodeJob job, int intervalMillis) {
    FrameRate rate = job.frameRate();
    double seconds = job.totalFrames() * (double) rate.den() / rate.num();
    return ThumbnailLayout.of(job.sourceWidth(), job.sourceHeight(), seconds, intervalMillis);
  }

  static String key(TranscodeJob job, int k) {
    return job.outputPrefix() + "/thumbs/tiles/" + k + ".png";
  }

  /** The tap that stores the thumbnails of the pictures a partition decodes; null when off. */
  static ThumbnailTap tap(
      TranscodeJob job, int intervalMillis, int rotation, ObjectStorage storage) {
    if (intervalMillis <= 0) {
      return null;
    }
    FrameRate rate = job.frameRate();
    return new ThumbnailTap(
        layout(job, intervalMillis),
        rate.num(),
        rate.den(),
        job.totalFrames() - 1,
        rotation,
        (k, tile) -> storage.put(key(job, k), ThumbnailSheets.png(tile), "image/png"));
  }

  /** Thumbnail {@code k} as a partition stored it, if it did. */
  static Optional<BufferedImage> read(ObjectStorage storage, TranscodeJob job, int k) {
    Optional<ObjectRead> read = storage.read(key(job, k), null, null);
    if (read.isEmpty()) {
      return Optional.empty();
    }
    try (InputStream in = read.get().content()) {
      return Optional.ofNullable(ImageIO.read(in));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
