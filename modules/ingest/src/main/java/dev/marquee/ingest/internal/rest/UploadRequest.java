package dev.marquee.ingest.internal.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Set;

/** Body of {@code POST /api/ingest/uploads}: the title, and the master about to be sent. */
public record UploadRequest(
    @NotNull @Valid TitleMetadata title,
    @NotBlank @Size(max = 255) String fileName,
    @NotNull @Positive Long sizeBytes,
    @NotNull
        @Pattern(regexp = "[0-9a-fA-F]{64}", message = "must be 64 hexadecimal digits (SHA-256)")
        String sha256) {

  /** What viewers will see of the title. */
  public record TitleMetadata(
      @NotBlank @Size(max = 200) String name,
      @Size(max = 4000) String synopsis,
      @NotBlank String language,
      @NotBlank String category,
      @NotBlank String maturityRating,
      @NotNull Integer releaseYear,
      @NotNull @Valid Licence licence) {}

  /** Where, when and how the title may be watched. */
  public record Licence(
      @NotNull Set<String> regions,
      Instant availableFrom,
      Instant availableUntil,
      boolean offlineAllowed) {}
}
