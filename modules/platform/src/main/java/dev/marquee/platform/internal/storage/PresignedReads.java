package dev.marquee.platform.internal.storage;

import dev.marquee.platform.api.ObjectRead;
import dev.marquee.platform.api.ObjectRead.Outcome;
import dev.marquee.platform.api.StoredObject;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.Timeout;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * The origin's reads as plain HTTP GETs of presigned URLs on a pool of keep-alive connections. The
 * SDK's request pipeline (endpoint and auth-scheme resolution, signing, interceptors, metrics) cost
 * about as much CPU per segment as the rest of the request; a presigned URL is signed once per key
 * and reused for minutes, so a segment costs one GET and no signing (docs/adr, ADR 24 amendment).
 */
final class PresignedReads implements AutoCloseable {
  /** How long a URL is valid, and how long it is handed out (the rest is margin for slow GETs). */
  static final Duration VALIDITY = Duration.ofMinutes(15);

  static final Duration REUSE = Duration.ofMinutes(10);
  private static final int MAX_CACHED = 50_000;

  private final S3Presigner presigner;
  private final String bucket;
  private final Clock clock;
  private final CloseableHttpClient http;
  private final Map<String, Signed> urls = new ConcurrentHashMap<>();

  private record Signed(URI uri, Instant reuseUntil) {}

  PresignedReads(S3Presigner presigner, String bucket, int maxConnections, Clock clock) {
    this.presigner = presigner;
    this.bucket = bucket;
    this.clock = clock;
    this.http =
        HttpClients.custom()
            .setConnectionManager(
                PoolingHttpClientConnectionManagerBuilder.create()
                    .setMaxConnTotal(maxConnections)
                    .setMaxConnPerRoute(maxConnections)
                    .setDefaultConnectionConfig(
                        ConnectionConfig.custom()
                            .setConnectTimeout(Timeout.ofSeconds(5))
                            .setSocketTimeout(Timeout.ofSeconds(30))
                            .build())
                    .build())
            .disableAutomaticRetries()
            .disableCookieManagement()
            .disableRedirectHandling()
            .disableContentCompression()
            .disableAuthCaching()
            .build();
  }

  /**
   * One GET of {@code key}, with an optional Range and If-None-Match, as the origin serves it;
   * empty when there is no such object. Throws when storage refused the URL itself (a 403 after a
   * key rotation or a clock jump, or any answer the origin does not serve) or the connection
   * failed: the caller then reads through the SDK. The content stream, when there is one, holds a
   * pooled connection until the caller closes it.
   */
  Optional<ObjectRead> read(
      String key,
      String range,
      String ifNoneMatch,
      Function<String, Optional<StoredObject>> describe)
      throws IOException {
    HttpGet get = new HttpGet(url(key));
    if (range != null) {
      get.addHeader("Range", range);
    }
    if (ifNoneMatch != null) {
      get.addHeader("If-None-Match", ifNoneMatch);
    }
    ClassicHttpResponse response = http.executeOpen(null, get, null);
    int status = response.getCode();
    if (status != 200 && status != 206) {
      release(response);
      return switch (status) {
        case 404 -> Optional.empty();
        case 304 ->
            describe.apply(key).map(o -> new ObjectRead(o, Outcome.NOT_MODIFIED, 0, 0, null));
        case 416 ->
            describe
                .apply(key)
                .map(o -> new ObjectRead(o, Outcome.RANGE_NOT_SATISFIABLE, 0, 0, null));
        default -> {
          forget(key);
          throw new IOException("storage answered " + status + " to a presigned GET");
        }
      };
    }
    long length = Long.parseLong(header(response, "Content-Length"));
    ContentRange bytes = ContentRange.of(header(response, "Content-Range"), length);
    String etag = header(response, "ETag");
    StoredObject object =
        new StoredObject(key, bytes.size(), header(response, "Content-Type"), etag);
    if (ifNoneMatch != null && ifNoneMatch.equals(etag)) {
      release(response); // a store that ignores If-None-Match
      return Optional.of(new ObjectRead(object, Outcome.NOT_MODIFIED, 0, 0, null));
    }
    HttpEntity entity = response.getEntity();
    return Optional.of(
        new ObjectRead(object, Outcome.CONTENT, bytes.first(), length, entity.getContent()));
  }

  /** Reads what is left of a short answer, so that its connection goes back to the pool. */
  private static void release(ClassicHttpResponse response) throws IOException {
    EntityUtils.consume(response.getEntity());
    response.close();
  }

  private static String header(ClassicHttpResponse response, String name) {
    Header h = response.getFirstHeader(name);
    return h == null ? null : h.getValue();
  }

  /** Forgets the URL for {@code key}, after storage refused it (a rotated key, a clock jump). */
  void forget(String key) {
    urls.remove(key);
  }

  private URI url(String key) {
    Instant now = clock.instant();
    Signed signed = urls.get(key);
    if (signed == null || !now.isBefore(signed.reuseUntil())) {
      if (urls.size() >= MAX_CACHED) {
        urls.clear(); // a crude bound; re-signing costs one HMAC chain per key
      }
      signed = new Signed(presign(key), now.plus(REUSE));
      urls.put(key, signed);
    }
    return signed.uri();
  }

  private URI presign(String key) {
    try {
      return presigner
          .presignGetObject(
              b -> b.signatureDuration(VALIDITY).getObjectRequest(g -> g.bucket(bucket).key(key)))
          .url()
          .toURI();
    } catch (URISyntaxException e) {
      throw new IllegalStateException("a presigned URL that is not a URI: " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    http.close(CloseMode.GRACEFUL);
  }
}
