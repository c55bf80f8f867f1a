package dev.marquee.devstack;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.gaul.s3proxy.CrossOriginResourceSharing;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;

/**
 * A real S3 API server (s3proxy) over a local folder. Marquee talks to it with the same
 * aws-sdk-java-v2 code path it uses for AWS S3. It answers CORS for pages on loopback (any port,
 * HTTP or HTTPS), so that the console's browser ingest can PUT parts straight to it when {@code
 * MARQUEE_INGEST_BROWSER_DIRECT_PARTS} is on (ADR 40): PUT with no credentials, any request header.
 */
public final class EmbeddedObjectStore implements AutoCloseable {
  /** Origins of pages on this machine: the console of a local run, on whatever port it has. */
  private static final List<String> LOOPBACK_ORIGINS =
      List.of("https?://127\\.0\\.0\\.1(:[0-9]+)?", "https?://localhost(:[0-9]+)?");

  private final Path folder;
  private final int port;
  private final String accessKey;
  private final String secretKey;
  private S3Proxy proxy;

  public EmbeddedObjectStore(Path folder, int port, String accessKey, String secretKey) {
    this.folder = folder;
    this.port = port;
    this.accessKey = accessKey;
    this.secretKey = secretKey;
  }

  public void start() throws Exception {
    Files.createDirectories(folder);
    proxy =
        S3Proxy.builder()
            .blobStore(new FilesystemNio2BlobStore(folder.toString()))
            .endpoint(URI.create("http://127.0.0.1:" + port))
            .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, accessKey, secretKey)
            .corsRules(
                new CrossOriginResourceSharing(
                    LOOPBACK_ORIGINS,
                    List.of("GET", "HEAD", "PUT"),
                    List.of("*"),
                    List.of("ETag"),
                    "false"))
            .build();
    proxy.start();
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (!"STARTED".equals(proxy.getState())) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("s3proxy did not start on port " + port);
      }
      Thread.sleep(20);
    }
  }

  public String endpoint() {
    return "http://127.0.0.1:" + port;
  }

  public String accessKey() {
    return accessKey;
  }

  public String secretKey() {
    return secretKey;
  }

  /** Stops serving (what it stored stays in its folder); {@link #start} serves it again. */
  public void stop() throws Exception {
    close();
  }

  @Override
  public void close() throws Exception {
    if (proxy != null) {
      proxy.stop();
      proxy = null;
    }
  }
}
