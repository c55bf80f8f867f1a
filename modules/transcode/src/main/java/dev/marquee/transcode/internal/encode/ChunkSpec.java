package dev.marquee.transcode.internal.encode;

/**
 * Frames {@code [firstFrame, firstFrame + frameCount)} of the output timeline at {@code
 * fpsNum/fpsDen} frames per second.
 */
public record ChunkSpec(int index, long firstFrame, int frameCount, int fpsNum, int fpsDen) {
  public double startSeconds() {
    return firstFrame * (double) fpsDen / fpsNum;
  }
}
