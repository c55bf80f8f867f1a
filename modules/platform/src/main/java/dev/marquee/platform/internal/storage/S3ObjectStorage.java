package dev.marquee.platform.internal.storage;

import dev.marquee.platform.api.ObjectRead;
import dev.marquee.platform.api.ObjectStorage;
import dev.marquee.platform.api.StoredObject;
import dev.marquee.platform.api.UploadedPart;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * Object storage on S3 through aws-sdk-java-v2. The same code talks to AWS, to any S3-compatible
 * store, and to the s3proxy server that devstack runs over a local folder.
 */
@ApplicationScoped
public class S3ObjectStorage implements ObjectStorage {
  private static final Logger LOG = Logger.getLogger(S3ObjectStorage.class.getName());

  @Inject
  @ConfigProperty(name = "marquee.s3.endpoint", defaultValue = "")
  String endpoint;

  @Inject
  @ConfigProperty(name = "marquee.s3.region", defaultValue = "us-east-1")
  String region;

  @Inject
  @ConfigProperty(name = "marquee.s3.bucket", defaultValue = "marquee")
  String bucket;

  @Inject
  @ConfigProperty(name = "marquee.s3.access-key", defaultValue = "")
  String accessKey;

  @Inject
  @ConfigProperty(name = "marquee.s3.secret-key", defaultValue = "")
  String secretKey;

  @Inject
  @ConfigProperty(name = "marquee.s3.path-style", defaultValue = "true")
  boolean pathStyle;

  @Inject
  @ConfigProperty(name = "marquee.s3.create-bucket", defaultValue = "true")
  boolean createBucket;

  /**
   * Keep-alive connections to storage this server holds at most (the origin reads through them).
   */
  @Inject
  @ConfigProperty(name = "marquee.s3.max-connections", defaultValue = "128")
  int maxConnections;

  private S3Client client;
  private S3Presigner presigner;
  private PresignedReads reads;
  private volatile boolean bucketChecked;

