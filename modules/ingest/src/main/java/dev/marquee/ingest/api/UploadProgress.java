package dev.marquee.ingest.api;

import java.util.List;

/**
 * Where an upload stands: its parts ({@code partSize} bytes each but the last), those the storage
 * does not hold yet, and, once completed, its title or why the master was refused.
 */
public record UploadProgress(
    String id,
    String state,
    String fileName,
    long sizeBytes,
    long partSize,
    int partCount,
    long receivedBytes,
    List<Integer> missingParts,
    String titleId,
    String failureType,
    String failureDetail) {
  public UploadProgress {
    missingParts = List.copyOf(missingParts);
  }
}
