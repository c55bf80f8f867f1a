package dev.marquee.transcode.internal.encode;

import dev.marquee.transcode.internal.cmaf.AvcConfiguration;
import dev.marquee.transcode.internal.cmaf.CmafSample;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.javacpp.BytePointer;
import org.jcodec.codecs.h264.H264Encoder;
import org.jcodec.common.logging.LogLevel;
import org.jcodec.common.logging.Logger;
import org.jcodec.common.model.ColorSpace;
import org.jcodec.common.model.Picture;

/**
 * jcodec's pure-Java H.264 encoder: Constrained Baseline (CAVLC, I and P pictures, no B-frames, so
 * decode order is presentation order), a picture-level rate control ({@link ChunkRateControl})
 * aimed at the rung's bitrate, one IDR picture per chunk. Deterministic: plain Java arithmetic.
 */
final class JcodecPictureEncoder implements PictureEncoder {
  static {
    // jcodec 0.2.5's encodePFrame asks for an IDR P slice, writes a non-IDR one (as it should) and
    // prints "Illegal value of idr" to standard output: one line per P picture per rung. jcodec
    // logs a message only when its level is above the global one, so WARN keeps its errors only.
    Logger.setLevel(LogLevel.WARN);
  }

  private final H264Encoder encoder;
  private final Picture picture;
  private final ByteBuffer buffer;
  private final List<CmafSample> samples = new ArrayList<>();
  private byte[] parameterSets;

  JcodecPictureEncoder(ChunkSpec chunk, Rung rung, int width, int height) {
    double fps = (double) chunk.fpsNum() / chunk.fpsDen();
    encoder = new H264Encoder(new ChunkRateControl(rung.bitrate(), fps, width, height));
    encoder.setKeyInterval(chunk.frameCount());
    picture = Picture.create(width, height, ColorSpace.YUV420J);
    buffer = ByteBuffer.allocate(Math.max(1 << 16, encoder.estimateBufferSize(picture)));
  }

  @Override
  public void encode(AVFrame frame, int index) {
    copy(frame);
    buffer.clear();
    // One IDR picture opens the chunk; P pictures follow (a closed GOP of the whole chunk).
    boolean idr = index == 0;
    ByteBuffer data =
        idr ? encoder.encodeIDRFrame(picture, buffer) : encoder.encodePFrame(picture, buffer);
    byte[] annexB = new byte[data.remaining()];
    data.get(annexB);
    if (idr && parameterSets == null) {
      parameterSets = annexB;
    }
    samples.add(new CmafSample(AvcConfiguration.toLengthPrefixed(annexB), 1, 0, idr));
  }

  /** jcodec keeps 8-bit samples as signed bytes, value - 128. */
  private void copy(AVFrame frame) {
    for (int plane = 0; plane < 3; plane++) {
      int width = plane == 0 ? picture.getWidth() : (picture.getWidth() + 1) / 2;
      int height = plane == 0 ? picture.getHeight() : (picture.getHeight() + 1) / 2;
      byte[] target = picture.getPlaneData(plane);
      int targetStride = picture.getPlaneWidth(plane);
      BytePointer source = frame.data(plane);
      int stride = frame.linesize(plane);
      byte[] row = new byte[width];
      for (int y = 0; y < height; y++) {
        source.position((long) y * stride).get(row, 0, width);
        int at = y * targetStride;
        for (int x = 0; x < width; x++) {
          target[at + x] = (byte) ((row[x] & 0xFF) - 128);
        }
      }
      source.position(0);
    }
  }

  @Override
  public List<CmafSample> finish() {
    return samples;
  }

  @Override
  public AvcConfiguration avc() {
    return AvcConfiguration.fromAnnexB(parameterSets);
  }

  @Override
  public void close() {
    // Plain Java: nothing to free.
  }
}
