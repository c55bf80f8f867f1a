package dev.marquee.transcode.internal.domain;

/**
 * How a title's trick-play thumbnails are laid out: one thumbnail every {@code intervalMillis},
 * {@code count} of them, drawn left to right and top to bottom into sprite sheets of {@code columns
 * x rows} tiles of {@code tileWidth x tileHeight} (the last sheet may be only partly drawn; it
 * keeps the full size, as DASH and HLS describe every sheet of a track with one size and one grid).
 */
public record ThumbnailLayout(
    int tileWidth, int tileHeight, int columns, int rows, int intervalMillis, int count) {
  /** Thumbnails' short side in pixels: 256x144 for 16:9, 144x256 for a portrait master. */
  public static final int SHORT_SIDE = 144;

  /** Tiles per row and per column of a sheet. */
  public static final int GRID = 5;

  /** A thumbnail's long side is at most this many times its short side (very wide masters). */
  private static final double WIDEST = 3;

  public ThumbnailLayout {
    if (tileWidth <= 0 || tileHeight <= 0 || columns <= 0 || rows <= 0) {
      throw new IllegalArgumentException("tiles and grid must have a size");
    }
    if (intervalMillis <= 0 || count <= 0) {
      throw new IllegalArgumentException("at least one thumbnail, at a positive interval");
    }
  }

  /**
   * The layout for an upright {@code width x height} master of {@code durationSeconds}: the aspect
   * of the master, one thumbnail for each interval that starts before the end.
   */
  public static ThumbnailLayout of(
      int width, int height, double durationSeconds, int intervalMillis) {
    double aspect = Math.min(WIDEST, (double) Math.max(width, height) / Math.min(width, height));
    int longSide = 2 * (int) Math.round(SHORT_SIDE * aspect / 2);
    int count = Math.max(1, (int) Math.ceil(durationSeconds * 1000 / intervalMillis - 1e-6));
    return width >= height
        ? new ThumbnailLayout(longSide, SHORT_SIDE, GRID, GRID, intervalMillis, count)
        : new ThumbnailLayout(SHORT_SIDE, longSide, GRID, GRID, intervalMillis, count);
  }

  /**
   * The output frame thumbnail {@code k} shows at {@code fpsNum/fpsDen} frames a second: the first
   * frame at or after its time.
   */
  public long frameOf(int k, int fpsNum, int fpsDen) {
    long ticks = (long) k * intervalMillis * fpsNum;
    long perFrame = 1000L * fpsDen;
    return (ticks + perFrame - 1) / perFrame;
  }

  /** The first thumbnail whose frame is at or after {@code frame} (may be {@link #count()}). */
  public int firstFrom(long frame, int fpsNum, int fpsDen) {
    int k = (int) Math.min(count, frame * 1000L * fpsDen / ((long) intervalMillis * fpsNum));
    while (k < count && frameOf(k, fpsNum, fpsDen) < frame) {
      k++;
    }
    return k;
  }

  public int tilesPerSheet() {
    return columns * rows;
  }

  public int sheets() {
    return (count + tilesPerSheet() - 1) / tilesPerSheet();
  }

  /** The sheet (from 0) that holds thumbnail {@code k}. */
  public int sheetOf(int k) {
    return k / tilesPerSheet();
  }

  /** Left edge of thumbnail {@code k} in its sheet. */
  public int x(int k) {
    return (k % tilesPerSheet()) % columns * tileWidth;
  }

  /** Top edge of thumbnail {@code k} in its sheet. */
  public int y(int k) {
    return (k % tilesPerSheet()) / columns * tileHeight;
  }

  public int sheetWidth() {
    return columns * tileWidth;
  }

  public int sheetHeight() {
    return rows * tileHeight;
  }

  /** Thumbnails drawn on sheet {@code n} (from 0): the whole grid except on a short last sheet. */
  public int tilesOn(int n) {
    return Math.min(tilesPerSheet(), count - n * tilesPerSheet());
  }

  /** When sheet {@code n}'s first thumbnail is, in milliseconds. */
  public long sheetStartMillis(int n) {
    return (long) n * tilesPerSheet() * intervalMillis;
  }

  /** How long sheet {@code n}'s thumbnails stand for, in milliseconds. */
  public int sheetMillis(int n) {
    return tilesOn(n) * intervalMillis;
  }
}
