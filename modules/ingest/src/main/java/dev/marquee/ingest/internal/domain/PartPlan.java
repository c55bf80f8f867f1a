package dev.marquee.ingest.internal.domain;

/**
 * How a master of {@code size} bytes is cut into parts: every part {@code partSize} bytes except
 * the last. S3 needs parts of at least 5 MiB (but the last) and at most 10,000 of them, so large
 * masters get larger parts.
 */
public record PartPlan(long size, long partSize) {
  public static final long MIN_PART_SIZE = 5L * 1024 * 1024;
  public static final int MAX_PARTS = 10_000;

  public PartPlan {
    if (size <= 0 || partSize < MIN_PART_SIZE) {
      throw new IllegalArgumentException("size must be positive and parts at least 5 MiB");
    }
  }

  /** The smallest part size at or above {@code preferred} that needs no more than 10,000 parts. */
  public static PartPlan forSize(long size, long preferred) {
    long partSize = Math.max(preferred, MIN_PART_SIZE);
    long needed = (size + MAX_PARTS - 1) / MAX_PARTS;
    if (needed > partSize) {
      long mib = 1024 * 1024;
      partSize = (needed + mib - 1) / mib * mib;
    }
    return new PartPlan(size, partSize);
  }

  public int partCount() {
    return (int) ((size + partSize - 1) / partSize);
  }

  /** Bytes part {@code number} (1-based) must carry. */
  public long expectedSize(int number) {
    if (number < 1 || number > partCount()) {
      throw new IllegalArgumentException("part " + number + " is outside 1.." + partCount());
    }
    return number < partCount() ? partSize : size - partSize * (partCount() - 1);
  }

  /** Where part {@code number} starts in the master. */
  public long offsetOf(int number) {
    return (number - 1) * partSize;
  }
}
