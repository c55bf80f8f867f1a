package dev.marquee.transcode.internal.encode;

import org.jcodec.codecs.h264.encode.RateControl;
import org.jcodec.codecs.h264.io.model.SliceType;
import org.jcodec.common.model.Size;

/**
 * A picture-level rate control for jcodec aimed at a rung's bitrate over a chunk: the first QP
 * follows the bits per pixel the rung allows; after each picture the QP moves by the log of how far
 * that picture (an IDR picture counts as four) and the chunk so far are from their budgets (6 QP
 * steps halve the bits in H.264). StrictMath on the encoder's own counts, so the same chunk gets
 * the same QPs on every run and on every server.
 */
final class ChunkRateControl implements RateControl {
  private static final int MIN_QP = 12;
  private static final int MAX_QP = 48;
  private static final int INTRA_WEIGHT = 4;

  private final double bitsPerFrame;
  private int qp;
  private long pictureBits;
  private long spentBits;
  private long budgetBits;
  private boolean started;
  private boolean intra;

  ChunkRateControl(long bitrate, double fps, int width, int height) {
    this.bitsPerFrame = bitrate / fps;
    double bitsPerPixel = bitsPerFrame / ((double) width * height);
    this.qp = clamp((int) Math.round(30 - 6 * log2(bitsPerPixel / 0.1)));
  }

  @Override
  public int startPicture(Size size, int maxSize, SliceType sliceType) {
    if (started) {
      double expected = bitsPerFrame * (intra ? INTRA_WEIGHT : 1);
      spentBits += pictureBits;
      budgetBits += (long) expected;
      double picture = log2(Math.max(1, pictureBits) / expected);
      double chunk = log2(Math.max(1, spentBits) / (double) Math.max(1, budgetBits));
      qp = clamp(qp + (int) Math.round(Math.max(-4, Math.min(4, 2 * picture + 3 * chunk))));
    }
    started = true;
    intra = sliceType.isIntra();
    pictureBits = 0;
    return intra ? clamp(qp - 2) : qp;
  }

  @Override
  public int initialQpDelta() {
    return 0;
  }

  @Override
  public int accept(int bits) {
    pictureBits += bits;
    return 0;
  }

  private static int clamp(int value) {
    return Math.max(MIN_QP, Math.min(MAX_QP, value));
  }

  private static double log2(double value) {
    return StrictMath.log(value) / StrictMath.log(2);
  }
}
