package dev.marquee.drm.internal.persistence;

import dev.marquee.drm.api.ContentKey;
import dev.marquee.drm.api.TrackType;
import dev.marquee.drm.internal.domain.KeyEncryptionKeys;
import dev.marquee.platform.api.PlainSql;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import javax.sql.DataSource;

/** Content keys at rest in {@code drm.content_keys}, wrapped; unwrapped only on the way out. */
@ApplicationScoped
public class ContentKeyStore {
  private final SecureRandom random = new SecureRandom();

  @Resource(lookup = "jdbc/marquee")
  DataSource db;

  @Inject KeyEncryptionKeys keks;

  /** A wrapped row as stored. */
  public record Wrapped(UUID titleId, TrackType type, UUID keyId, byte[] wrapped, String kekId) {}

  /** The key, creating it first if the title has none of this type (race-free across servers). */
  public ContentKey getOrCreate(UUID titleId, TrackType type) {
    Optional<Wrapped> found = find(titleId, type);
    if (found.isPresent()) {
      return unwrap(found.get());
    }
    byte[] key = new byte[16];
    random.nextBytes(key);
    UUID kid = UUID.randomUUID();
    String kek = keks.activeId();
    byte[] wrapped = keks.wrap(key, aad(titleId, type, kid));
    Arrays.fill(key, (byte) 0);
    PlainSql.update(
        db,
        "store a content key",
        "INSERT INTO drm.content_keys (title_id, track_type, key_id, wrapped, kek_id, created_at)"
            + " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (title_id, track_type) DO NOTHING",
        titleId,
        type.name(),
        kid,
        wrapped,
        kek,
        Timestamp.from(Instant.now()));
    return unwrap(find(titleId, type).orElseThrow());
  }

  public Optional<Wrapped> find(UUID titleId, TrackType type) {
    return PlainSql.queryOne(
        db,
        "read content keys",
        "SELECT " + COLUMNS + " FROM drm.content_keys WHERE title_id = ? AND track_type = ?",
        ContentKeyStore::wrapped,
        titleId,
        type.name());
  }

  public List<Wrapped> ofTitle(UUID titleId) {
    return query("SELECT " + COLUMNS + " FROM drm.content_keys WHERE title_id = ?", titleId);
  }

  public Map<TrackType, UUID> keyIds(UUID titleId) {
    Map<TrackType, UUID> ids = new EnumMap<>(TrackType.class);
    for (Wrapped w : ofTitle(titleId)) {
      ids.put(w.type(), w.keyId());
    }
    return ids;
  }

  public ContentKey unwrap(Wrapped w) {
    byte[] key = keks.unwrap(w.kekId(), w.wrapped(), aad(w.titleId(), w.type(), w.keyId()));
    try {
      return new ContentKey(w.titleId(), w.type(), w.keyId(), key);
    } finally {
      Arrays.fill(key, (byte) 0);
    }
  }

  /** Up to {@code limit} keys not wrapped by the active KEK. */
  public List<Wrapped> notUnder(String kekId, int limit) {
    return query(
        "SELECT "
            + COLUMNS
            + " FROM drm.content_keys WHERE kek_id <> ? ORDER BY title_id, track_type LIMIT "
            + limit,
        kekId);
  }

  /** Replaces a row's wrapping if it still has the wrapping that was read (optimistic). */
  public boolean rewrap(Wrapped old) {
    ContentKey key = unwrap(old);
    byte[] raw = key.key();
    byte[] wrapped = keks.wrap(raw, aad(old.titleId(), old.type(), old.keyId()));
    Arrays.fill(raw, (byte) 0);
    return PlainSql.update(
            db,
            "re-wrap a content key",
            "UPDATE drm.content_keys SET wrapped = ?, kek_id = ? WHERE title_id = ?"
                + " AND track_type = ? AND kek_id = ?",
            wrapped,
            keks.activeId(),
            old.titleId(),
            old.type().name(),
            old.kekId())
        == 1;
  }

  /** Number of keys per KEK id. */
  public Map<String, Long> countByKek() {
    Map<String, Long> counts = new TreeMap<>();
    PlainSql.query(
            db,
            "count content keys",
            "SELECT kek_id, count(*) FROM drm.content_keys GROUP BY kek_id",
            r -> Map.entry(r.getString(1), r.getLong(2)))
        .forEach(e -> counts.put(e.getKey(), e.getValue()));
    return counts;
  }

  private static final String COLUMNS = "title_id, track_type, key_id, wrapped, kek_id";

  private List<Wrapped> query(String sql, Object... params) {
    return PlainSql.query(db, "read content keys", sql, ContentKeyStore::wrapped, params);
  }

  private static Wrapped wrapped(ResultSet r) throws SQLException {
    return new Wrapped(
        r.getObject(1, UUID.class),
        TrackType.valueOf(r.getString(2)),
        r.getObject(3, UUID.class),
        r.getBytes(4),
        r.getString(5));
  }

  static byte[] aad(UUID titleId, TrackType type, UUID kid) {
    return (titleId + "|" + type.name() + "|" + kid).getBytes(StandardCharsets.US_ASCII);
  }
}
