package dev.marquee.transcode.internal.encode;

import dev.marquee.transcode.internal.domain.ThumbnailLayout;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.IntFunction;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Draws a master's thumbnails into JPEG sprite sheets as {@link ThumbnailLayout} lays them out
 * (left to right, top to bottom; a short last sheet keeps the full size, its unused tiles black)
 * and hands each finished sheet over, in order.
 */
public final class ThumbnailSheets {
  /** JPEG quality of a sheet: stills for finding a place, not for watching. */
  static final float JPEG_QUALITY = 0.7f;

  /** Receives sheet {@code n} (from 0) as JPEG bytes. */
  @FunctionalInterface
  public interface Sink {
    void sheet(int n, byte[] jpeg) throws IOException;
  }

  private final ThumbnailLayout layout;
  private final int rotationDegrees;

  public ThumbnailSheets(ThumbnailLayout layout, int rotationDegrees) {
    this.layout = layout;
    this.rotationDegrees = rotationDegrees;
  }

  /** Grabs every thumbnail of {@code master} and hands over each sheet as soon as it is full. */
  public void make(String master, Sink sink) throws IOException {
    Drawing drawing = new Drawing(sink);
    try {
      new ThumbnailGrabber(layout.tileWidth(), layout.tileHeight(), rotationDegrees)
          .grab(master, layout.intervalMillis() / 1000.0, layout.count(), drawing::draw);
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  /**
   * Draws the sheets from thumbnails made already ({@code tiles} gives thumbnail {@code k}, upright
   * and at tile size), as {@link #make(String, Sink)} would draw them from the master.
   */
  public void draw(IntFunction<BufferedImage> tiles, Sink sink) throws IOException {
    Drawing drawing = new Drawing(sink);
    try {
      for (int k = 0; k < layout.count(); k++) {
        drawing.draw(tiles.apply(k), k);
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  /** A thumbnail as lossless PNG bytes, kept until the sheets are drawn. */
  public static byte[] png(BufferedImage tile) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
    if (!ImageIO.write(tile, "png", out)) {
      throw new IOException("no PNG writer");
    }
    return out.toByteArray();
  }

  /** The sheet being drawn, handed over when its last thumbnail is on it. */
  private final class Drawing {
    private final Sink sink;
    private BufferedImage sheet;

    Drawing(Sink sink) {
      this.sink = sink;
    }

    void draw(BufferedImage tile, int k) {
      int n = layout.sheetOf(k);
      if (sheet == null) {
        sheet =
            new BufferedImage(
                layout.sheetWidth(), layout.sheetHeight(), BufferedImage.TYPE_3BYTE_BGR);
      }
      Graphics2D g = sheet.createGraphics();
      g.drawImage(tile, layout.x(k), layout.y(k), null);
      g.dispose();
      if (k == layout.count() - 1 || layout.sheetOf(k + 1) != n) {
        try {
          sink.sheet(n, jpeg(sheet));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
        sheet = null;
      }
    }
  }

  static byte[] jpeg(BufferedImage image) throws IOException {
    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
    try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
      writer.setOutput(stream);
      ImageWriteParam param = writer.getDefaultWriteParam();
      param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      param.setCompressionQuality(JPEG_QUALITY);
      writer.write(null, new IIOImage(image, null, null), param);
    } finally {
      writer.dispose();
    }
    return out.toByteArray();
  }
}
