package dev.marquee.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The segments a bench stack's object storage holds (s3proxy keeps them as plain files, which is
 * what the nginx-from-disk baseline serves) and their signed origin URLs, signed as Marquee's
 * OriginSigner signs them, with the stack's secret.
 */
final class SignedSegments {
  private static final Pattern SEGMENT =
      Pattern.compile(
          "titles/[0-9a-f-]{36}/[0-9a-f-]{36}/(video|audio)/[^/]+/(cenc|cbcs)/"
              + "(init\\.mp4|seg-[0-9]+\\.m4s)");

  private final Path bucketFolder;
  private final byte[] secret;
  private final long expiry;

  SignedSegments(Path home) throws IOException {
    this.bucketFolder = home.resolve("objects/marquee");
    this.secret =
        Files.readString(home.resolve("secrets/origin-url-secret"), StandardCharsets.UTF_8)
            .strip()
            .getBytes(StandardCharsets.UTF_8);
    // Six hours ahead, rounded up to the hour, as the server does.
    this.expiry = (Instant.now().getEpochSecond() / 3600 + 7) * 3600;
  }

  /** The folder whose relative paths are the object keys. */
  Path bucketFolder() {
    return bucketFolder;
  }

  /** Every init and media segment key in storage. */
  List<String> keys() throws IOException {
    try (Stream<Path> files = Files.walk(bucketFolder)) {
      return files
          .filter(Files::isRegularFile)
          .map(p -> bucketFolder.relativize(p).toString())
          .filter(k -> SEGMENT.matcher(k).matches())
          .sorted()
          .toList();
    }
  }

  /** The video media segment whose size is closest to {@code bytes}. */
  String videoSegmentNear(long bytes) throws IOException {
    return keys().stream()
        .filter(k -> k.contains("/video/") && k.endsWith(".m4s"))
        .min(Comparator.comparingLong(k -> Math.abs(size(k) - bytes)))
        .orElseThrow(() -> new IllegalStateException("no video segment in " + bucketFolder));
  }

  long size(String key) {
    try {
      return Files.size(bucketFolder.resolve(key));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** {@code /api/origin/<key>?exp=..&sig=..}. */
  String originPath(String key) {
    String[] parts = key.split("/");
    String prefix = parts[0] + "/" + parts[1] + "/" + parts[2] + "/";
    return "/api/origin/" + key + "?exp=" + expiry + "&sig=" + sign(prefix + "|" + expiry);
  }

  private String sign(String text) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      return Base64.getUrlEncoder()
          .withoutPadding()
          .encodeToString(mac.doFinal(text.getBytes(StandardCharsets.US_ASCII)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
