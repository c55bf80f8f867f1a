package dev.marquee.bench;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Many titles for the edge bench without transcoding each: one published title's cenc segments
 * stored again, through the S3 API, under fresh title and job ids. The origin serves any key of a
 * title's output that storage holds, so each copy is a title as far as caches can tell.
 */
final class TitleCopies {
  private TitleCopies() {}

  /** For each copy, the keys of its cenc init and media segments (copy 0 is the original). */
  static List<List<String>> make(
      SignedSegments segments, int copies, int s3Port, String accessKey, String secretKey) {
    List<String> original =
        segmentsOf(segments).stream().filter(k -> k.contains("/cenc/")).toList();
    List<List<String>> titles = new ArrayList<>();
    titles.add(original);
    String[] parts = original.get(0).split("/");
    String oldPrefix = parts[0] + "/" + parts[1] + "/" + parts[2] + "/";
    try (S3Client s3 =
        S3Client.builder()
            .httpClient(Apache5HttpClient.builder().maxConnections(8).build())
            .endpointOverride(URI.create("http://127.0.0.1:" + s3Port))
            .region(Region.US_EAST_1)
            .forcePathStyle(true)
            .credentialsProvider(
                StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey)))
            .build()) {
      for (int i = 1; i < copies; i++) {
        String prefix = "titles/" + UUID.randomUUID() + "/" + UUID.randomUUID() + "/";
        List<String> keys = new ArrayList<>();
        for (String key : original) {
          String copy = prefix + key.substring(oldPrefix.length());
          Path file = segments.bucketFolder().resolve(key);
          s3.putObject(b -> b.bucket("marquee").key(copy).contentType("video/mp4"), file);
          keys.add(copy);
        }
        titles.add(keys);
      }
    }
    return titles;
  }

  private static List<String> segmentsOf(SignedSegments segments) {
    try {
      return segments.keys();
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
