package dev.marquee.transcode.internal.encode;

/**
 * Frames {@code [firstFrame, firstFrame + frameCount)} of the output timeline at {@code
 * fpsNum/fpsDen} frames per second; {@code rotationDegrees} (0, 90, 180, 270 clockwise) is the
 * master's display rotation, which the encoder applies to the pixels.
 */
public record ChunkSpec(
    int index, long firstFrame, int frameCount, int fpsNum, int fpsDen, int rotationDegrees) {
  public ChunkSpec {
    if (rotationDegrees % 90 != 0 || rotationDegrees < 0 || rotationDegrees >= 360) {
      throw new IllegalArgumentException("rotation must be 0, 90, 180 or 270: " + rotationDegrees);
    }
  }

  /** A chunk of a master stored upright. */
  public ChunkSpec(int index, long firstFrame, int frameCount, int fpsNum, int fpsDen) {
    this(index, firstFrame, frameCount, fpsNum, fpsDen, 0);
  }

  public double startSeconds() {
    return firstFrame * (double) fpsDen / fpsNum;
  }
}
