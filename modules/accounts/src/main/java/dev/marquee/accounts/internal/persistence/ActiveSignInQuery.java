package dev.marquee.accounts.internal.persistence;

import dev.marquee.platform.api.PlainSql;
import dev.marquee.platform.api.SharedReads;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Whether a sign-in (token family) is still live: asked on every request that carries an access
 * token. Read from the shared database every time, so a revocation on any server holds on the next
 * request everywhere.
 *
 * <p>Concurrent questions share reads ({@link SharedReads}, ADR 48): askers arriving while a read
 * runs wait, and the next read answers all of them with one statement ({@code id = ANY (...)}).
 * Every answer comes from a read that started after its question was asked.
 */
@ApplicationScoped
public class ActiveSignInQuery {
  // The ids behind a scalar subquery so that PostgreSQL keeps one generic plan (ADR 53).
  private static final String SQL =
      "SELECT id FROM accounts.token_families WHERE id = ANY ((SELECT ?::uuid[])::uuid[])"
          + " AND revoked_at IS NULL";
  private static final int MAX_BATCH = 256;

  @Resource(lookup = "jdbc/marquee")
  DataSource db;

  private final SharedReads<UUID, Boolean> reads =
      new SharedReads<>("read the sign-ins", MAX_BATCH, this::read);

  public boolean isActive(UUID familyId) {
    return reads.read(familyId) != null;
  }

  private Map<UUID, Boolean> read(Set<UUID> families) {
    return PlainSql.call(
        db,
        "read the sign-ins",
        c -> {
          Map<UUID, Boolean> live = new HashMap<>();
          PlainSql.query(
                  c,
                  SQL,
                  row -> row.getObject(1, UUID.class),
                  c.createArrayOf("uuid", families.toArray()))
              .forEach(id -> live.put(id, Boolean.TRUE));
          return live;
        });
  }
}
