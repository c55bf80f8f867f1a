package dev.marquee.console.internal.web.ingest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Whether the browser ingest sends a master's parts straight to object storage through presigned
 * URLs ({@code MARQUEE_INGEST_BROWSER_DIRECT_PARTS}, ADR 40) instead of through this server. Off by
 * default: the bucket must answer CORS for the console's origin first.
 */
@ApplicationScoped
public class DirectParts {
  @Inject
  @ConfigProperty(name = "marquee.ingest.browser-direct-parts", defaultValue = "false")
  boolean on;

  /** The object storage Marquee is configured with; blank for AWS S3 itself. */
  @Inject
  @ConfigProperty(name = "marquee.s3.endpoint", defaultValue = "")
  String endpoint;

  public boolean on() {
    return on;
  }

  /**
   * The origin parts are PUT to, for the page's Content-Security-Policy: the configured endpoint's
   * scheme, host and port, or AWS S3's hosts when none is configured.
   */
  public String storageOrigin() {
    if (endpoint.isBlank()) {
      return "https://*.amazonaws.com";
    }
    URI uri = URI.create(endpoint.strip());
    return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
  }
}
