package dev.marquee.console.internal.web.ingest;

import dev.marquee.accounts.api.AccountId;
import dev.marquee.accounts.api.MaturityRating;
import dev.marquee.catalog.api.LicenceTerms;
import dev.marquee.catalog.api.NewTitle;
import dev.marquee.platform.api.ProblemException;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The ingest page's request to open an upload, read from its JSON: the title's metadata and the
 * file's name, size and SHA-256. Only the shape is checked here (a missing field is named); the
 * metadata rules are the catalog's, applied when ingest opens the upload, as for the REST API.
 */
record UploadForm(NewTitle title, String fileName, long sizeBytes, String sha256) {
  private static final Pattern SHA256 = Pattern.compile("[0-9a-fA-F]{64}");

  static UploadForm from(JsonObject body, UUID owner) {
    JsonObject title = object(body, "title");
    String rating = text(title, "maturityRating");
    MaturityRating maturity =
        MaturityRating.fromLabel(rating)
            .orElseThrow(
                () ->
                    ProblemException.badRequest(
                        "invalid-maturity-rating",
                        "maturityRating " + rating + " is not one of " + MaturityRating.labels()));
    Set<String> regions = new LinkedHashSet<>();
    JsonValue listed = title.get("regions");
    if (listed instanceof JsonArray array) {
      for (JsonValue region : array) {
        if (region instanceof JsonString code && !code.getString().isBlank()) {
          regions.add(code.getString().strip().toUpperCase());
        }
      }
    }
    String sha256 = text(body, "sha256");
    if (!SHA256.matcher(sha256).matches()) {
      throw invalid("sha256 must be 64 hexadecimal digits (SHA-256)");
    }
    long size = number(body, "sizeBytes");
    if (size <= 0) {
      throw invalid("sizeBytes must be positive");
    }
    String fileName = text(body, "fileName");
    if (fileName.length() > 255) {
      throw invalid("fileName must be at most 255 characters");
    }
    return new UploadForm(
        new NewTitle(
            new AccountId(owner),
            text(title, "name"),
            title.getString("synopsis", ""),
            text(title, "language"),
            text(title, "category"),
            maturity,
            (int) number(title, "releaseYear"),
            new LicenceTerms(
                regions, Instant.now(), null, title.getBoolean("offlineAllowed", false))),
        fileName,
        size,
        sha256);
  }

  private static JsonObject object(JsonObject body, String name) {
    if (!(body.get(name) instanceof JsonObject object)) {
      throw invalid(name + " is required");
    }
    return object;
  }

  private static String text(JsonObject body, String name) {
    if (!(body.get(name) instanceof JsonString value) || value.getString().isBlank()) {
      throw invalid(name + " is required");
    }
    return value.getString().strip();
  }

  private static long number(JsonObject body, String name) {
    if (!(body.get(name) instanceof JsonNumber value) || !value.isIntegral()) {
      throw invalid(name + " must be a whole number");
    }
    return value.longValue();
  }

  private static ProblemException invalid(String detail) {
    return ProblemException.badRequest("validation-failed", detail + ".");
  }
}