  @PostConstruct
  void connect() {
    S3ClientBuilder builder =
        S3Client.builder()
            .httpClient(
                Apache5HttpClient.builder()
                    .maxConnections(maxConnections)
                    .connectionTimeout(Duration.ofSeconds(5))
                    .tcpKeepAlive(true)
                    .build())
            .region(Region.of(region))
            .forcePathStyle(pathStyle);
    if (!endpoint.isBlank()) {
      builder.endpointOverride(URI.create(endpoint));
    }
    if (!accessKey.isBlank()) {
      builder.credentialsProvider(
          StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey)));
    } else {
      builder.credentialsProvider(DefaultCredentialsProvider.builder().build());
    }
    client = builder.build();
    var presignerBuilder =
        S3Presigner.builder()
            .region(Region.of(region))
            .serviceConfiguration(
                S3Configuration.builder().pathStyleAccessEnabled(pathStyle).build());
    if (!endpoint.isBlank()) {
      presignerBuilder.endpointOverride(URI.create(endpoint));
    }
    presignerBuilder.credentialsProvider(
        accessKey.isBlank()
            ? DefaultCredentialsProvider.builder().build()
            : StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey)));
    presigner = presignerBuilder.build();
    reads = new PresignedReads(presigner, bucket, maxConnections, Clock.systemUTC());
  }

  @PreDestroy
  void close() {
    reads.close();
    client.close();
    presigner.close();
  }

  @Override
  public void put(String key, Path file, String contentType) {
    ensureBucket();
    client.putObject(b -> b.bucket(bucket).key(key).contentType(contentType), file);
  }

  @Override
  public void put(String key, InputStream content, long length, String contentType) {
    ensureBucket();
    client.putObject(
        b -> b.bucket(bucket).key(key).contentType(contentType).contentLength(length),
        RequestBody.fromInputStream(content, length));
  }

  @Override
  public InputStream open(String key) {
    return client.getObject(b -> b.bucket(bucket).key(key));
  }

  @Override
  public InputStream open(String key, long offset, long length) {
    if (offset < 0 || length <= 0) {
      throw new IllegalArgumentException("a byte range needs offset >= 0 and length > 0");
    }
    String range = "bytes=" + offset + "-" + (offset + length - 1);
    return client.getObject(b -> b.bucket(bucket).key(key).range(range));
  }

  @Override
  public Optional<ObjectRead> read(String key, String range, String ifNoneMatch) {
    try {
      return reads.read(key, range, ifNoneMatch, this::describe);
    } catch (IOException e) {
      // Storage refused the presigned URL itself, or the connection failed: the SDK's path
      // answers instead (and fails the way every other storage call does).
      LOG.fine(() -> "A presigned read of " + key + " failed (" + e + "); reading through the SDK");
      return readThroughSdk(key, range, ifNoneMatch);
    }
  }

  private Optional<ObjectRead> readThroughSdk(String key, String range, String ifNoneMatch) {
    ResponseInputStream<GetObjectResponse> in;
    try {
      in =
          client.getObject(
              b -> {
                b.bucket(bucket).key(key);
                if (range != null) {
                  b.range(range);
                }
                if (ifNoneMatch != null) {
                  b.ifNoneMatch(ifNoneMatch);
                }
              });
    } catch (NoSuchKeyException e) {
      return Optional.empty();
    } catch (S3Exception e) {
      return switch (e.statusCode()) {
        case 404 -> Optional.empty();
        case 304 ->
            describe(key).map(o -> new ObjectRead(o, ObjectRead.Outcome.NOT_MODIFIED, 0, 0, null));
        case 416 ->
            describe(key)
                .map(o -> new ObjectRead(o, ObjectRead.Outcome.RANGE_NOT_SATISFIABLE, 0, 0, null));
        default -> throw e;
      };
    }
    GetObjectResponse r = in.response();
    long length = r.contentLength();
    ContentRange bytes = ContentRange.of(r.contentRange(), length);
    StoredObject object = new StoredObject(key, bytes.size(), r.contentType(), r.eTag());
    if (ifNoneMatch != null && ifNoneMatch.equals(r.eTag())) {
      // A store that ignores If-None-Match: the same answer, without the bytes.
      in.abort();
      return Optional.of(new ObjectRead(object, ObjectRead.Outcome.NOT_MODIFIED, 0, 0, null));
    }
    return Optional.of(
        new ObjectRead(object, ObjectRead.Outcome.CONTENT, bytes.first(), length, in));
  }

  @Override
  public Optional<StoredObject> describe(String key) {
    try {
      HeadObjectResponse head = client.headObject(b -> b.bucket(bucket).key(key));
      return Optional.of(
          new StoredObject(key, head.contentLength(), head.contentType(), head.eTag()));
    } catch (NoSuchKeyException e) {
      return Optional.empty();
    } catch (S3Exception e) {
      if (e.statusCode() == 404) {
        return Optional.empty();
      }
      throw e;
    }
  }

  @Override
  public void delete(String key) {
    client.deleteObject(b -> b.bucket(bucket).key(key));
  }

  @Override
  public String startMultipartUpload(String key, String contentType) {
    ensureBucket();
    return client
        .createMultipartUpload(b -> b.bucket(bucket).key(key).contentType(contentType))
        .uploadId();
  }

  @Override
  public String uploadPart(String key, String uploadId, int partNumber, Path file) {
    return client
        .uploadPart(
            b -> b.bucket(bucket).key(key).uploadId(uploadId).partNumber(partNumber),
            RequestBody.fromFile(file))
        .eTag();
  }

  @Override
  public List<UploadedPart> listParts(String key, String uploadId) {
    List<UploadedPart> parts = new ArrayList<>();
    Integer marker = null;
    while (true) {
      Integer from = marker;
      var page =
          client.listParts(
              b -> {
                b.bucket(bucket).key(key).uploadId(uploadId);
                if (from != null) {
                  b.partNumberMarker(from);
                }
              });
      page.parts().forEach(p -> parts.add(new UploadedPart(p.partNumber(), p.size(), p.eTag())));
      if (!Boolean.TRUE.equals(page.isTruncated())) {
        return parts;
      }
      marker = page.nextPartNumberMarker();
    }
  }

  @Override
  public void completeMultipartUpload(String key, String uploadId, List<UploadedPart> parts) {
    var completed =
        parts.stream()
            .map(p -> CompletedPart.builder().partNumber(p.partNumber()).eTag(p.etag()).build())
            .toList();
    client.completeMultipartUpload(
        b -> b.bucket(bucket).key(key).uploadId(uploadId).multipartUpload(m -> m.parts(completed)));
  }

  @Override
  public void abortMultipartUpload(String key, String uploadId) {
    client.abortMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(uploadId));
  }

  @Override
  public URI presignPartUpload(String key, String uploadId, int partNumber, Duration validity) {
    return URI.create(
        presigner
            .presignUploadPart(
                r ->
                    r.signatureDuration(validity)
                        .uploadPartRequest(
                            p ->
                                p.bucket(bucket)
                                    .key(key)
                                    .uploadId(uploadId)
                                    .partNumber(partNumber)))
            .url()
            .toString());
  }

  @Override
  public URI presignGet(String key, Duration validity) {
    return URI.create(
        presigner
            .presignGetObject(
                r -> r.signatureDuration(validity).getObjectRequest(g -> g.bucket(bucket).key(key)))
            .url()
            .toString());
  }

  @Override
  public String bucket() {
    return bucket;
  }

  /** The embedded store starts empty; production buckets are made by the operator. */
  private void ensureBucket() {
    if (bucketChecked || !createBucket) {
      return;
    }
    try {
      client.headBucket(b -> b.bucket(bucket));
    } catch (NoSuchBucketException e) {
      LOG.info(() -> "Creating bucket " + bucket);
      client.createBucket(b -> b.bucket(bucket));
    } catch (S3Exception e) {
      if (e.statusCode() != 404) {
        throw e;
      }
      LOG.info(() -> "Creating bucket " + bucket);
      client.createBucket(b -> b.bucket(bucket));
    }
    bucketChecked = true;
  }
}
