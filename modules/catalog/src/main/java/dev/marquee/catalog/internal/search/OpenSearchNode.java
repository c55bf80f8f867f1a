package dev.marquee.catalog.internal.search;

import dev.marquee.catalog.internal.domain.SearchUnavailable;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.hc.core5.http.HttpHost;
import org.opensearch.client.json.jsonb.JsonbJsonpMapper;
import org.opensearch.client.opensearch.generic.Body;
import org.opensearch.client.opensearch.generic.OpenSearchGenericClient;
import org.opensearch.client.opensearch.generic.Requests;
import org.opensearch.client.opensearch.generic.Response;
import org.opensearch.client.transport.httpclient5.ApacheHttpClient5TransportBuilder;

/**
 * One OpenSearch cluster as Marquee talks to it: opensearch-java's transport (Apache HttpClient 5)
 * and its generic client, with request bodies written as the query DSL's own JSON. Any failure to
 * reach the cluster, or a 5xx from it, is {@link SearchUnavailable}.
 */
public final class OpenSearchNode {
  private static final JsonProvider JSON = JsonProvider.provider();

  private final OpenSearchGenericClient client;
  private final String url;

  public OpenSearchNode(String url) {
    this.url = url;
    URI uri = URI.create(url);
    HttpHost host =
        new HttpHost(uri.getScheme(), uri.getHost(), uri.getPort() < 0 ? 9200 : uri.getPort());
    this.client =
        new OpenSearchGenericClient(
            ApacheHttpClient5TransportBuilder.builder(host)
                .setMapper(new JsonbJsonpMapper())
                .build());
  }

  /** The answer: status and body (null when empty). */
  public record Answer(int status, JsonValue body) {
    public JsonObject object() {
      return body.asJsonObject();
    }
  }

  public Answer call(String method, String path, JsonValue body) {
    return call(method, path, body == null ? null : body.toString(), "application/json");
  }

  /** Sends newline-delimited JSON (the bulk API). */
  public Answer bulk(List<JsonObject> lines) {
    StringBuilder ndjson = new StringBuilder(lines.size() * 512);
    for (JsonObject line : lines) {
      ndjson.append(line).append('\n');
    }
    return call("POST", "/_bulk", ndjson.toString(), "application/x-ndjson");
  }

  private Answer call(String method, String path, String body, String type) {
    try (Response response =
        client.execute(
            Requests.create(
                method,
                path,
                List.of(),
                Map.of(),
                body == null ? null : Body.from(body.getBytes(StandardCharsets.UTF_8), type)))) {
      String text = response.getBody().map(Body::bodyAsString).orElse("");
      if (response.getStatus() >= 500) {
        throw new SearchUnavailable(
            "OpenSearch answered " + response.getStatus() + " " + response.getReason() + ".");
      }
      JsonValue json =
          text.isBlank() ? JsonValue.NULL : JSON.createReader(new StringReader(text)).readValue();
      return new Answer(response.getStatus(), json);
    } catch (IOException e) {
      throw new SearchUnavailable("OpenSearch at " + url + " does not answer: " + e.getMessage());
    }
  }
}
