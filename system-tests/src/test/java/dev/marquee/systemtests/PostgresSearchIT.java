package dev.marquee.systemtests;

import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The search tests over HTTP against a server on the embedded default engine, PostgreSQL with
 * pg_trgm: the shared server is restarted with {@code MARQUEE_SEARCH_ENGINE=postgres} for this
 * class, then put back on OpenSearch with its index rebuilt (the relay drops outbox entries while
 * PostgreSQL serves, so the index is rebuilt from the catalog afterwards).
 */
class PostgresSearchIT extends SearchOverHttp {
  private static String before;

  @Override
  String engine() {
    return "postgres";
  }

  @BeforeAll
  static void serveSearchFromPostgres() throws Exception {
    var liberty = RunningMarquee.stack().liberty();
    before = liberty.environment("MARQUEE_SEARCH_ENGINE");
    restartWith("postgres");
  }

  @AfterAll
  static void backToTheStacksEngine() throws Exception {
    restartWith(before);
    if ("opensearch".equals(before)) {
      Api.Reply rebuilt = api.post("/api/catalog/search/rebuild", Viewers.admin(api));
      if (rebuilt.status() != 200) {
        throw new AssertionError("the OpenSearch index was not rebuilt: " + rebuilt);
      }
    }
  }

  private static void restartWith(String engine) throws Exception {
    var liberty = RunningMarquee.stack().liberty();
    liberty.stop();
    liberty.environment("MARQUEE_SEARCH_ENGINE", engine == null ? "postgres" : engine);
    liberty.start();
    liberty.awaitReady(Duration.ofMinutes(3));
  }
}
